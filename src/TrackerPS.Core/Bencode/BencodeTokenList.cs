using System;
using System.Collections.Generic;
using System.Text;

namespace TrackerPS.Core.Bencode
{
    /// <summary>
    /// The decoder's output: every value as a flat <see cref="BencodeToken"/> in input order (a container is followed by
    /// its children, a dictionary's as key, value, key, value…), the way libtorrent's <c>bdecode</c> stores them.
    /// <see cref="BValue"/> objects are created from tokens only when asked for, so a 50,000-file torrent is a few arrays
    /// instead of half a million objects that the GC would have to promote while the torrent is read.
    /// Tokens are kept in blocks of <see cref="BlockSize"/>: a block is 48 KB, below the large object heap threshold, and
    /// filling one never copies the others. The first block starts small and doubles, so a small input allocates little.
    /// </summary>
    internal sealed class BencodeTokenList
    {
        /// <summary>Tokens per block (a power of two): 4,096 × 12 bytes = 48 KB.</summary>
        public const int BlockSize = 1 << BlockShift;

        private const int BlockShift = 12;
        private const int InitialCapacity = 32;
        private BencodeToken[][] _blocks = { new BencodeToken[InitialCapacity] };
        private int _count;
        private int _deferred = -1;

        public BencodeTokenList(byte[] data)
        {
            Data = data;
        }

        /// <summary>The decoded input, shared (not copied) by every token and value.</summary>
        public byte[] Data { get; }

        public int AddString(int offset, int length, int contentStart) => Add(BencodeToken.String(offset, length, contentStart));

        public int AddInteger(int offset, int length, long value) => Add(BencodeToken.Integer(offset, length, value));

        /// <summary>Adds a list or dictionary whose length and children are known only at <see cref="CloseContainer"/>.</summary>
        public int OpenContainer(int offset) => Add(BencodeToken.Container(offset));

        /// <summary>Completes a container: it ends just before <paramref name="end"/> and its subtree is every token added since it was opened.</summary>
        public void CloseContainer(int index, int end)
        {
            ref BencodeToken token = ref At(index);
            token.Close(end - token.Offset, _count);
        }

        /// <summary>Marks the list at <paramref name="index"/>, recorded with no children, as left to an <see cref="IDeferredList"/>: its items are in its bytes only.</summary>
        public void Defer(int index) => _deferred = index;

        /// <summary>True for the list left to an <see cref="IDeferredList"/> (<see cref="Defer"/>).</summary>
        public bool IsDeferred(int index) => index == _deferred;

        public int Offset(int index) => At(index).Offset;

        public int Length(int index) => At(index).Length;

        /// <summary>The index of the token after <paramref name="index"/>'s subtree.</summary>
        public int Next(int index)
        {
            ref BencodeToken token = ref At(index);
            byte first = Data[token.Offset];
            return first == (byte)'l' || first == (byte)'d' ? token.Extra : index + 1;
        }

        /// <summary>
        /// A container's number of children, counted by walking them (a token has no room for the count); a dictionary
        /// counts keys and values, so it has half as many entries.
        /// </summary>
        public int ChildCount(int index)
        {
            int count = 0;
            int end = Next(index);
            for (int child = index + 1; child < end; child = Next(child))
            {
                count++;
            }

            return count;
        }

        /// <summary>A token's kind, read from its first input byte.</summary>
        public BencodeKind Kind(int index) => KindAt(At(index).Offset);

        /// <summary>An integer token's value.</summary>
        public long IntegerValue(int index) => IntegerValue(At(index));

        /// <summary>Offset of a string token's first content byte (after the length prefix and ':').</summary>
        public int StringStart(int index) => At(index).Extra;

        /// <summary>Number of content bytes of a string token.</summary>
        public int StringCount(int index) => StringCount(At(index));

        /// <summary>Creates the value object for a token (a container's children are created when it is asked for them).</summary>
        public BValue Create(int index)
        {
            BencodeToken token = At(index);
            return KindAt(token.Offset) switch
            {
                BencodeKind.Integer => new BInteger(Data, token.Offset, token.Length, IntegerValue(token)),
                BencodeKind.String => CreateString(index),
                BencodeKind.List => new BList(this, index),
                _ => new BDictionary(this, index),
            };
        }

        public BString CreateString(int index)
        {
            BencodeToken token = At(index);
            return new BString(Data, token.Offset, token.Length, token.Extra, StringCount(token));
        }

        /// <summary>Orders two string tokens as raw bytes (BEP 3 key order).</summary>
        public int CompareStrings(int left, int right)
        {
            BencodeToken a = At(left);
            BencodeToken b = At(right);
            return BString.CompareBytes(Data, a.Extra, StringCount(a), Data, b.Extra, StringCount(b));
        }

        /// <summary>True when a string token's bytes equal the UTF-8 encoding of <paramref name="text"/>.</summary>
        public bool StringEquals(int index, string text)
        {
            ref BencodeToken token = ref At(index);
            int count = StringCount(token);
            // Most keys a look-up passes over differ in length from the one sought: reject those without a call.
            return text.Length <= count && BString.ContentEquals(Data, token.Extra, count, text);
        }

        /// <summary>A string token's bytes as UTF-8 text, for messages.</summary>
        public string StringText(int index)
        {
            BencodeToken token = At(index);
            return Encoding.UTF8.GetString(Data, token.Extra, StringCount(token));
        }

        /// <summary>Creates the values of all a list's items, in order.</summary>
        public BValue[] CreateChildren(int index)
        {
            var items = new BValue[ChildCount(index)];
            int child = index + 1;
            for (int i = 0; i < items.Length; i++)
            {
                items[i] = Create(child);
                child = Next(child);
            }

            return items;
        }

        /// <summary>The values of a list's items, created one at a time and not kept.</summary>
        public IEnumerable<BValue> EnumerateChildren(int index)
        {
            int end = Next(index);
            for (int child = index + 1; child < end; child = Next(child))
            {
                yield return Create(child);
            }
        }

        /// <summary>
        /// An integer's value: from the token when it fits in 32 bits, otherwise read again from its digits (checked when
        /// decoded), as the decoder read them: 0 for a big integer beyond 64 bits (<see cref="BInteger"/> parses those).
        /// </summary>
        private long IntegerValue(in BencodeToken token)
        {
            if (token.Extra != BencodeToken.LargeInteger)
            {
                return token.Extra;
            }

            int position = token.Offset + 1;
            bool negative = Data[position] == (byte)'-';
            if (negative)
            {
                position++;
            }

            return DecimalDigits.TryRead(Data, ref position, token.Offset + token.Length - 1, negative, out long value) ? value : 0;
        }

        private static int StringCount(in BencodeToken token) => token.Offset + token.Length - token.Extra;

        private BencodeKind KindAt(int offset) => Data[offset] switch
        {
            (byte)'i' => BencodeKind.Integer,
            (byte)'l' => BencodeKind.List,
            (byte)'d' => BencodeKind.Dictionary,
            _ => BencodeKind.String,
        };

        private ref BencodeToken At(int index) => ref _blocks[index >> BlockShift][index & (BlockSize - 1)];

        private int Add(BencodeToken token)
        {
            int block = _count >> BlockShift;
            if (block == _blocks.Length)
            {
                Array.Resize(ref _blocks, _blocks.Length * 2);
            }

            if (_blocks[block] is null)
            {
                _blocks[block] = new BencodeToken[BlockSize];
            }
            else if ((_count & (BlockSize - 1)) == _blocks[block].Length)
            {
                // Only the first block grows; later ones are allocated full.
                Array.Resize(ref _blocks[block], _blocks[block].Length * 2);
            }

            _blocks[block][_count & (BlockSize - 1)] = token;
            return _count++;
        }
    }
}
