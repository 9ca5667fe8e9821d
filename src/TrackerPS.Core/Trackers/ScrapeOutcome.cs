using System;
using System.Collections.Generic;

namespace TrackerPS.Core.Trackers
{
    /// <summary>The result of scraping one tracker for every info-hash gathered for it: the results, or the reason it failed.</summary>
    public sealed class ScrapeOutcome
    {
        internal ScrapeOutcome(ScrapeRequest request, IReadOnlyList<ScrapeResult> results, TrackerException? error)
        {
            Request = request;
            Results = results;
            Error = error;
        }

        /// <summary>The request sent: the tracker and its distinct 20-byte info-hashes.</summary>
        public ScrapeRequest Request { get; }

        /// <summary>The tracker scraped.</summary>
        public Uri Tracker => Request.Tracker;

        /// <summary>One result per info-hash the tracker reported on; empty when it failed.</summary>
        public IReadOnlyList<ScrapeResult> Results { get; }

        /// <summary>Why the scrape failed, or null when it succeeded.</summary>
        public TrackerException? Error { get; }
    }
}
