namespace TrackerPS.Core.Metainfo
{
    /// <summary>
    /// What a <see cref="FileEntry"/> holds beyond its length and encoded path, kept apart so that a plain v1 file
    /// (<see cref="PlainV1File"/>), most files of most torrents, has none of it: its entry is then 40 bytes, not 88.
    /// </summary>
    internal sealed class FileDetails
    {
        /// <summary>The decoded elements joined with '/', or null when joined on read (v2 tree, plain v1).</summary>
        public string? Path { get; init; }

        /// <summary>The file's node in the v2 <c>file tree</c>, or null.</summary>
        public FileTreePath? TreePath { get; init; }

        /// <summary>BEP 47 <c>attr</c>, empty when absent.</summary>
        public string Attributes { get; init; } = string.Empty;

        /// <summary>The raw element bytes when read up front, or null.</summary>
        public byte[][]? RawPath { get; set; }

        /// <summary>BEP 52 <c>pieces root</c> as lower-case hex, or null.</summary>
        public string? PiecesRoot { get; set; }

        /// <summary>The BEP 47 symlink target, or null.</summary>
        public SymlinkTarget? Symlink { get; set; }
    }
}
