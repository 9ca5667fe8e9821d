using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace TrackerPS.Core.Bencode
{
    /// <summary>
    /// A bencoded list (BEP 3): <c>l…e</c>. A decoded list creates its item objects on the first read of
    /// <see cref="Items"/>, from the decoder's tokens (a list left to an <see cref="IDeferredList"/> decodes its bytes first).
    /// </summary>
    public sealed class BList : BValue
    {
        /// <summary>For a deferred list's bytes, already checked: no limit is met again.</summary>
        private static readonly BencodeLimits s_deferredLimits = new BencodeLimits { MaxInputSize = int.MaxValue, MaxTokens = int.MaxValue };

        private readonly BencodeTokenList? _tokens;
        private readonly int _index;
        private BencodeTokenList? _deferredTokens;
        private BValue[]? _items;

        /// <summary>Creates a list value in code.</summary>
        /// <param name="items">The items, in order.</param>
        public BList(IEnumerable<BValue> items)
        {
            _items = (items ?? throw new ArgumentNullException(nameof(items))).ToArray();
        }

        internal BList(BencodeTokenList tokens, int index)
            : base(tokens.Data, tokens.Offset(index), tokens.Length(index))
        {
            _tokens = tokens;
            _index = index;
            IsDeferred = tokens.IsDeferred(index);
        }

        /// <inheritdoc />
        public override BencodeKind Kind => BencodeKind.List;

        /// <summary>The items, in order.</summary>
        public IReadOnlyList<BValue> Items => _items ?? CreateItems();

        /// <summary>
        /// True for a list the decoder left to an <see cref="IDeferredList"/>: its bytes were checked as it was decoded, and
        /// its items are decoded from them the first time they are asked for.
        /// </summary>
        internal bool IsDeferred { get; }

        /// <summary>Number of items, counted from the tokens (a walk over them) without creating them.</summary>
        internal int Count => _items?.Length ?? Tokens!.ChildCount(TokenIndex);

        /// <summary>The decoder's tokens a decoded list reads its items from, or null for a list built in code.</summary>
        internal BencodeTokenList? Tokens => IsDeferred ? Volatile.Read(ref _deferredTokens) ?? DecodeDeferred() : _tokens;

        /// <summary>The list's own token in <see cref="Tokens"/>; its items follow it (see <see cref="BencodeTokenList.Next"/>).</summary>
        internal int TokenIndex => IsDeferred ? 0 : _index;

        /// <summary>
        /// The items one at a time, for a single pass over a long list: a decoded list creates each item as it is reached
        /// and keeps none, so items already visited can be collected while the pass goes on.
        /// </summary>
        internal IEnumerable<BValue> EnumerateItems() => _items ?? Tokens!.EnumerateChildren(TokenIndex);

        private BValue[] CreateItems()
        {
            BValue[] items = Tokens!.CreateChildren(TokenIndex);

            // Two threads may both create the items; both then return the first one stored.
            return Interlocked.CompareExchange(ref _items, items, null) ?? items;
        }

        /// <summary>Decodes a deferred list's bytes into tokens of its own, offsets still in the input; two threads may both decode, and both get the first stored.</summary>
        private BencodeTokenList DecodeDeferred()
        {
            BencodeTokenList tokens = ((BList)BencodeDecoder.Decode(RawBytes, s_deferredLimits, null, deferred: null).Root)._tokens!;
            return Interlocked.CompareExchange(ref _deferredTokens, tokens, null) ?? tokens;
        }
    }
}
