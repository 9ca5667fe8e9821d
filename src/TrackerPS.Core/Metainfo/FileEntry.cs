using System;
using TrackerPS.Core.Bencode;

namespace TrackerPS.Core.Metainfo
{
    /// <summary>One file as read from <c>files</c> (BEP 3) or <c>file tree</c> (BEP 52), before offsets are laid out.</summary>
    internal sealed class FileEntry
    {
        /// <summary>BitComet's pad file name prefix, used before BEP 47 <c>attr</c> existed.</summary>
        public const string BitCometPadPrefix = "_____padding_file_";

        public FileEntry(string[] path, byte[][] rawPath, long length, string attributes, bool hasUnsafePath, BValue source)
        {
            Path = path;
            RawPath = rawPath;
            Length = length;
            Attributes = attributes;
            HasUnsafePath = hasUnsafePath;
            Source = source;
            IsPadding = attributes.IndexOf('p') >= 0
                || Array.Exists(path, e => e.StartsWith(BitCometPadPrefix, StringComparison.Ordinal));
        }

        /// <summary>Decoded path elements below the torrent root (for a single-file torrent, just the name).</summary>
        public string[] Path { get; }

        public byte[][] RawPath { get; }

        /// <summary>Size in bytes.</summary>
        public long Length { get; }

        /// <summary>BEP 47 <c>attr</c>, empty when absent.</summary>
        public string Attributes { get; }

        public bool IsPadding { get; }

        public bool HasUnsafePath { get; }

        /// <summary>The file's dictionary in the input, for messages.</summary>
        public BValue Source { get; }

        /// <summary>BEP 52 <c>pieces root</c> as lower-case hex, or null.</summary>
        public string? PiecesRoot { get; set; }

        public string JoinedPath => string.Join("/", Path);

        public TorrentFile ToTorrentFile(long offset) => new TorrentFile
        {
            Path = JoinedPath,
            Length = Length,
            Offset = offset,
            IsPadding = IsPadding,
            Attributes = Attributes,
            HasUnsafePath = HasUnsafePath,
            RawPath = RawPath,
            PiecesRoot = PiecesRoot,
        };
    }
}
