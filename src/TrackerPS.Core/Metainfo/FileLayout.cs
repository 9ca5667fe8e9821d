using System;
using System.Runtime.CompilerServices;
using TrackerPS.Core.Runtime;

namespace TrackerPS.Core.Metainfo
{
    /// <summary>
    /// Where each file sits in the torrent's byte stream. v1 (BEP 3): files back to back, pad files included.
    /// v2 (BEP 52): every file starts on a piece boundary, as if followed by a pad up to the next boundary.
    /// </summary>
    internal static class FileLayout
    {
        /// <summary>v1 offsets: each file starts where the previous one ends.</summary>
        /// <exception cref="MetainfoException">The sizes add up to more than 2^63-1 bytes.</exception>
        [MethodImpl(HotPath.Optimized)]
        public static long[] V1Offsets(FileEntry[] files, MetainfoContext context, out long totalSize)
        {
            var offsets = new long[files.Length];
            long position = 0;
            for (int i = 0; i < files.Length; i++)
            {
                offsets[i] = position;
                position = Advance(position, files[i], 1, context);
            }

            totalSize = position;
            return offsets;
        }

        /// <summary>v2 offsets: each non-empty file starts on a piece boundary; an empty file takes no space.</summary>
        /// <exception cref="MetainfoException">The aligned sizes add up to more than 2^63-1 bytes.</exception>
        [MethodImpl(HotPath.Optimized)]
        public static long[] V2Offsets(FileEntry[] files, long pieceLength, MetainfoContext context, out long pieceCount)
        {
            var offsets = new long[files.Length];
            long position = 0;
            pieceCount = 0;
            for (int i = 0; i < files.Length; i++)
            {
                offsets[i] = position;
                pieceCount += CeilingDivide(files[i].Length, pieceLength);
                position = Advance(position, files[i], pieceLength, context);
            }

            return offsets;
        }

        /// <summary>Number of pieces needed for <paramref name="size"/> bytes: ceil(size / pieceLength).</summary>
        public static long CeilingDivide(long size, long pieceLength) => (size / pieceLength) + (size % pieceLength == 0 ? 0 : 1);

        /// <summary>The position after <paramref name="file"/>, rounded up to a multiple of <paramref name="alignment"/>.</summary>
        private static long Advance(long position, in FileEntry file, long alignment, MetainfoContext context)
        {
            try
            {
                return checked(CeilingDivide(checked(position + file.Length), alignment) * alignment);
            }
            catch (OverflowException)
            {
                throw context.Error("the file sizes add up to more than 2^63-1 bytes", file.SourceOffset);
            }
        }
    }
}
