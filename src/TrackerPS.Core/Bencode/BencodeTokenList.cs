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
    /// </summary>
    internal sealed class BencodeTokenList
    {
        private const int InitialCapacity = 16;
        private BencodeToken[] _tokens = new BencodeToken[InitialCapacity];
        private long[] _integers = new long[InitialCapacity];
        private int _count;
        private int _integerCount;

        public BencodeTokenList(byte[] data)
        {
            Data = data;
        }

        /// <summary>The decoded input, shared (not copied) by every token and value.</summary>
        public byte[] Data { get; }

        /// <summary>Number of tokens so far.</summary>
        public int Count => _count;

        public int AddString(int offset, int length, int contentStart) => Add(offset, length, contentStart);

        public int AddInteger(int offset, int length, long value)
        {
            if (_integerCount == _integers.Length)
            {
                Array.Resize(ref _integers, _integers.Length * 2);
            }

            _integers[_integerCount] = value;
            return Add(offset, length, _integerCount++);
        }

        /// <summary>Adds a list or dictionary whose length and children are known only at <see cref="CloseContainer"/>.</summary>
        public int OpenContainer(int offset) => Add(offset, 0, 0);

        /// <summary>Completes a container: it ends just before <paramref name="end"/> and its subtree is every token added since it was opened.</summary>
        public void CloseContainer(int index, int end, int childCount)
        {
            ref BencodeToken token = ref _tokens[index];
            token.Length = end - token.Offset;
            token.Next = _count;
            token.Data = childCount;
        }

        public BencodeKind Kind(int index) => Data[_tokens[index].Offset] switch
        {
            (byte)'i' => BencodeKind.Integer,
            (byte)'l' => BencodeKind.List,
            (byte)'d' => BencodeKind.Dictionary,
            _ => BencodeKind.String,
        };

        public int Offset(int index) => _tokens[index].Offset;

        public int Length(int index) => _tokens[index].Length;

        /// <summary>The index of the token after <paramref name="index"/>'s subtree.</summary>
        public int Next(int index) => _tokens[index].Next;

        /// <summary>A container's number of children; a dictionary counts keys and values, so it has half as many entries.</summary>
        public int ChildCount(int index) => _tokens[index].Data;

        /// <summary>Creates the value object for a token (a container's children are created when it is asked for them).</summary>
        public BValue Create(int index)
        {
            BencodeToken token = _tokens[index];
            return Kind(index) switch
            {
                BencodeKind.Integer => new BInteger(Data, token.Offset, token.Length, _integers[token.Data]),
                BencodeKind.String => CreateString(index),
                BencodeKind.List => new BList(this, index),
                _ => new BDictionary(this, index),
            };
        }

        public BString CreateString(int index)
        {
            BencodeToken token = _tokens[index];
            return new BString(Data, token.Offset, token.Length, token.Data, StringCount(token));
        }

        /// <summary>Orders two string tokens as raw bytes (BEP 3 key order).</summary>
        public int CompareStrings(int left, int right)
        {
            BencodeToken a = _tokens[left];
            BencodeToken b = _tokens[right];
            return BString.CompareBytes(Data, a.Data, StringCount(a), Data, b.Data, StringCount(b));
        }

        /// <summary>True when a string token's bytes equal the UTF-8 encoding of <paramref name="text"/>.</summary>
        public bool StringEquals(int index, string text)
        {
            BencodeToken token = _tokens[index];
            return BString.ContentEquals(Data, token.Data, StringCount(token), text);
        }

        /// <summary>A string token's bytes as UTF-8 text, for messages.</summary>
        public string StringText(int index)
        {
            BencodeToken token = _tokens[index];
            return Encoding.UTF8.GetString(Data, token.Data, StringCount(token));
        }

        /// <summary>The values of a list's items, created one at a time and not kept.</summary>
        public IEnumerable<BValue> EnumerateChildren(int index)
        {
            int child = index + 1;
            for (int i = 0; i < ChildCount(index); i++)
            {
                yield return Create(child);
                child = Next(child);
            }
        }

        private static int StringCount(BencodeToken token) => token.Offset + token.Length - token.Data;

        private int Add(int offset, int length, int data)
        {
            if (_count == _tokens.Length)
            {
                Array.Resize(ref _tokens, _tokens.Length * 2);
            }

            _tokens[_count] = new BencodeToken { Offset = offset, Length = length, Next = _count + 1, Data = data };
            return _count++;
        }
    }
}
