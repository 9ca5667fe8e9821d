using System;
using System.Collections.Generic;
using TrackerPS.Core.Metainfo;
using TrackerPS.Core.Network;

namespace TrackerPS.Core.Trackers
{
    /// <summary>The result of scraping one tracker for every info-hash gathered for it: the results, or the reason it failed.</summary>
    public sealed class ScrapeOutcome
    {
        internal ScrapeOutcome(ScrapeRequest request, ScrapeResponse? response, IReadOnlyList<InfoHash> notListed, TrackerException? error)
        {
            Request = request;
            Results = response?.Results ?? new ScrapeResult[0];
            Notes = response?.Notes ?? new string[0];
            NotListed = notListed;
            Error = error;
        }

        /// <summary>The request sent: the tracker and its distinct 20-byte info-hashes.</summary>
        public ScrapeRequest Request { get; }

        /// <summary>The tracker scraped.</summary>
        public Uri Tracker => Request.Tracker;

        /// <summary>One result per info-hash the tracker reported on; empty when it failed.</summary>
        public IReadOnlyList<ScrapeResult> Results { get; }

        /// <summary>
        /// The requested info-hashes the tracker's reply left out, in request order: an HTTP tracker omits from
        /// <c>files</c> the torrents it does not track (opentracker does). Never any for UDP, whose reply answers every
        /// hash by position (BEP 15), nor when the scrape failed.
        /// </summary>
        public IReadOnlyList<InfoHash> NotListed { get; }

        /// <summary>How the tracker's replies were read where they departed from the BEP; see <see cref="ScrapeResponse.Notes"/>.</summary>
        public IReadOnlyList<string> Notes { get; }

        /// <summary>Why the scrape failed, or null when it succeeded.</summary>
        public TrackerException? Error { get; }

        /// <summary>The message for an info-hash of <see cref="NotListed"/>, naming the tracker (redacted).</summary>
        /// <param name="infoHash">The info-hash left out.</param>
        /// <returns>The message.</returns>
        public string NotListedMessage(InfoHash infoHash) =>
            $"Tracker {TrackerUriRedactor.Redact(Tracker)} did not list info-hash {infoHash?.Truncated.ToHex()} in its scrape reply: "
            + "it does not track that torrent.";
    }
}
