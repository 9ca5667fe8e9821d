using TrackerPS.Core.Bencode;

namespace TrackerPS.Core.Metainfo
{
    /// <summary>How <see cref="TorrentReader"/> parses a .torrent file.</summary>
    public sealed class TorrentReadOptions
    {
        /// <summary>When true, non-canonical bencode and metainfo inconsistencies are errors instead of warnings.</summary>
        public bool Strict { get; init; }

        /// <summary>When true, BEP 47 pad files are included in <see cref="TorrentInfo.Files"/>.</summary>
        public bool IncludePadFiles { get; init; }

        /// <summary>Bencode limits (input size in bytes, depth, tokens), or null for <see cref="BencodeLimits.Default"/>.</summary>
        public BencodeLimits? Limits { get; init; }
    }
}
