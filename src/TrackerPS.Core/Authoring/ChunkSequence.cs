using System;
using System.Runtime.CompilerServices;
using TrackerPS.Core.Runtime;

namespace TrackerPS.Core.Authoring
{
    /// <summary>
    /// Hands out a layout's pieces to the readers of <see cref="HashingPipeline"/> as consecutive chunks, each as many
    /// whole pieces as their stored bytes fit in one buffer. Thread-safe: each chunk goes to one reader.
    /// </summary>
    internal sealed class ChunkSequence
    {
        /// <summary>The most pieces in one chunk, which bounds the work of one chunk when its pieces are mostly pad.</summary>
        private const int MaxChunkPieces = 4096;

        private readonly object _lock = new object();
        private readonly ContentLayout _layout;
        private readonly PieceWork _work;
        private readonly long _chunkBytes;
        private long _next;

        public ChunkSequence(ContentLayout layout, PieceWork work, long chunkBytes)
        {
            _layout = layout;
            _work = work;
            _chunkBytes = chunkBytes;
        }

        /// <summary>Takes the next chunk.</summary>
        /// <param name="firstPiece">Its first piece.</param>
        /// <param name="pieceCount">How many pieces it holds.</param>
        /// <param name="length">How many bytes of the stream it covers, pads included.</param>
        /// <returns>False when every piece has been handed out.</returns>
        public bool TryTake(out long firstPiece, out int pieceCount, out long length)
        {
            lock (_lock)
            {
                firstPiece = _next;
                pieceCount = firstPiece < _layout.PieceCount ? PiecesThatFit(firstPiece) : 0;
                length = Math.Min(pieceCount * _layout.PieceLength, _layout.StreamLength - (firstPiece * _layout.PieceLength));
                _next += pieceCount;
                return pieceCount > 0;
            }
        }

        /// <summary>
        /// How many pieces from <paramref name="first"/> one chunk takes: as many as their stored bytes fit in a buffer
        /// (at least one, at most <see cref="MaxChunkPieces"/>). Pads are not stored, so a chunk of small files in an
        /// aligned layout holds many of them, not two.
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        private int PiecesThatFit(long first)
        {
            long stored = _work.StoredLength(first);
            int count = 1;
            while (count < MaxChunkPieces && first + count < _layout.PieceCount)
            {
                int next = _work.StoredLength(first + count);
                if (stored + next > _chunkBytes)
                {
                    break;
                }

                stored += next;
                count++;
            }

            return count;
        }
    }
}
