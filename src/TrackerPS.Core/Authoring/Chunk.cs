namespace TrackerPS.Core.Authoring
{
    /// <summary>
    /// Whole pieces of the stream read into one buffer, shared by the work items hashing them. The buffer holds what
    /// <see cref="ContentReader.Fill"/> stores: every byte of the pieces, or, in an aligned layout, only their file data.
    /// </summary>
    internal sealed class Chunk
    {
        /// <summary>Work items not finished yet; the last one to finish returns the buffer.</summary>
        public int Pending;

        public Chunk(byte[] buffer, long firstPiece, int pieceCount, long length)
        {
            Buffer = buffer;
            FirstPiece = firstPiece;
            PieceCount = pieceCount;
            Length = length;
        }

        /// <summary>The bytes.</summary>
        public byte[] Buffer { get; }

        /// <summary>The first piece of the chunk, counted from the stream's start.</summary>
        public long FirstPiece { get; }

        /// <summary>How many pieces the chunk holds.</summary>
        public int PieceCount { get; }

        /// <summary>How many bytes of the stream the chunk covers, pads included.</summary>
        public long Length { get; }
    }
}
