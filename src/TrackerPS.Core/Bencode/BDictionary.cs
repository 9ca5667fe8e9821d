using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace TrackerPS.Core.Bencode
{
    /// <summary>
    /// A bencoded dictionary (BEP 3): <c>d…e</c>, byte-string keys each with a value. Entries keep the order
    /// in which they were decoded; a decoded dictionary never holds two equal keys. A decoded dictionary creates its
    /// entry objects on the first read of <see cref="Entries"/>; a look-up by key before that creates only the value found.
    /// </summary>
    public sealed class BDictionary : BValue
    {
        private readonly BencodeTokenList? _tokens;
        private readonly int _index;
        private KeyValuePair<BString, BValue>[]? _entries;

        /// <summary>Creates a dictionary value in code; the encoder writes its keys in sorted order.</summary>
        /// <param name="entries">The entries.</param>
        /// <exception cref="ArgumentException">Two entries have the same key.</exception>
        public BDictionary(IEnumerable<KeyValuePair<BString, BValue>> entries)
        {
            _entries = (entries ?? throw new ArgumentNullException(nameof(entries))).ToArray();
            if (_entries.Select(e => e.Key).Distinct().Count() != _entries.Length)
            {
                throw new ArgumentException("A bencode dictionary cannot hold the same key twice.", nameof(entries));
            }
        }

        internal BDictionary(BencodeTokenList tokens, int index)
            : base(tokens.Data, tokens.Offset(index), tokens.Length(index))
        {
            _tokens = tokens;
            _index = index;
        }

        /// <inheritdoc />
        public override BencodeKind Kind => BencodeKind.Dictionary;

        /// <summary>The entries, in the order they were decoded (or given).</summary>
        public IReadOnlyList<KeyValuePair<BString, BValue>> Entries => _entries ?? CreateEntries();

        /// <summary>Number of entries, counted from the tokens (a walk over them) without creating them.</summary>
        internal int Count => _entries?.Length ?? _tokens!.ChildCount(_index) / 2;

        /// <summary>Looks up a value by key (compared as UTF-8 bytes).</summary>
        /// <param name="key">The key, e.g. <c>"piece length"</c>.</param>
        /// <returns>The value, or null when the key is absent.</returns>
        public BValue? this[string key]
        {
            get
            {
                KeyValuePair<BString, BValue>[]? entries = _entries;
                if (entries is null)
                {
                    return FindToken(key);
                }

                foreach (KeyValuePair<BString, BValue> entry in entries)
                {
                    if (entry.Key.ContentEquals(key))
                    {
                        return entry.Value;
                    }
                }

                return null;
            }
        }

        /// <summary>
        /// The entries one at a time, for a single pass: a decoded dictionary creates each entry as it is reached and
        /// keeps none.
        /// </summary>
        internal IEnumerable<KeyValuePair<BString, BValue>> EnumerateEntries() => _entries ?? TokenEntries();

        /// <summary>The decoder's tokens a decoded dictionary reads its entries from, or null for a dictionary built in code.</summary>
        internal BencodeTokenList? Tokens => _tokens;

        /// <summary>The dictionary's own token in <see cref="Tokens"/>; its keys and values follow it, in turn.</summary>
        internal int TokenIndex => _index;

        /// <summary>Finds a key among the tokens and creates only its value (the first key in input order wins, as in <see cref="Entries"/>).</summary>
        private BValue? FindToken(string key)
        {
            int end = _tokens!.Next(_index);
            for (int keyIndex = _index + 1; keyIndex < end; keyIndex = _tokens.Next(keyIndex + 1))
            {
                // A key is a string, a single token: its value is the next one.
                if (_tokens.StringEquals(keyIndex, key))
                {
                    return _tokens.Create(keyIndex + 1);
                }
            }

            return null;
        }

        private KeyValuePair<BString, BValue>[] CreateEntries()
        {
            var entries = new KeyValuePair<BString, BValue>[Count];
            int i = 0;
            foreach (KeyValuePair<BString, BValue> entry in TokenEntries())
            {
                entries[i++] = entry;
            }

            // Two threads may both create the entries; both then return the first one stored.
            return Interlocked.CompareExchange(ref _entries, entries, null) ?? entries;
        }

        private IEnumerable<KeyValuePair<BString, BValue>> TokenEntries()
        {
            int end = _tokens!.Next(_index);
            for (int key = _index + 1; key < end; key = _tokens.Next(key + 1))
            {
                yield return new KeyValuePair<BString, BValue>(_tokens.CreateString(key), _tokens.Create(key + 1));
            }
        }
    }
}
