using System;

namespace TrackerPS.Core.Metainfo
{
    /// <summary>
    /// One file as read from <c>files</c> (BEP 3) or <c>file tree</c> (BEP 52), before offsets are laid out. A struct
    /// that keeps only what the output and the cross-checks need (the joined path, not the elements), and a plain v1
    /// file (<see cref="PlainV1File"/>) only its length and encoded path: the files of a 50,000-file torrent are then
    /// one array of 40-byte entries while it is read. The rest (<see cref="FileDetails"/>) is kept apart; a v2 file keeps
    /// its <see cref="FileTreePath"/> node there, joined only when read.
    /// </summary>
    internal struct FileEntry
    {
        private FileDetails? _details;

        /// <summary>True for a plain entry whose <c>attr</c> is <c>p</c>, so that no details are kept for it.</summary>
        private readonly bool _padAttribute;

        /// <summary>BitComet's pad file name prefix, used before BEP 47 <c>attr</c> existed.</summary>
        public const string BitCometPadPrefix = "_____padding_file_";

        /// <param name="elements">Decoded path elements below the torrent root (for a single-file torrent, just the name).</param>
        /// <param name="length">Size in bytes.</param>
        /// <param name="attributes">BEP 47 <c>attr</c>, empty when absent.</param>
        /// <param name="hasUnsafePath">True when an element, or an element of a symlink's target, is unsafe (see <see cref="PathSafety"/>).</param>
        /// <param name="sourceOffset">Byte offset of the file's dictionary in the input, for messages.</param>
        public FileEntry(string[] elements, long length, string attributes, bool hasUnsafePath, int sourceOffset)
            : this(length, hasUnsafePath, sourceOffset, new FileDetails { Path = string.Join("/", elements), Attributes = attributes })
        {
            IsPadding = attributes.IndexOf('p') >= 0
                || Array.Exists(elements, e => e.StartsWith(BitCometPadPrefix, StringComparison.Ordinal));
        }

        /// <param name="path">The file's v1 <c>path</c>, every element valid UTF-8, safe and not a pad name (<see cref="PlainV1File"/>), decoded when read.</param>
        /// <param name="length">Size in bytes.</param>
        /// <param name="padAttribute">True when its <c>attr</c> is <c>p</c>: a BEP 47 pad file.</param>
        /// <param name="sourceOffset">Byte offset of the file's dictionary in the input, for messages.</param>
        public FileEntry(EncodedPath path, long length, bool padAttribute, int sourceOffset)
            : this(length, hasUnsafePath: false, sourceOffset, details: null)
        {
            EncodedRawPath = path;
            IsPadding = padAttribute;
            _padAttribute = padAttribute;
        }

        /// <param name="path">The file's node in the v2 <c>file tree</c>.</param>
        /// <param name="length">Size in bytes.</param>
        /// <param name="attributes">BEP 47 <c>attr</c>, empty when absent.</param>
        /// <param name="hasUnsafePath">True when an element of the path or of a symlink's target is unsafe.</param>
        /// <param name="sourceOffset">Byte offset of the file's dictionary in the input, for messages.</param>
        public FileEntry(FileTreePath path, long length, string attributes, bool hasUnsafePath, int sourceOffset)
            : this(length, hasUnsafePath, sourceOffset, new FileDetails { TreePath = path, Attributes = attributes })
        {
            IsPadding = attributes.IndexOf('p') >= 0 || path.HasPadName;
        }

        private FileEntry(long length, bool hasUnsafePath, int sourceOffset, FileDetails? details)
        {
            _details = details;
            Length = length;
            HasUnsafePath = hasUnsafePath;
            SourceOffset = sourceOffset;
            IsPadding = false;
            EncodedRawPath = default;
            _padAttribute = false;
        }

        /// <summary>The decoded elements joined with '/' (for a v2 file or a plain v1 one, joined on each read: keep the result).</summary>
        public string Path => _details?.Path ?? _details?.TreePath?.ToString() ?? EncodedRawPath.JoinUtf8();

        /// <summary>The length in chars of <see cref="Path"/>, without joining it (except for a plain v1 file).</summary>
        public int PathLength => _details?.Path?.Length ?? _details?.TreePath?.Length ?? Path.Length;

        /// <summary>
        /// True when <paramref name="other"/> has the same <see cref="Path"/>; a v2 path is compared node by node, not
        /// joined (a hybrid's check joined one string per file).
        /// </summary>
        public bool SamePath(in FileEntry other)
        {
            FileTreePath? tree = _details?.TreePath;
            FileTreePath? otherTree = other._details?.TreePath;
            return tree is null && otherTree is null ? string.Equals(Path, other.Path, StringComparison.Ordinal)
                : tree is null ? otherTree!.Matches(Path)
                : otherTree is null ? tree.Matches(other.Path)
                : tree.Matches(otherTree.ToString());
        }

        /// <summary>Size in bytes.</summary>
        public long Length { get; }

        /// <summary>BEP 47 <c>attr</c>, empty when absent.</summary>
        public string Attributes => _padAttribute ? "p" : _details?.Attributes ?? string.Empty;

        public bool IsPadding { get; }

        public bool HasUnsafePath { get; }

        /// <summary>Byte offset of the file's dictionary in the input, for messages.</summary>
        public int SourceOffset { get; }

        /// <summary>The raw element bytes, when read up front (single-file and v2 torrents); otherwise <see cref="EncodedRawPath"/> is set.</summary>
        public byte[][]? RawPath
        {
            get => _details?.RawPath;
            init => Details().RawPath = value;
        }

        /// <summary>The encoded v1 <c>path</c> list the raw element bytes are decoded from when first read; <see cref="EncodedPath.IsEmpty"/> for others.</summary>
        public EncodedPath EncodedRawPath { get; init; }

        /// <summary>BEP 52 <c>pieces root</c> as lower-case hex, or null.</summary>
        public string? PiecesRoot
        {
            get => _details?.PiecesRoot;
            set
            {
                // A hybrid's v1 files take the v2 roots; a plain file left without one needs no details for it.
                if (value is not null || _details is not null)
                {
                    Details().PiecesRoot = value;
                }
            }
        }

        /// <summary>The BEP 47 symlink target, or null when the file is not a symlink.</summary>
        public SymlinkTarget? Symlink
        {
            get => _details?.Symlink;
            init => Details().Symlink = value;
        }

        public TorrentFile ToTorrentFile(long offset) => new TorrentFile(
            _details?.TreePath is null ? Path : null, _details?.TreePath, RawPath, EncodedRawPath.IsEmpty ? null : EncodedRawPath)
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

        private FileDetails Details() => _details ??= new FileDetails();
    }
}
