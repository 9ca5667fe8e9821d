using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

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

            // Explicit stack: the encoder accepts any depth the decoder produced without recursion.
            var pending = new Stack<object>();
            pending.Push(value);
            while (pending.Count > 0)
            {
                switch (pending.Pop())
                {
                    case byte[] literal:
                        stream.Write(literal, 0, literal.Length);
                        break;
                    case BInteger integer:
                        WriteAscii(stream, "i" + integer.ToString() + "e");
                        break;
                    case BString text:
                        WriteAscii(stream, text.Count.ToString(CultureInfo.InvariantCulture) + ":");
                        stream.Write(text.Bytes.Array!, text.Bytes.Offset, text.Bytes.Count);
                        break;
                    case BList list:
                        PushContainer(pending, (byte)'l', list.Items);
                        break;
                    case BDictionary dictionary:
                        IEnumerable<BValue> parts = dictionary.Entries
                            .OrderBy(e => e.Key, Comparer<BString>.Create((a, b) => a.CompareBytes(b)))
                            .SelectMany(e => new[] { e.Key, e.Value });
                        PushContainer(pending, (byte)'d', parts.ToList());
                        break;
                }
            }
        }

        private static void PushContainer(Stack<object> pending, byte open, IReadOnlyList<BValue> parts)
        {
            pending.Push(new[] { (byte)'e' });
            for (int i = parts.Count - 1; i >= 0; i--)
            {
                pending.Push(parts[i]);
            }

            pending.Push(new[] { open });
        }

        private static void WriteAscii(Stream stream, string text)
        {
            byte[] bytes = Encoding.ASCII.GetBytes(text);
            stream.Write(bytes, 0, bytes.Length);
        }
    }
}
