namespace TrackerPS.Core.Authoring
{
    /// <summary>Whole pieces of the stream read into one buffer, shared by the work items hashing them.</summary>
    internal sealed class Chunk
    {
        /// <summary>Work items not finished yet; the last one to finish returns the buffer.</summary>
        public int Pending;

        public Chunk(byte[] buffer, long streamOffset, int length)
        {
            Buffer = buffer;
            StreamOffset = streamOffset;
            Length = length;
        }

        /// <summary>The bytes.</summary>
        public byte[] Buffer { get; }

        /// <summary>Where the chunk starts in the stream (a piece boundary).</summary>
        public long StreamOffset { get; }

        /// <summary>How many bytes of <see cref="Buffer"/> hold stream data.</summary>
        public int Length { get; }
    }
}
