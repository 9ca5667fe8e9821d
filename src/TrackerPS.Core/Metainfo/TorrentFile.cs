using System.Threading;
using TrackerPS.Core.Metainfo;

namespace TrackerPS
{
    /// <summary>One file of a torrent (BEP 3 <c>files</c>, or a BEP 52 <c>file tree</c> leaf).</summary>
    public sealed class TorrentFile
    {
        private readonly EncodedPath? _encodedRawPath;
        private readonly FileTreePath? _treePath;
        private byte[][]? _rawPath;
        private string? _path;

        /// <summary>Creates an empty file description; set the properties with an object initializer.</summary>
        public TorrentFile()
        {
        }

        /// <summary>
        /// A file read from a torrent, whose <see cref="RawPath"/> is either given or decoded when first read, and whose
        /// <see cref="Path"/>, for a v2 file, is joined from its <c>file tree</c> node when first read.
        /// </summary>
        internal TorrentFile(string? path, FileTreePath? treePath, byte[][]? rawPath, EncodedPath? encodedRawPath)
        {
            _path = path;
            _rawPath = rawPath;
            _encodedRawPath = encodedRawPath;
            _treePath = treePath;
        }

        /// <summary>
        /// Path relative to the torrent root, elements joined with '/'; for a single-file torrent, the name. For a v2 file
        /// it is joined when first read, so that a tree whose files share one long directory name costs memory in
        /// proportion to the torrent, not to the sum of its paths.
        /// </summary>
        public string Path
        {
            get => _path ?? JoinTreePath();
            init => _path = value;
        }

        /// <summary>Size in bytes; 0 for a symlink, whatever its <c>length</c> says (as libtorrent lays it out).</summary>
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

        /// <summary>
        /// True when a path element, or an element of <see cref="SymlinkPath"/>, is empty, <c>.</c>, <c>..</c>, absolute, a
        /// drive letter, or contains '/', '\' or NUL.
        /// </summary>
        public bool HasUnsafePath { get; init; }

        /// <summary>The raw bytes of each path element as stored in the torrent, before any decoding.</summary>
        public byte[][] RawPath
        {
            get => _rawPath ?? DecodeRawPath();
            init => _rawPath = value;
        }

        /// <summary>BEP 52 <c>pieces root</c> as lower-case hex (64 characters), or null for a v1-only torrent, an empty file, or an inconsistent hybrid.</summary>
        public string? PiecesRoot { get; init; }

        /// <summary>True for a BEP 47 symlink: <c>attr</c> has <c>l</c> and <c>symlink path</c> is present (libtorrent requires both).</summary>
        public bool IsSymlink { get; init; }

        /// <summary>A symlink's target (BEP 47 <c>symlink path</c>, from the torrent root), elements joined with '/' as in <see cref="Path"/>; null when not a symlink.</summary>
        public string? SymlinkPath { get; init; }

        /// <summary>The raw bytes of each element of <see cref="SymlinkPath"/> as stored, before any decoding; null when not a symlink.</summary>
        public byte[][]? RawSymlinkPath { get; init; }

        /// <summary>Returns <see cref="Path"/>, so a list of files reads as their paths.</summary>
        /// <returns>The file's path in the torrent.</returns>
        public override string ToString() => Path;

        /// <summary>
        /// The path's elements as UTF-8 strings when it is a plain v1 path still encoded (read straight from the list, with no
        /// <see cref="RawPath"/> arrays); null otherwise, when the caller decodes <see cref="RawPath"/>.
        /// </summary>
        internal string[]? EncodedUtf8Elements() => _rawPath is null && _encodedRawPath is { } encoded ? encoded.DecodeUtf8() : null;

        /// <summary>Joins the v2 path on first read; two threads racing both get the first one stored.</summary>
        private string JoinTreePath()
        {
            string joined = _treePath?.ToString() ?? string.Empty;
            return Interlocked.CompareExchange(ref _path, joined, null) ?? joined;
        }

        /// <summary>Builds the raw path from the encoded list or the v2 node on first read; two threads racing both get the first one stored.</summary>
        private byte[][] DecodeRawPath()
        {
            byte[][] raw = _encodedRawPath?.Decode() ?? _treePath?.RawElements() ?? new byte[0][];
            return Interlocked.CompareExchange(ref _rawPath, raw, null) ?? raw;
        }
    }
}
