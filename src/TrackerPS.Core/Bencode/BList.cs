using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace TrackerPS.Core.Bencode
{
    /// <summary>
    /// A bencoded list (BEP 3): <c>l…e</c>. A decoded list creates its item objects on the first read of
    /// <see cref="Items"/>, from the decoder's tokens.
    /// </summary>
    public sealed class BList : BValue
    {
        private readonly BencodeTokenList? _tokens;
        private readonly int _index;
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
        }

        /// <inheritdoc />
        public override BencodeKind Kind => BencodeKind.List;

        /// <summary>The items, in order.</summary>
        public IReadOnlyList<BValue> Items => _items ?? CreateItems();

        /// <summary>Number of items, counted from the tokens (a walk over them) without creating them.</summary>
        internal int Count => _items?.Length ?? _tokens!.ChildCount(_index);

        /// <summary>The decoder's tokens a decoded list reads its items from, or null for a list built in code.</summary>
        internal BencodeTokenList? Tokens => _tokens;

        /// <summary>The list's own token in <see cref="Tokens"/>; its items follow it (see <see cref="BencodeTokenList.Next"/>).</summary>
        internal int TokenIndex => _index;

        /// <summary>
        /// The items one at a time, for a single pass over a long list: a decoded list creates each item as it is reached
        /// and keeps none, so items already visited can be collected while the pass goes on.
        /// </summary>
        internal IEnumerable<BValue> EnumerateItems() => _items ?? _tokens!.EnumerateChildren(_index);

        private BValue[] CreateItems()
        {
            BValue[] items = _tokens!.CreateChildren(_index);

            // Two threads may both create the items; both then return the first one stored.
            return Interlocked.CompareExchange(ref _items, items, null) ?? items;
        }
    }
}
