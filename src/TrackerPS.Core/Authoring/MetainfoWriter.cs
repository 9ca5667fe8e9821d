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
        public static byte[] WriteDictionary(IEnumerable<KeyValuePair<BString, BValue>> entries)
        {
            using var stream = new MemoryStream();
            WriteDictionary(stream, entries, Array.Empty<KeyValuePair<BString, Action<Stream>>>());
            return stream.ToArray();
        }

        /// <summary>Writes a dictionary onto a stream from its entries and entries whose values write their own bencode.</summary>
        /// <param name="stream">Where to write.</param>
        /// <param name="entries">The entries; decoded values are copied from their source bytes.</param>
        /// <param name="written">More entries, each value written onto the stream by its action, as it is.</param>
        /// <exception cref="ArgumentException">Two entries have the same key.</exception>
        internal static void WriteDictionary(Stream stream, IEnumerable<KeyValuePair<BString, BValue>> entries, IEnumerable<KeyValuePair<BString, Action<Stream>>> written)
        {
            if (entries is null)
            {
                throw new ArgumentNullException(nameof(entries));
            }

            List<KeyValuePair<BString, object>> sorted = entries.Select(e => new KeyValuePair<BString, object>(e.Key, e.Value))
                .Concat(written.Select(e => new KeyValuePair<BString, object>(e.Key, e.Value)))
                .ToList();
            sorted.Sort((a, b) => a.Key.CompareBytes(b.Key));
            for (int i = 1; i < sorted.Count; i++)
            {
                if (sorted[i - 1].Key.Equals(sorted[i].Key))
                {
                    throw new ArgumentException($"A bencode dictionary cannot hold the key '{sorted[i].Key}' twice.", nameof(entries));
                }
            }

            stream.WriteByte((byte)'d');
            foreach (KeyValuePair<BString, object> entry in sorted)
            {
                WriteString(stream, entry.Key.Bytes);
                if (entry.Value is Action<Stream> write)
                {
                    write(stream);
                }
                else
                {
                    WriteValue(stream, (BValue)entry.Value);
                }
            }

            stream.WriteByte((byte)'e');
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
