using System;
using TrackerPS.Core.Metainfo;

namespace TrackerPS.Core.PeerWire.Metadata
{
    /// <summary>
    /// The torrent whose info dictionary is fetched, by the hashes it is verified against: the v1 SHA-1 (magnet
    /// <c>btih</c>) and/or the v2 SHA-256 (<c>btmh</c>, BEP 52). The handshake names it by the v1 hash, else by the
    /// truncated v2 hash; with both (a hybrid), it offers the v2 upgrade.
    /// </summary>
    public sealed class MetadataTarget
    {
        /// <summary>Creates a target.</summary>
        /// <param name="v1">The 20-byte SHA-1, or null.</param>
        /// <param name="v2">The 32-byte SHA-256, or null.</param>
        /// <exception cref="ArgumentException">Both are null, or a hash has the wrong length.</exception>
        public MetadataTarget(InfoHash? v1, InfoHash? v2)
        {
            if (v1 is null && v2 is null)
            {
                throw new ArgumentException("A v1 or v2 info-hash is required.");
            }

            if ((v1 is not null && v1.Length != 20) || (v2 is not null && v2.Length != 32))
            {
                throw new ArgumentException("A v1 info-hash is 20 bytes and a v2 info-hash 32.");
            }

            V1 = v1;
            V2 = v2;
        }

        /// <summary>The v1 SHA-1, or null.</summary>
        public InfoHash? V1 { get; }

        /// <summary>The v2 SHA-256, or null.</summary>
        public InfoHash? V2 { get; }

        /// <summary>The 20-byte hash of the handshake.</summary>
        public InfoHash HandshakeHash => V1 ?? V2!.Truncated;

        /// <summary>The truncated v2 hash a hybrid's peer may answer the upgraded handshake with, else null.</summary>
        public InfoHash? UpgradedHash => V1 is not null && V2 is not null ? V2.Truncated : null;

        /// <summary>Whether <paramref name="info"/> hashes to every hash given.</summary>
        /// <param name="info">The bencoded info dictionary.</param>
        /// <returns>True when it matches.</returns>
        public bool Matches(byte[] info)
        {
            var segment = new ArraySegment<byte>(info);
            return (V1 is null || InfoHashComputer.V1(segment).Equals(V1)) && (V2 is null || InfoHashComputer.V2(segment).Equals(V2));
        }
    }
}
