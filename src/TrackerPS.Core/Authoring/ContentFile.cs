using System;
using System.Text;
using System.Runtime.CompilerServices;
using TrackerPS.Core.Runtime;

namespace TrackerPS.Core.Authoring
{
    /// <summary>
    /// One file of the content a torrent is made from or checked against: where it is on disk, its path inside the
    /// torrent (the elements below the torrent's <c>name</c>, BEP 3 <c>path</c>) and the length the torrent gives it.
    /// </summary>
    public sealed class ContentFile
    {
        private byte[][]? _pathBytes;

        /// <summary>Creates a file entry.</summary>
        /// <param name="fullPath">The file's full path on disk.</param>
        /// <param name="pathElements">Its path inside the torrent, one element per folder level; empty for a single-file torrent.</param>
        /// <param name="length">Its length in bytes.</param>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is negative.</exception>
        public ContentFile(string fullPath, string[] pathElements, long length)
        {
            if (length < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(length), length, "A file length cannot be negative.");
            }

            FullPath = fullPath ?? throw new ArgumentNullException(nameof(fullPath));
            PathElements = pathElements ?? throw new ArgumentNullException(nameof(pathElements));
            Length = length;
        }

        /// <summary>The file's full path on disk.</summary>
        public string FullPath { get; }

        /// <summary>The path inside the torrent, one element per level (BEP 3 <c>path</c>); empty for a single-file torrent.</summary>
        public string[] PathElements { get; }

        /// <summary>
        /// The path elements as UTF-8 bytes, as they are written and ordered (BEP 52 <c>file tree</c> order); encoded when
        /// first read, so that checking a torrent, which never writes or orders its files, does not encode them.
        /// </summary>
        public byte[][] PathBytes
        {
            [MethodImpl(HotPath.Optimized)]
            get => _pathBytes ??= Array.ConvertAll(PathElements, e => Encoding.UTF8.GetBytes(e));
        }

        /// <summary>The path inside the torrent with '/' between elements.</summary>
        public string RelativePath => string.Join("/", PathElements);

        /// <summary>The length in bytes.</summary>
        public long Length { get; }

        /// <summary>BEP 47 'x': the owner may execute the file (<see cref="ExecutableBit"/>).</summary>
        public bool IsExecutable { get; init; }

        /// <summary>For a BEP 47 symlink (length 0, no data): its target's path elements from the torrent's root; null for a file.</summary>
        public string[]? SymlinkTarget { get; init; }

        /// <summary>True for a BEP 47 symlink.</summary>
        public bool IsSymlink => SymlinkTarget is not null;

        /// <summary>The BEP 47 <c>attr</c> string: 'x' when executable, 'l' for a symlink, in libtorrent's order; empty for neither.</summary>
        public string Attributes => (IsExecutable ? "x" : string.Empty) + (IsSymlink ? "l" : string.Empty);

        /// <inheritdoc />
        public override string ToString() => RelativePath;
    }
}
