using System.Collections.Generic;

namespace TrackerPS.Core.Bencode
{
    /// <summary>
    /// A list at one key path that its reader checks and measures straight from the bytes, with no tokens (a torrent's
    /// <c>info.files</c>: <see cref="Metainfo.PlainFileList"/>). When <see cref="TryMeasure"/> accepts it, the decoder
    /// records the list as one token with no children and moves past it; its items are decoded from its bytes only if a
    /// <see cref="BList"/> of it is asked for them. A list it does not accept is decoded as any other.
    /// </summary>
    internal interface IDeferredList
    {
        /// <summary>The dictionary keys from the root dictionary down to the list.</summary>
        IReadOnlyList<string> KeyPath { get; }

        /// <summary>The levels of nesting an accepted list holds, its own included (checked against <see cref="BencodeLimits.MaxDepth"/>).</summary>
        int Depth { get; }

        /// <summary>
        /// True only when decoding the list at <paramref name="start"/> would neither fail nor warn in any mode, whatever
        /// follows it: every value complete and canonical, every dictionary's keys sorted and distinct, no integer beyond
        /// 64 bits, and no more than <see cref="Depth"/> levels.
        /// </summary>
        /// <param name="data">The input.</param>
        /// <param name="start">Offset of the list's <c>l</c>.</param>
        /// <param name="end">Offset just past the input.</param>
        /// <param name="listEnd">Offset just past the list's <c>e</c>; 0 when false.</param>
        /// <param name="tokenCount">The values the list holds, itself included (counted against <see cref="BencodeLimits.MaxTokens"/>).</param>
        bool TryMeasure(byte[] data, int start, int end, out int listEnd, out int tokenCount);
    }
}
