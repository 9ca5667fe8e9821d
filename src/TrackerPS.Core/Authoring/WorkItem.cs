namespace TrackerPS.Core.Authoring
{
    /// <summary>A run of pieces of one chunk to hash with one algorithm: SHA-1 for v1, SHA-256 for v2.</summary>
    internal sealed class WorkItem
    {
        public WorkItem(Chunk chunk, bool v2, int firstPiece, int pieceCount, int bufferStart)
        {
            Chunk = chunk;
            IsV2 = v2;
            FirstPiece = firstPiece;
            PieceCount = pieceCount;
            BufferStart = bufferStart;
        }

        /// <summary>The chunk the pieces are in.</summary>
        public Chunk Chunk { get; }

        /// <summary>True for SHA-256 (v2) work, false for SHA-1 (v1).</summary>
        public bool IsV2 { get; }

        /// <summary>The first piece, counted from the chunk's start.</summary>
        public int FirstPiece { get; }

        /// <summary>How many pieces.</summary>
        public int PieceCount { get; }

        /// <summary>Where the first piece's bytes start in the chunk's buffer.</summary>
        public int BufferStart { get; }
    }
}
