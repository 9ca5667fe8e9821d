using System.Collections.Generic;

namespace TrackerPS.Core.Trackers
{
    /// <summary>
    /// Lets each peer through once per (address, port, info-hash), whichever tracker returned it: a repeating announce
    /// writes only the peers it has not seen yet. Thread-safe.
    /// </summary>
    public sealed class NewPeerFilter
    {
        // Addresses and ports come from trackers' replies: hashed with the seeded hash (SeededComparer), not the framework's.
        private readonly HashSet<(string Address, int Port, string InfoHash)> _seen = new HashSet<(string Address, int Port, string InfoHash)>(
            SeededComparer.Triple(SeededComparer.Ordinal, EqualityComparer<int>.Default, SeededComparer.Ordinal));

        /// <summary>True the first time this peer's address, port and info-hash are seen; false after.</summary>
        /// <param name="peer">A peer from a tracker's response.</param>
        /// <returns>Whether the peer is new.</returns>
        public bool IsNew(Peer peer)
        {
            // Peer.IPAddress is IPAddress.ToString, which is canonical (an IPv4-mapped IPv6 address stays distinct from its IPv4 form, as on the wire).
            var key = (peer.IPAddress, peer.Port, peer.InfoHash);
            lock (_seen)
            {
                return _seen.Add(key);
            }
        }
    }
}
