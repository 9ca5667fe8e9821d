using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using TrackerPS.Core.Bencode;

namespace TrackerPS.Core.Authoring
{
    /// <summary>
    /// Writes a metainfo dictionary (BEP 3): keys in sorted order (compared as raw bytes), each value either copied byte
    /// for byte from the input it was decoded from or, for a value built in code, encoded canonically by
    /// <see cref="BencodeEncoder"/>. Copying is what keeps an <c>info</c> dictionary, and so both info-hashes (BEP 3,
    /// BEP 52), the same even when its own encoding is not canonical.
    /// </summary>
    public static class MetainfoWriter
    {
        /// <summary>Writes a dictionary from its entries.</summary>
        /// <param name="entries">The entries; decoded values are copied from their source bytes.</param>
        /// <returns>The encoded dictionary, <c>d…e</c>.</returns>
        /// <exception cref="ArgumentException">Two entries have the same key.</exception>
        public static byte[] WriteDictionary(IEnumerable<KeyValuePair<BString, BValue>> entries) =>
            WriteDictionary(entries, Array.Empty<KeyValuePair<BString, byte[]>>());

        /// <summary>Writes a dictionary from its entries and entries whose values are already bencoded.</summary>
        /// <param name="entries">The entries; decoded values are copied from their source bytes.</param>
        /// <param name="encoded">More entries, each value given as its bencode, copied as it is.</param>
        /// <returns>The encoded dictionary, <c>d…e</c>.</returns>
        /// <exception cref="ArgumentException">Two entries have the same key.</exception>
        internal static byte[] WriteDictionary(IEnumerable<KeyValuePair<BString, BValue>> entries, IEnumerable<KeyValuePair<BString, byte[]>> encoded)
        {
            if (entries is null)
            {
                throw new ArgumentNullException(nameof(entries));
            }

            List<KeyValuePair<BString, object>> sorted = entries.Select(e => new KeyValuePair<BString, object>(e.Key, e.Value))
                .Concat(encoded.Select(e => new KeyValuePair<BString, object>(e.Key, e.Value)))
                .ToList();
            sorted.Sort((a, b) => a.Key.CompareBytes(b.Key));
            using var stream = new MemoryStream();
            stream.WriteByte((byte)'d');
            for (int i = 0; i < sorted.Count; i++)
            {
                if (i > 0 && sorted[i - 1].Key.Equals(sorted[i].Key))
                {
                    throw new ArgumentException($"A bencode dictionary cannot hold the key '{sorted[i].Key}' twice.", nameof(entries));
                }

                WriteString(stream, sorted[i].Key.Bytes);
                if (sorted[i].Value is byte[] bencode)
                {
                    stream.Write(bencode, 0, bencode.Length);
                }
                else
                {
                    WriteValue(stream, (BValue)sorted[i].Value);
                }
            }

            stream.WriteByte((byte)'e');
            return stream.ToArray();
        }

        /// <summary>Writes a value: its source bytes when it was decoded, else its canonical encoding.</summary>
        private static void WriteValue(Stream stream, BValue value)
        {
            if (value.HasRawBytes)
            {
                ArraySegment<byte> raw = value.RawBytes;
                stream.Write(raw.Array!, raw.Offset, raw.Count);
            }
            else
            {
                BencodeEncoder.Encode(value, stream);
            }
        }

        private static void WriteString(Stream stream, ArraySegment<byte> bytes)
        {
            byte[] prefix = Encoding.ASCII.GetBytes(bytes.Count.ToString(CultureInfo.InvariantCulture) + ":");
            stream.Write(prefix, 0, prefix.Length);
            stream.Write(bytes.Array!, bytes.Offset, bytes.Count);
        }
    }
}
