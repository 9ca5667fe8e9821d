using System;
using System.Collections.Generic;
using System.Linq;
using TrackerPS.Core.Metainfo;

namespace TrackerPS.Core.Trackers
{
    /// <summary>
    /// One torrent to scrape: its info-hashes in the 20-byte form trackers take (a v2 hash truncated, BEP 52), and the
    /// trackers to ask. <see cref="TrackerScraper"/> gathers items per tracker.
    /// </summary>
    public sealed class ScrapeItem
    {
        /// <summary>Creates the item.</summary>
        /// <param name="infoHashes">v1 (20-byte) and/or v2 (32-byte or already truncated) hashes; nulls are skipped.</param>
        /// <param name="trackers">The trackers' announce URIs; nulls are skipped.</param>
        /// <exception cref="ArgumentNullException">An argument is null.</exception>
        public ScrapeItem(IEnumerable<InfoHash?> infoHashes, IEnumerable<Uri?> trackers)
        {
            if (infoHashes is null)
            {
                throw new ArgumentNullException(nameof(infoHashes));
            }

            if (trackers is null)
            {
                throw new ArgumentNullException(nameof(trackers));
            }

            // A hybrid's v1 hash and truncated v2 hash name two swarms; a v2-only torrent's are the same hash (kept once).
            InfoHashes = infoHashes.Where(h => h is not null).Select(h => h!.Truncated).Distinct().ToArray();
            Trackers = trackers.Where(t => t is not null).Select(t => t!).Distinct(SeededComparer.Uri).ToArray();
        }

        /// <summary>The distinct 20-byte info-hashes, in the order given.</summary>
        public IReadOnlyList<InfoHash> InfoHashes { get; }

        /// <summary>The distinct tracker announce URIs, in the order given.</summary>
        public IReadOnlyList<Uri> Trackers { get; }
    }
}
