using TrackerPS.Core.Bencode;

namespace TrackerPS.Core.Metainfo
{
    /// <summary>
    /// Checks v1 <c>pieces</c> (BEP 3 §info dictionary): one 20-byte SHA-1 per piece, so its length is a multiple of
    /// 20 and matches the number of pieces the total size (pad files included) needs.
    /// </summary>
    internal static class PiecesValidator
    {
        /// <summary>Length of one piece hash: a SHA-1.</summary>
        public const int HashLength = 20;

        /// <summary>Validates <c>pieces</c> and returns the piece count.</summary>
        /// <exception cref="MetainfoException">The length is not a multiple of 20, or the count does not match the size.</exception>
        public static long Validate(BString pieces, long totalSize, long pieceLength, MetainfoContext context)
        {
            if (pieces.Count % HashLength != 0)
            {
                throw context.Error($"'pieces' is {pieces.Count} bytes, not a multiple of {HashLength}", pieces);
            }

            long count = pieces.Count / HashLength;
            long expected = FileLayout.CeilingDivide(totalSize, pieceLength);
            if (count != expected)
            {
                throw context.Error(
                    $"'pieces' holds {count} hashes, but {totalSize} bytes in pieces of {pieceLength} bytes need {expected}",
                    pieces);
            }

            return count;
        }
    }
}
