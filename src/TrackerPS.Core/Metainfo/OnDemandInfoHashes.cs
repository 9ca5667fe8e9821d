using System;
using System.Threading;

namespace TrackerPS.Core.Metainfo
{
    /// <summary>
    /// The info-hashes of a torrent read (SHA-1 for v1, SHA-256 for v2, over the raw <c>info</c> bytes: BEP 3, BEP 52),
    /// computed on first read, with the values eager hashing gives; hashing cannot fail, so nothing else changes. Hashing a
    /// small torrent's <c>info</c> was about a quarter of reading it in PowerShell, and a pipeline that only counts, sorts
    /// or filters torrents by other properties never needs it. The torrent keeps its bytes anyway (raw paths), so waiting
    /// costs no memory. Threads racing on the first read may each hash; all get the first result stored.
    /// </summary>
    internal sealed class OnDemandInfoHashes
    {
        private readonly ArraySegment<byte> _rawInfo;
        private readonly bool _v1;
        private readonly bool _v2;
        private Hashes? _hashes;

        /// <param name="rawInfo">The raw <c>info</c> dictionary, as in the file; it must not change afterwards.</param>
        /// <param name="v1">The torrent has v1 (<c>pieces</c>): compute the SHA-1.</param>
        /// <param name="v2">The torrent has v2 (<c>meta version</c> 2): compute the SHA-256.</param>
        public OnDemandInfoHashes(ArraySegment<byte> rawInfo, bool v1, bool v2)
        {
            _rawInfo = rawInfo;
            _v1 = v1;
            _v2 = v2;
        }

        /// <summary>As <see cref="TorrentInfo.InfoHash"/>: the v1 hash, or a v2-only torrent's SHA-256 truncated to 20 bytes (hex).</summary>
        public string InfoHash => Computed().InfoHash;

        /// <summary>As <see cref="TorrentInfo.InfoHashV1"/>: 40 hex, or null without v1.</summary>
        public string? InfoHashV1 => Computed().V1;

        /// <summary>As <see cref="TorrentInfo.InfoHashV2"/>: 64 hex, or null without v2.</summary>
        public string? InfoHashV2 => Computed().V2;

        /// <summary>True once the hashes are computed (for tests).</summary>
        internal bool IsComputed => Volatile.Read(ref _hashes) is not null;

        private Hashes Computed()
        {
            Hashes? stored = Volatile.Read(ref _hashes);
            if (stored is not null)
            {
                return stored;
            }

            InfoHash? v1 = _v1 ? InfoHashComputer.V1(_rawInfo) : null;
            InfoHash? v2 = _v2 ? InfoHashComputer.V2(_rawInfo) : null;
            string? v1Hex = v1?.ToHex();
            var hashes = new Hashes(v1Hex ?? v2!.Truncated.ToHex(), v1Hex, v2?.ToHex());
            return Interlocked.CompareExchange(ref _hashes, hashes, null) ?? hashes;
        }

        private sealed class Hashes
        {
            public Hashes(string infoHash, string? v1, string? v2)
            {
                InfoHash = infoHash;
                V1 = v1;
                V2 = v2;
            }

            public string InfoHash { get; }

            public string? V1 { get; }

            public string? V2 { get; }
        }
    }
}
