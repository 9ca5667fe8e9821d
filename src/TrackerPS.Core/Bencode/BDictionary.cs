using System;
using System.Collections.Generic;
using System.Linq;

namespace TrackerPS.Core.Bencode
{
    /// <summary>
    /// A bencoded dictionary (BEP 3): <c>d…e</c>, byte-string keys each with a value. Entries keep the order
    /// in which they were decoded; a decoded dictionary never holds two equal keys.
    /// </summary>
    public sealed class BDictionary : BValue
    {
        /// <summary>Creates a dictionary value in code; the encoder writes its keys in sorted order.</summary>
        /// <param name="entries">The entries.</param>
        /// <exception cref="ArgumentException">Two entries have the same key.</exception>
        public BDictionary(IEnumerable<KeyValuePair<BString, BValue>> entries)
        {
            Entries = (entries ?? throw new ArgumentNullException(nameof(entries))).ToArray();
            if (Entries.Select(e => e.Key).Distinct().Count() != Entries.Count)
            {
                throw new ArgumentException("A bencode dictionary cannot hold the same key twice.", nameof(entries));
            }
        }

        internal BDictionary(byte[] source, int offset, int length, KeyValuePair<BString, BValue>[] entries)
            : base(source, offset, length)
        {
            Entries = entries;
        }

        /// <inheritdoc />
        public override BencodeKind Kind => BencodeKind.Dictionary;

        /// <summary>The entries, in the order they were decoded (or given).</summary>
        public IReadOnlyList<KeyValuePair<BString, BValue>> Entries { get; }

        /// <summary>Looks up a value by key (compared as UTF-8 bytes).</summary>
        /// <param name="key">The key, e.g. <c>"piece length"</c>.</param>
        /// <returns>The value, or null when the key is absent.</returns>
        public BValue? this[string key]
        {
            get
            {
                foreach (KeyValuePair<BString, BValue> entry in Entries)
                {
                    if (entry.Key.ContentEquals(key))
                    {
                        return entry.Value;
                    }
                }

                return null;
            }
        }
    }
}
