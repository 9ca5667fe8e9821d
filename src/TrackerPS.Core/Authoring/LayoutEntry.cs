namespace TrackerPS.Core.Authoring
{
    /// <summary>
    /// One stretch of a torrent's byte stream: a file, or a BEP 47 pad file (zeros that exist on no disk), with where it
    /// starts in the stream.
    /// </summary>
    public sealed class LayoutEntry
    {
        /// <summary>Creates an entry.</summary>
        /// <param name="file">The file, or null for a pad.</param>
        /// <param name="length">The length in bytes.</param>
        /// <param name="offset">Where it starts in the stream, in bytes.</param>
        public LayoutEntry(ContentFile? file, long length, long offset)
        {
            File = file;
            Length = length;
            Offset = offset;
        }

        /// <summary>The file, or null for a pad.</summary>
        public ContentFile? File { get; }

        /// <summary>True for a pad: zeros, read from no disk.</summary>
        public bool IsPad => File is null;

        /// <summary>The length in bytes.</summary>
        public long Length { get; }

        /// <summary>Where the entry starts in the stream, in bytes.</summary>
        public long Offset { get; }

        /// <summary>Where the entry ends in the stream (exclusive).</summary>
        public long End => Offset + Length;
    }
}
