using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TrackerPS.Core.Metainfo;

namespace TrackerPS.Core.Trackers
{
    /// <summary>
    /// Announces one torrent to every tracker of every BEP 12 tier at once (at most <see cref="ThrottleLimit"/> requests
    /// in flight), so one dead tracker costs its own timeout rather than the sum of all. Unlike a downloading client,
    /// which stops at the first tier that answers, every tracker is asked: the point is to see what each one says.
    /// </summary>
    public sealed class TorrentAnnouncer
    {
        /// <summary>Default <see cref="ThrottleLimit"/>: 16 requests in flight.</summary>
        public const int DefaultThrottleLimit = 16;

        private readonly TrackerClientFactory _factory;
        private readonly TrackerSession _session;
        private readonly TrackerClientOptions _options;

        /// <summary>Creates an announcer.</summary>
        /// <param name="factory">Chooses the client per tracker scheme.</param>
        /// <param name="session">Supplies the peer id, keys and tracker ids, and remembers new tracker ids.</param>
        /// <param name="options">Client limits; <see cref="TrackerClientOptions.Timeout"/> also bounds each request here.</param>
        /// <param name="throttleLimit">Maximum requests in flight (≥ 1).</param>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="throttleLimit"/> is below 1.</exception>
        public TorrentAnnouncer(TrackerClientFactory factory, TrackerSession session, TrackerClientOptions options, int throttleLimit = DefaultThrottleLimit)
        {
            if (throttleLimit < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(throttleLimit), throttleLimit, "The throttle limit must be at least 1.");
            }

            _factory = factory ?? throw new ArgumentNullException(nameof(factory));
            _session = session ?? throw new ArgumentNullException(nameof(session));
            _options = options ?? throw new ArgumentNullException(nameof(options));
            ThrottleLimit = throttleLimit;
        }

        /// <summary>Maximum requests in flight.</summary>
        public int ThrottleLimit { get; }

        /// <summary>Called, from any thread, as each request is sent (after it got a throttle slot). Must be thread-safe and quick.</summary>
        public Action<AnnounceRequest>? OnSending { get; init; }

        /// <summary>Called, from any thread, with each outcome as it completes. Must be thread-safe and quick.</summary>
        public Action<AnnounceOutcome>? OnCompleted { get; init; }

        /// <summary>Treats a flat tracker list as one tier per tracker (BEP 12 order = list order).</summary>
        /// <param name="trackers">The trackers.</param>
        /// <returns>One single-tracker tier per tracker.</returns>
        public static IReadOnlyList<IReadOnlyList<Uri>> OneTierEach(IEnumerable<Uri> trackers) =>
            trackers.Select(t => (IReadOnlyList<Uri>)new[] { t }).ToArray();

        /// <summary>How many requests <see cref="AnnounceAsync"/> sends for these inputs (trackers × info-hashes, duplicates once).</summary>
        /// <param name="target">The info-hashes.</param>
        /// <param name="tiers">The BEP 12 tiers.</param>
        /// <returns>The number of requests.</returns>
        public static int CountRequests(AnnounceTarget target, IReadOnlyList<IReadOnlyList<Uri>> tiers) => Plan(target, tiers).Count;

        /// <summary>
        /// Announces every info-hash of <paramref name="target"/> to every tracker. A tracker listed twice is asked once,
        /// at its first position. Each outcome goes to <see cref="OnCompleted"/> as it completes; failures are outcomes,
        /// not exceptions.
        /// </summary>
        /// <param name="target">The info-hashes.</param>
        /// <param name="tiers">The BEP 12 tiers (<c>announce-list</c>); null entries are skipped.</param>
        /// <param name="template">The fields shared by every request.</param>
        /// <param name="cancellationToken">Cancels every outstanding request at once.</param>
        /// <returns>Every outcome in tier order, then tracker order, then info-hash order.</returns>
        /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
        public async Task<IReadOnlyList<AnnounceOutcome>> AnnounceAsync(
            AnnounceTarget target, IReadOnlyList<IReadOnlyList<Uri>> tiers, AnnounceTemplate template, CancellationToken cancellationToken)
        {
            if (template is null)
            {
                throw new ArgumentNullException(nameof(template));
            }

            IReadOnlyList<PlannedAnnounce> plan = Plan(target, tiers);
            using var throttle = new SemaphoreSlim(ThrottleLimit);
            using var clients = new TrackerClientCache(_factory, _options);
            Task<AnnounceOutcome>[] announces = plan.Select(p => AnnounceOneAsync(p, template, clients, throttle, cancellationToken)).ToArray();
            return await Task.WhenAll(announces).ConfigureAwait(false);
        }

        private static IReadOnlyList<PlannedAnnounce> Plan(AnnounceTarget target, IReadOnlyList<IReadOnlyList<Uri>> tiers)
        {
            if (target is null)
            {
                throw new ArgumentNullException(nameof(target));
            }

            if (tiers is null)
            {
                throw new ArgumentNullException(nameof(tiers));
            }

            var seen = new HashSet<Uri>();
            var plan = new List<PlannedAnnounce>();
            for (int tier = 0; tier < tiers.Count; tier++)
            {
                IReadOnlyList<Uri> trackers = tiers[tier] ?? new Uri[0];
                for (int index = 0; index < trackers.Count; index++)
                {
                    Uri tracker = trackers[index];
                    if (tracker is not null && seen.Add(tracker))
                    {
                        plan.AddRange(target.InfoHashes.Select(hash => new PlannedAnnounce(tracker, hash, tier, index)));
                    }
                }
            }

            return plan;
        }

        private async Task<AnnounceOutcome> AnnounceOneAsync(
            PlannedAnnounce planned, AnnounceTemplate template, TrackerClientCache clients, SemaphoreSlim throttle, CancellationToken cancellationToken)
        {
            AnnounceRequest request = CreateRequest(planned, template);
            AnnounceOutcome outcome;
            try
            {
                ITrackerClient client = clients.Get(request.Tracker);
                AnnounceResponse response = await ThrottledTrackerRequest.SendAsync(
                    request.Tracker,
                    throttle,
                    _options.Timeout,
                    () => OnSending?.Invoke(request),
                    token => client.AnnounceAsync(request, token),
                    cancellationToken).ConfigureAwait(false);
                if (response.TrackerId is not null)
                {
                    _session.SetTrackerId(request.Tracker, response.TrackerId);
                }

                outcome = new AnnounceOutcome(request, planned.TierIndex, planned.TrackerIndex, response, null);
            }
            catch (TrackerException error)
            {
                outcome = new AnnounceOutcome(request, planned.TierIndex, planned.TrackerIndex, null, error);
            }

            OnCompleted?.Invoke(outcome);
            return outcome;
        }

        private AnnounceRequest CreateRequest(PlannedAnnounce planned, AnnounceTemplate template) => new AnnounceRequest
        {
            Tracker = planned.Tracker,
            InfoHash = planned.InfoHash,
            PeerId = template.PeerId ?? _session.PeerId,
            Port = template.Port,
            Uploaded = template.Uploaded,
            Downloaded = template.Downloaded,
            Left = template.Left,
            Event = template.Event,

            // BEP 3 lets a leaving client ask for nothing; no tracker should spend a peer list on it.
            NumWant = template.Event == TrackerEvent.Stopped ? 0 : template.NumWant,
            Key = template.Key ?? _session.GetKey(planned.InfoHash),
            TrackerId = template.TrackerId ?? _session.GetTrackerId(planned.Tracker),
            IPAddress = template.IPAddress,
            Compact = template.Compact,
        };

        private sealed class PlannedAnnounce
        {
            public PlannedAnnounce(Uri tracker, InfoHash infoHash, int tierIndex, int trackerIndex)
            {
                Tracker = tracker;
                InfoHash = infoHash;
                TierIndex = tierIndex;
                TrackerIndex = trackerIndex;
            }

            public Uri Tracker { get; }

            public InfoHash InfoHash { get; }

            public int TierIndex { get; }

            public int TrackerIndex { get; }
        }
    }
}
