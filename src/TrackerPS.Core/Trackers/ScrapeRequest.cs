using System;
using System.Collections.Generic;
using TrackerPS.Core.Metainfo;

namespace TrackerPS.Core.Trackers
{
    /// <summary>A scrape of one tracker for any number of 20-byte info-hashes; clients batch them as the protocol allows.</summary>
    public sealed class ScrapeRequest
    {
        /// <summary>The tracker's announce URI; the scrape URI is derived from it (BEP 48) for HTTP.</summary>
        public Uri Tracker { get; init; } = null!;

        /// <summary>The 20-byte info-hashes to scrape.</summary>
        public IReadOnlyList<InfoHash> InfoHashes { get; init; } = new InfoHash[0];
    }
}
