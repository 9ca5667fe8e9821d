using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace TrackerPS.Core.Bencode
{
    /// <summary>
    /// Encodes values as canonical bencode (BEP 3): dictionary keys sorted as raw bytes, integers without
    /// leading zeros. Decoded values are re-encoded from their parts, not copied from their source bytes.
    /// </summary>
    public static class BencodeEncoder
    {
        /// <summary>Encodes a value.</summary>
        /// <param name="value">The value.</param>
        /// <returns>The encoded bytes.</returns>
        public static byte[] Encode(BValue value)
        {
            using var stream = new MemoryStream();
            Encode(value, stream);
            return stream.ToArray();
        }

        /// <summary>Encodes a value onto a stream.</summary>
        /// <param name="value">The value.</param>
        /// <param name="stream">The stream to write to.</param>
        public static void Encode(BValue value, Stream stream)
        {
            if (value is null)
            {
                throw new ArgumentNullException(nameof(value));
            }

            // Explicit stack: the encoder accepts any depth the decoder produced without recursion. A null entry ends
            // the container opened before its children were pushed.
            var writer = new BencodeWriter(stream);
            var pending = new Stack<BValue?>();
            pending.Push(value);
            while (pending.Count > 0)
            {
                switch (pending.Pop())
                {
                    case null:
                        writer.End();
                        break;
                    case BInteger integer:
                        writer.Integer(integer);
                        break;
                    case BString text:
                        writer.String(text.Bytes.Array!, text.Bytes.Offset, text.Bytes.Count);
                        break;
                    case BList list:
                        writer.StartList();
                        PushChildren(pending, list.Items);
                        break;
                    case BDictionary dictionary:
                        writer.StartDictionary();
                        PushChildren(pending, dictionary.Entries
                            .OrderBy(e => e.Key, Comparer<BString>.Create((a, b) => a.CompareBytes(b)))
                            .SelectMany(e => new[] { e.Key, e.Value })
                            .ToList());
                        break;
                }
            }
        }

        private static void PushChildren(Stack<BValue?> pending, IReadOnlyList<BValue> children)
        {
            pending.Push(null);
            for (int i = children.Count - 1; i >= 0; i--)
            {
                pending.Push(children[i]);
            }
        }
    }
}
