using System;
using System.Collections.Generic;
using System.Linq;

namespace TrackerPS.Core.Bencode
{
    /// <summary>A bencoded list (BEP 3): <c>l…e</c>.</summary>
    public sealed class BList : BValue
    {
        /// <summary>Creates a list value in code.</summary>
        /// <param name="items">The items, in order.</param>
        public BList(IEnumerable<BValue> items)
        {
            Items = (items ?? throw new ArgumentNullException(nameof(items))).ToArray();
        }

        internal BList(byte[] source, int offset, int length, BValue[] items)
            : base(source, offset, length)
        {
            Items = items;
        }

        /// <inheritdoc />
        public override BencodeKind Kind => BencodeKind.List;

        /// <summary>The items, in order.</summary>
        public IReadOnlyList<BValue> Items { get; }
    }
}
