using System;

namespace TrackerPS.Core.Authoring
{
    /// <summary>
    /// Piece lengths New-Torrent accepts and the one it picks. Automatic rule: the smallest power of two from 16 KiB to
    /// 16 MiB that gives at most 2,000 pieces (so a torrent of 32 MiB to 32 GiB gets 1,000 to 2,000 pieces; smaller content
    /// gets 16 KiB pieces, larger 16 MiB ones). It depends only on the total size, so V1, V2 and Hybrid get the same.
    /// </summary>
    public static class PieceLengthRule
    {
        /// <summary>The smallest piece length: one 16 KiB block (BEP 52).</summary>
        public const long Minimum = 16 * 1024;

        /// <summary>The largest piece length chosen automatically: 16 MiB.</summary>
        public const long AutomaticMaximum = 16 * 1024 * 1024;

        /// <summary>The largest piece length accepted: 1 GiB.</summary>
        public const long Maximum = 1024L * 1024 * 1024;

        /// <summary>The most pieces the automatic rule aims for.</summary>
        public const long TargetPieces = 2000;

        /// <summary>The automatic piece length for <paramref name="totalSize"/> bytes.</summary>
        /// <param name="totalSize">The content's size in bytes, pad files not counted.</param>
        /// <returns>A power of two from <see cref="Minimum"/> to <see cref="AutomaticMaximum"/>.</returns>
        public static long Choose(long totalSize)
        {
            long length = Minimum;
            while (length < AutomaticMaximum && (totalSize + length - 1) / length > TargetPieces)
            {
                length *= 2;
            }

            return length;
        }

        /// <summary>Checks a piece length given by the user.</summary>
        /// <param name="pieceLength">The piece length in bytes.</param>
        /// <param name="v1Only">True for a v1 torrent, which also accepts any multiple of 16 KiB (BEP 3); v2 and hybrid need a power of two (BEP 52).</param>
        /// <exception cref="ArgumentOutOfRangeException">The length is out of range or not a power of two (or, for v1, a multiple of 16 KiB).</exception>
        public static void Validate(long pieceLength, bool v1Only)
        {
            if (pieceLength < Minimum || pieceLength > Maximum)
            {
                throw new ArgumentOutOfRangeException(nameof(pieceLength), pieceLength, $"The piece length must be from {Minimum} bytes (16 KiB) to {Maximum} bytes (1 GiB).");
            }

            bool powerOfTwo = (pieceLength & (pieceLength - 1)) == 0;
            if (v1Only ? pieceLength % Minimum != 0 : !powerOfTwo)
            {
                string rule = v1Only ? "a multiple of 16 KiB (16384 bytes)" : "a power of two (BEP 52)";
                throw new ArgumentOutOfRangeException(nameof(pieceLength), pieceLength, $"The piece length {pieceLength} is not {rule}.");
            }
        }
    }
}
