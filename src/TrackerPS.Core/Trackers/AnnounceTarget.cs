using System;
using System.Collections.Generic;
using System.Linq;
using TrackerPS.Core.Metainfo;

namespace TrackerPS.Core.Trackers
{
    /// <summary>
    /// The info-hashes announced for one torrent, in the 20-byte form trackers take. A hybrid torrent is announced under
    /// both its v1 hash and its truncated v2 hash, because peers may join either swarm (BEP 52 §upgrade path); a
    /// v2-only torrent under its truncated v2 hash.
    /// </summary>
    public sealed class AnnounceTarget
    {
        /// <summary>Creates the target from any of the torrent's hashes.</summary>
        /// <param name="infoHashes">v1 (20-byte) and/or v2 (32-byte or already truncated) hashes; nulls are skipped.</param>
        /// <exception cref="ArgumentException">No hash is given.</exception>
        public AnnounceTarget(IEnumerable<InfoHash?> infoHashes)
        {
            if (infoHashes is null)
            {
                throw new ArgumentNullException(nameof(infoHashes));
            }

            // A v2-only torrent's "InfoHash" is its truncated v2 hash; Distinct keeps it once.
            InfoHashes = infoHashes.Where(h => h is not null).Select(h => h!.Truncated).Distinct().ToArray();
            if (InfoHashes.Count == 0)
            {
                throw new ArgumentException("An announce needs at least one info-hash.", nameof(infoHashes));
            }
        }

        /// <summary>The distinct 20-byte info-hashes to announce, in the order given.</summary>
        public IReadOnlyList<InfoHash> InfoHashes { get; }
    }
}
