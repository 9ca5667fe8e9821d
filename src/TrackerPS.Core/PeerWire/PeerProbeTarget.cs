using System;
using TrackerPS.Core.Metainfo;

namespace TrackerPS.Core.PeerWire
{
    /// <summary>One peer to probe and the torrent to ask it about.</summary>
    public sealed class PeerProbeTarget
    {
        /// <summary>Creates a target.</summary>
        /// <param name="address">The peer.</param>
        /// <param name="infoHash">The 20-byte info-hash of the handshake: v1, or a v2-only torrent's truncated SHA-256.</param>
        /// <param name="upgradedHash">
        /// A hybrid torrent's truncated v2 hash, when <paramref name="infoHash"/> is its v1 hash: the handshake then offers
        /// the BEP 52 upgrade and accepts this hash in reply. Null otherwise (libtorrent closes on the bit for a v1-only torrent).
        /// </param>
        public PeerProbeTarget(PeerAddress address, InfoHash infoHash, InfoHash? upgradedHash)
        {
            Address = address ?? throw new ArgumentNullException(nameof(address));
            InfoHash = infoHash ?? throw new ArgumentNullException(nameof(infoHash));
            UpgradedHash = upgradedHash is null || upgradedHash.Equals(infoHash) ? null : upgradedHash;
        }

        /// <summary>The peer.</summary>
        public PeerAddress Address { get; }

        /// <summary>The info-hash of the handshake.</summary>
        public InfoHash InfoHash { get; }

        /// <summary>The truncated v2 hash of a hybrid torrent, or null.</summary>
        public InfoHash? UpgradedHash { get; }
    }
}
