using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TrackerPS.Core.Metainfo;
using TrackerPS.Core.Threading;
using TrackerPS.Core.Trackers.Http;

namespace TrackerPS.Core.Trackers
{
    /// <summary>
    /// Scrapes many torrents at once, gathering their info-hashes per tracker so each tracker gets one
    /// <see cref="ScrapeRequest"/> that its client batches as the protocol allows (74 hashes per UDP packet, BEP 15
    /// §scrape; many <c>info_hash</c> per HTTP GET, BEP 48): 10,000 torrents sharing a tracker cost 136 UDP packets, not
    /// 10,000 requests. Trackers are scraped concurrently, at most <see cref="ThrottleLimit"/> at a time.
    /// </summary>
    public sealed class TrackerScraper
    {
        /// <summary>Default <see cref="ThrottleLimit"/>: 64 trackers scraped at once, as for announces.</summary>
        public const int DefaultThrottleLimit = TorrentAnnouncer.DefaultThrottleLimit;

        private readonly TrackerClientFactory _factory;
        private readonly TrackerClientOptions _options;

        /// <summary>Creates a scraper.</summary>
        /// <param name="factory">Chooses the client per tracker scheme.</param>
        /// <param name="options">Client limits; <see cref="TrackerClientOptions.Timeout"/> bounds each request.</param>
        /// <param name="throttleLimit">Maximum trackers scraped at once (≥ 1).</param>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="throttleLimit"/> is below 1.</exception>
        public TrackerScraper(TrackerClientFactory factory, TrackerClientOptions options, int throttleLimit = DefaultThrottleLimit)
        {
            if (throttleLimit < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(throttleLimit), throttleLimit, "The throttle limit must be at least 1.");
            }

            _factory = factory ?? throw new ArgumentNullException(nameof(factory));
            _options = options ?? throw new ArgumentNullException(nameof(options));
            ThrottleLimit = throttleLimit;
        }

        /// <summary>Maximum trackers scraped at once.</summary>
        public int ThrottleLimit { get; }

        /// <summary>Called, from any thread, as each tracker's scrape is sent (after it got a throttle slot). Must be thread-safe and quick.</summary>
        public Action<ScrapeRequest>? OnSending { get; init; }

        /// <summary>Called, from any thread, with each tracker's outcome as it completes. Must be thread-safe and quick.</summary>
        public Action<ScrapeOutcome>? OnCompleted { get; init; }

        /// <summary>
        /// Gathers the items per tracker: one request per distinct tracker (in order of first appearance) holding the
        /// distinct info-hashes of every item that lists it (in order of first appearance).
        /// </summary>
        /// <param name="items">The torrents and their trackers; null items are skipped.</param>
        /// <returns>One request per tracker.</returns>
        public static IReadOnlyList<ScrapeRequest> Plan(IEnumerable<ScrapeItem?> items)
        {
            if (items is null)
            {
                throw new ArgumentNullException(nameof(items));
            }

            var hashesByTracker = new Dictionary<Uri, (List<InfoHash> Ordered, HashSet<InfoHash> Seen)>(SeededComparer.Uri);
            var trackers = new List<Uri>();
            foreach (ScrapeItem? item in items)
            {
                if (item is null)
                {
                    continue;
                }

                foreach (Uri tracker in item.Trackers)
                {
                    if (!hashesByTracker.TryGetValue(tracker, out var hashes))
                    {
                        hashes = (new List<InfoHash>(), new HashSet<InfoHash>());
                        hashesByTracker.Add(tracker, hashes);
                        trackers.Add(tracker);
                    }

                    foreach (InfoHash hash in item.InfoHashes)
                    {
                        if (hashes.Seen.Add(hash))
                        {
                            hashes.Ordered.Add(hash);
                        }
                    }
                }
            }

            return trackers
                .Where(t => hashesByTracker[t].Ordered.Count > 0)
                .Select(t => new ScrapeRequest { Tracker = t, InfoHashes = hashesByTracker[t].Ordered.ToArray() })
                .ToArray();
        }

        /// <summary>
        /// Scrapes every tracker of <paramref name="items"/> for the info-hashes gathered for it (see <see cref="Plan"/>).
        /// Each tracker's outcome goes to <see cref="OnCompleted"/> as it completes; a failed tracker is one outcome with
        /// its <see cref="TrackerException"/>, not an exception.
        /// </summary>
        /// <param name="items">The torrents and their trackers.</param>
        /// <param name="cancellationToken">Cancels every outstanding request at once.</param>
        /// <returns>One outcome per tracker, in the order of <see cref="Plan"/>.</returns>
        /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
        public async Task<IReadOnlyList<ScrapeOutcome>> ScrapeAsync(IEnumerable<ScrapeItem?> items, CancellationToken cancellationToken)
        {
            IReadOnlyList<ScrapeRequest> plan = Plan(items);
            var throttle = new HandoverThrottle(ThrottleLimit);
            using var clients = new TrackerClientCache(_factory, _options);
            Task<ScrapeOutcome>[] scrapes = plan.Select(request => ScrapeOneAsync(request, clients, throttle, cancellationToken)).ToArray();
            return await Task.WhenAll(scrapes).ConfigureAwait(false);
        }

        private async Task<ScrapeOutcome> ScrapeOneAsync(ScrapeRequest request, TrackerClientCache clients, HandoverThrottle throttle, CancellationToken cancellationToken)
        {
            ScrapeOutcome outcome;
            try
            {
                ITrackerClient client = clients.Get(request.Tracker);
                ScrapeResponse response = await ThrottledTrackerRequest.SendAsync(
                    request.Tracker,
                    throttle,
                    Bound(request.InfoHashes.Count),
                    () => OnSending?.Invoke(request),
                    token => client.ScrapeAsync(request, token),
                    cancellationToken).ConfigureAwait(false);
                outcome = new ScrapeOutcome(request, response, NotListed(request, response), null);
            }
            catch (TrackerException error)
            {
                // The clients' messages are shared with announces: say that this was a scrape.
                TrackerException scrapeError = error.Message.IndexOf("scrape", StringComparison.OrdinalIgnoreCase) >= 0
                    ? error
                    : error.WithMessage($"Scrape of {request.InfoHashes.Count} info-hash(es) failed: {error.Message}");
                outcome = new ScrapeOutcome(request, null, new InfoHash[0], scrapeError);
            }

            OnCompleted?.Invoke(outcome);
            return outcome;
        }

        private static InfoHash[] NotListed(ScrapeRequest request, ScrapeResponse response)
        {
            var listed = new HashSet<string>(response.Results.Select(r => r.InfoHash), SeededComparer.Ordinal);
            return request.InfoHashes.Where(h => !listed.Contains(h.Truncated.ToHex())).ToArray();
        }

        // The clients bound each request by the timeout themselves; an HTTP scrape of many hashes is several GETs one
        // after another (HttpTrackerClient.InitialScrapeBatchSize each), so the backstop for a whole tracker allows one
        // timeout per GET. UDP sends its packets at once under one timeout, well inside this bound.
        private TimeSpan Bound(int hashCount)
        {
            int requests = Math.Max(1, (hashCount + HttpTrackerClient.InitialScrapeBatchSize - 1) / HttpTrackerClient.InitialScrapeBatchSize);
            double milliseconds = _options.Timeout.TotalMilliseconds * requests;

            // CancelAfter takes at most int.MaxValue ms (about 24.8 days).
            return TimeSpan.FromMilliseconds(Math.Min(milliseconds, int.MaxValue));
        }
    }
}
