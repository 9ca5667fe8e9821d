using System;

namespace TrackerPS.Core.Metainfo
{
    /// <summary>
    /// One file as read from <c>files</c> (BEP 3) or <c>file tree</c> (BEP 52), before offsets are laid out. A struct
    /// that keeps only what the output and the cross-checks need (the joined path, not the elements): the files of a
    /// 50,000-file torrent are then one array and 50,000 path strings while it is read, not 20 objects per file. A v2
    /// file keeps its <see cref="FileTreePath"/> node instead, joined only when read.
    /// </summary>
    internal struct FileEntry
    {
        private readonly string? _path;
        private readonly FileTreePath? _treePath;

        /// <summary>BitComet's pad file name prefix, used before BEP 47 <c>attr</c> existed.</summary>
        public const string BitCometPadPrefix = "_____padding_file_";

        /// <param name="elements">Decoded path elements below the torrent root (for a single-file torrent, just the name).</param>
        /// <param name="length">Size in bytes.</param>
        /// <param name="attributes">BEP 47 <c>attr</c>, empty when absent.</param>
        /// <param name="hasUnsafePath">True when an element, or an element of a symlink's target, is unsafe (see <see cref="PathSafety"/>).</param>
        /// <param name="sourceOffset">Byte offset of the file's dictionary in the input, for messages.</param>
        public FileEntry(string[] elements, long length, string attributes, bool hasUnsafePath, int sourceOffset)
        {
            _path = string.Join("/", elements);
            _treePath = null;
            Length = length;
            Attributes = attributes;
            HasUnsafePath = hasUnsafePath;
            SourceOffset = sourceOffset;
            IsPadding = attributes.IndexOf('p') >= 0
                || Array.Exists(elements, e => e.StartsWith(BitCometPadPrefix, StringComparison.Ordinal));
        }

        /// <param name="path">The file's v1 <c>path</c>, every element valid UTF-8, safe and not a pad name (<see cref="PlainV1File"/>), decoded when read.</param>
        /// <param name="length">Size in bytes.</param>
        /// <param name="sourceOffset">Byte offset of the file's dictionary in the input, for messages.</param>
        public FileEntry(EncodedPath path, long length, int sourceOffset)
        {
            _path = null;
            _treePath = null;
            Length = length;
            Attributes = string.Empty;
            HasUnsafePath = false;
            SourceOffset = sourceOffset;
            IsPadding = false;
            EncodedRawPath = path;
        }

        /// <param name="path">The file's node in the v2 <c>file tree</c>.</param>
        /// <param name="length">Size in bytes.</param>
        /// <param name="attributes">BEP 47 <c>attr</c>, empty when absent.</param>
        /// <param name="hasUnsafePath">True when an element of the path or of a symlink's target is unsafe.</param>
        /// <param name="sourceOffset">Byte offset of the file's dictionary in the input, for messages.</param>
        public FileEntry(FileTreePath path, long length, string attributes, bool hasUnsafePath, int sourceOffset)
        {
            _path = null;
            _treePath = path;
            Length = length;
            Attributes = attributes;
            HasUnsafePath = hasUnsafePath;
            SourceOffset = sourceOffset;
            IsPadding = attributes.IndexOf('p') >= 0 || path.HasPadName;
        }

        /// <summary>The decoded elements joined with '/' (for a v2 file or a plain v1 one, joined on each read: keep the result).</summary>
        public string Path => _path ?? _treePath?.ToString() ?? EncodedRawPath!.Value.JoinUtf8();

        /// <summary>The length in chars of <see cref="Path"/>, without joining it (except for a plain v1 file).</summary>
        public int PathLength => _path?.Length ?? _treePath?.Length ?? Path.Length;

        /// <summary>Size in bytes.</summary>
        public long Length { get; }

        /// <summary>BEP 47 <c>attr</c>, empty when absent.</summary>
        public string Attributes { get; }

        public bool IsPadding { get; }

        public bool HasUnsafePath { get; }

        /// <summary>Byte offset of the file's dictionary in the input, for messages.</summary>
        public int SourceOffset { get; }

        /// <summary>The raw element bytes, when read up front (single-file and v2 torrents); otherwise <see cref="EncodedRawPath"/> is set.</summary>
        public byte[][]? RawPath { get; init; }

        /// <summary>The encoded v1 <c>path</c> list the raw element bytes are decoded from when first read.</summary>
        public EncodedPath? EncodedRawPath { get; init; }

        /// <summary>BEP 52 <c>pieces root</c> as lower-case hex, or null.</summary>
        public string? PiecesRoot { get; set; }

        /// <summary>The BEP 47 symlink target, or null when the file is not a symlink.</summary>
        public SymlinkTarget? Symlink { get; init; }

        public TorrentFile ToTorrentFile(long offset) => new TorrentFile(_treePath is null ? Path : null, _treePath, RawPath, EncodedRawPath)
        {
            Length = Length,
            Offset = offset,
            IsPadding = IsPadding,
            Attributes = Attributes,
            HasUnsafePath = HasUnsafePath,
            PiecesRoot = PiecesRoot,
            IsSymlink = Symlink is not null,
            SymlinkPath = Symlink?.Path,
            RawSymlinkPath = Symlink?.RawPath,
        };
    }
}
