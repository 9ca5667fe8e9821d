using System;
using System.Collections.Generic;
using TrackerPS.Core.Metainfo;

namespace TrackerPS.Core.Trackers.Http
{
    /// <summary>
    /// The scrape URI (BEP 48 §scrape): derived from the announce URI only when the last path segment starts with
    /// <c>announce</c>, which is replaced by <c>scrape</c>; the rest of the segment and the query are kept
    /// (<c>/x/announce.php?passkey=1</c> → <c>/x/scrape.php?passkey=1</c>).
    /// </summary>
    internal static class HttpScrapeUri
    {
        private const string AnnounceWord = "announce";
        private const string ScrapeWord = "scrape";

        /// <summary>Derives the scrape URI.</summary>
        /// <param name="announce">The announce URI.</param>
        /// <param name="scrape">The scrape URI, or null.</param>
        /// <returns>False when the last path segment does not start with <c>announce</c> (the tracker cannot be scraped).</returns>
        public static bool TryDerive(Uri announce, out Uri? scrape)
        {
            string path = announce.AbsolutePath;
            int segmentStart = path.LastIndexOf('/') + 1;
            if (!path.Substring(segmentStart).StartsWith(AnnounceWord, StringComparison.Ordinal))
            {
                scrape = null;
                return false;
            }

            string scrapePath = path.Substring(0, segmentStart) + ScrapeWord + path.Substring(segmentStart + AnnounceWord.Length);
            scrape = new Uri(announce.GetLeftPart(UriPartial.Authority) + scrapePath + announce.Query, UriKind.Absolute);
            return true;
        }

        /// <summary>Appends one <c>info_hash</c> per hash (raw 20 bytes, percent-encoded) to the scrape URI's query.</summary>
        /// <param name="scrape">The scrape URI.</param>
        /// <param name="infoHashes">The hashes (truncated to 20 bytes).</param>
        /// <returns>The URI to GET.</returns>
        public static Uri Build(Uri scrape, IEnumerable<InfoHash> infoHashes)
        {
            var query = new HttpTrackerQuery(scrape);
            foreach (InfoHash hash in infoHashes)
            {
                query.Add("info_hash", hash.Truncated.ToArray());
            }

            return query.ToUri();
        }
    }
}
