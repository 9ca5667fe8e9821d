using System;
using System.Collections.Generic;
using System.IO;
using TrackerPS.Core.Bencode;

namespace TrackerPS.Core.Authoring
{
    /// <summary>
    /// A metainfo dictionary being edited: its entries, decoded values kept as they are (so <see cref="MetainfoWriter"/>
    /// copies their bytes), with keys set or removed by name.
    /// </summary>
    public sealed class MetainfoEntries
    {
        private readonly List<KeyValuePair<BString, BValue>> _entries;

        /// <summary>Starts from a dictionary's entries (decoded or built in code).</summary>
        /// <param name="dictionary">The dictionary.</param>
        public MetainfoEntries(BDictionary dictionary)
        {
            _entries = new List<KeyValuePair<BString, BValue>>((dictionary ?? throw new ArgumentNullException(nameof(dictionary))).Entries);
        }

        /// <summary>Looks up a value by key.</summary>
        /// <param name="key">The key, compared as UTF-8 bytes.</param>
        /// <returns>The value, or null.</returns>
        public BValue? this[string key] => _entries.Find(e => e.Key.ContentEquals(key)).Value;

        /// <summary>Sets a key, replacing any value it had.</summary>
        /// <param name="key">The key.</param>
        /// <param name="value">The value.</param>
        public void Set(string key, BValue value)
        {
            int index = _entries.FindIndex(e => e.Key.ContentEquals(key));
            var entry = new KeyValuePair<BString, BValue>(new BString(key), value ?? throw new ArgumentNullException(nameof(value)));
            if (index >= 0)
            {
                _entries[index] = entry;
            }
            else
            {
                _entries.Add(entry);
            }
        }

        /// <summary>Removes a key.</summary>
        /// <param name="key">The key.</param>
        /// <returns>True when the key was there.</returns>
        public bool Remove(string key) => _entries.RemoveAll(e => e.Key.ContentEquals(key)) > 0;

        /// <summary>Writes the dictionary: keys sorted, decoded values copied byte for byte (<see cref="MetainfoWriter"/>).</summary>
        /// <returns>The encoded dictionary.</returns>
        public byte[] ToBytes() => MetainfoWriter.WriteDictionary(_entries);

        /// <summary>Writes the dictionary onto a stream with more entries whose values write their own bencode.</summary>
        /// <param name="stream">Where to write.</param>
        /// <param name="written">The entries, keys not among this dictionary's; each writes its value's bencode.</param>
        internal void WriteTo(Stream stream, IEnumerable<KeyValuePair<BString, Action<Stream>>> written) => MetainfoWriter.WriteDictionary(stream, _entries, written);
    }
}
