using TrackerPS.Core.Bencode;

namespace TrackerPS.Core.Metainfo
{
    /// <summary>How <see cref="TorrentReader"/> reads a torrent.</summary>
    public sealed class TorrentReadOptions
    {
        /// <summary>
        /// When true, non-canonical bencode (unsorted keys, leading zeros, <c>-0</c>) is an error; when false (the
        /// default) it is accepted and reported in <c>TorrentInfo.Warnings</c>. A v2 torrent (BEP 52) must always be
        /// canonical, whatever this says. Bytes after the top-level dictionary are likewise an error when true and a
        /// warning naming their offset when false (libtorrent ignores them).
        /// </summary>
        public bool Strict { get; init; }

        /// <summary>When true, pad files (BEP 47) are included in <c>TorrentInfo.Files</c>; they never count in sizes or file counts.</summary>
        public bool IncludePadFiles { get; init; }

        /// <summary>
        /// Decoder limits, or null for <see cref="BencodeLimits.Default"/>; <see cref="Strict"/> applies on top. Their
        /// <see cref="BencodeLimits.AllowTrailingBytes"/> is not used: trailing bytes follow <see cref="Strict"/>.
        /// </summary>
        public BencodeLimits? Limits { get; init; }
    }
}
