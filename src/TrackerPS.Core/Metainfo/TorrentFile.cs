namespace TrackerPS
{
    /// <summary>One file of a torrent (BEP 3 <c>files</c>, or a BEP 52 <c>file tree</c> leaf).</summary>
    public sealed class TorrentFile
    {
        /// <summary>Path relative to the torrent root, elements joined with '/'; for a single-file torrent, the name.</summary>
        public string Path { get; init; } = string.Empty;

        /// <summary>Size in bytes.</summary>
        public long Length { get; init; }

        /// <summary>
        /// Offset in bytes of the file's first byte in the torrent's concatenated data: the v1 layout (pad files included)
        /// for v1 and hybrid torrents; for a v2-only torrent the BEP 52 layout, where each non-empty file starts on a piece boundary.
        /// </summary>
        public long Offset { get; init; }

        /// <summary>True for a pad file: BEP 47 <c>attr</c> containing <c>p</c>, or a BitComet <c>_____padding_file_</c> name.</summary>
        public bool IsPadding { get; init; }

        /// <summary>BEP 47 <c>attr</c> flags as given (<c>p</c> pad, <c>x</c> executable, <c>h</c> hidden, <c>l</c> symlink); empty when absent.</summary>
        public string Attributes { get; init; } = string.Empty;

        /// <summary>True when a path element is empty, <c>.</c>, <c>..</c>, absolute, a drive letter, or contains '/', '\' or NUL.</summary>
        public bool HasUnsafePath { get; init; }

        /// <summary>The raw bytes of each path element as stored in the torrent, before any decoding.</summary>
        public byte[][] RawPath { get; init; } = new byte[0][];

        /// <summary>BEP 52 <c>pieces root</c> as lower-case hex (64 characters), or null for a v1-only torrent, an empty file, or an inconsistent hybrid.</summary>
        public string? PiecesRoot { get; init; }
    }
}
