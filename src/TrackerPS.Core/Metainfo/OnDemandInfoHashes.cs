using System;
using System.Threading;

namespace TrackerPS.Core.Metainfo
{
    /// <summary>
    /// The info-hashes of a torrent read (SHA-1 for v1, SHA-256 for v2, over the raw <c>info</c> bytes: BEP 3, BEP 52),
    /// computed on first read, with the values eager hashing gives; hashing cannot fail, so nothing else changes. Hashing a
    /// small torrent's <c>info</c> was about a quarter of reading it in PowerShell, and a pipeline that only counts, sorts
    /// or filters torrents by other properties never needs it. Until then the torrent's bytes are kept, as they are for
    /// its files until those are first read; once hashed, they are let go. Threads racing on the first read may each
    /// hash; all get the first result stored.
    /// </summary>
    internal sealed class OnDemandInfoHashes
    {
        private readonly int _offset;
        private readonly int _count;
        private readonly bool _v1;
        private readonly bool _v2;
        private byte[]? _source;
        private Hashes? _hashes;

        /// <param name="rawInfo">The raw <c>info</c> dictionary, as in the file; it must not change afterwards.</param>
        /// <param name="v1">The torrent has v1 (<c>pieces</c>): compute the SHA-1.</param>
        /// <param name="v2">The torrent has v2 (<c>meta version</c> 2): compute the SHA-256.</param>
        public OnDemandInfoHashes(ArraySegment<byte> rawInfo, bool v1, bool v2)
        {
            _source = rawInfo.Array ?? throw new ArgumentException("The info dictionary has no bytes.", nameof(rawInfo));
            _offset = rawInfo.Offset;
            _count = rawInfo.Count;
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

        /// <summary>True while the torrent's bytes are kept for hashing (for tests).</summary>
        internal bool HoldsBytes => Volatile.Read(ref _source) is not null;

        private Hashes Computed()
        {
            Hashes? stored = Volatile.Read(ref _hashes);
            if (stored is not null)
            {
                return stored;
            }

            // The bytes go once a result is stored, so a thread that finds them gone finds that result.
            byte[]? source = Volatile.Read(ref _source);
            if (source is null)
            {
                return Volatile.Read(ref _hashes)!;
            }

            var rawInfo = new ArraySegment<byte>(source, _offset, _count);
            InfoHash? v1 = _v1 ? InfoHashComputer.V1(rawInfo) : null;
            InfoHash? v2 = _v2 ? InfoHashComputer.V2(rawInfo) : null;
            string? v1Hex = v1?.ToHex();
            var hashes = new Hashes(v1Hex ?? v2!.Truncated.ToHex(), v1Hex, v2?.ToHex());
            Hashes first = Interlocked.CompareExchange(ref _hashes, hashes, null) ?? hashes;
            Volatile.Write(ref _source, null);
            return first;
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
