using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TrackerPS.Core.Metainfo;
using TrackerPS.Core.Threading;

namespace TrackerPS.Core.Trackers
{
    /// <summary>
    /// Announces one torrent to its BEP 12 tiers. With <see cref="TierMode.All"/> (the default) every tracker of every tier
    /// is asked at once (at most <see cref="ThrottleLimit"/> requests in flight), so one dead tracker costs its own timeout
    /// rather than the sum of all: the point is to see what each one says. With <see cref="TierMode.FirstSuccess"/> it
    /// behaves like a downloading client and stops at the first tracker that answers. Announces whose <c>min interval</c>
    /// or <c>retry in</c> has not passed are skipped unless <see cref="AnnounceTemplate.Force"/> is set.
    /// </summary>
    public sealed class TorrentAnnouncer
    {
        /// <summary>
        /// Default <see cref="ThrottleLimit"/>: 64 requests in flight. Large enough for every tracker of a typical public
        /// torrent (tens of trackers, many of them dead) to be asked at once, so that dead trackers cost one timeout
        /// between them rather than one per wave; a request waiting on a silent tracker costs only a socket and a timer.
        /// </summary>
        public const int DefaultThrottleLimit = 64;

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

        /// <summary>How the tiers are walked; <see cref="TierMode.All"/> by default.</summary>
        public TierMode TierMode { get; init; }

        /// <summary>Called, from any thread, as each request is sent (after it got a throttle slot). Must be thread-safe and quick.</summary>
        public Action<AnnounceRequest>? OnSending { get; init; }

        /// <summary>Called, from any thread, with each outcome as it completes. Must be thread-safe and quick.</summary>
        public Action<AnnounceOutcome>? OnCompleted { get; init; }

        /// <summary>Treats a flat tracker list as one tier per tracker (BEP 12 order = list order).</summary>
        /// <param name="trackers">The trackers.</param>
        /// <returns>One single-tracker tier per tracker.</returns>
        public static IReadOnlyList<IReadOnlyList<Uri>> OneTierEach(IEnumerable<Uri> trackers) =>
            trackers.Select(t => (IReadOnlyList<Uri>)new[] { t }).ToArray();

        /// <summary>
        /// How many outcomes <see cref="AnnounceAsync"/> reports at most for these inputs (trackers × info-hashes, duplicates
        /// once): exactly that many with <see cref="TierMode.All"/>, fewer when <see cref="TierMode.FirstSuccess"/> stops early.
        /// </summary>
        /// <param name="target">The info-hashes.</param>
        /// <param name="tiers">The BEP 12 tiers.</param>
        /// <returns>The number of requests.</returns>
        public static int CountRequests(AnnounceTarget target, IReadOnlyList<IReadOnlyList<Uri>> tiers) =>
            (target ?? throw new ArgumentNullException(nameof(target))).InfoHashes.Count * PlanTiers(tiers).Sum(t => t.Count);

        /// <summary>
        /// Announces every info-hash of <paramref name="target"/> as <see cref="TierMode"/> says. A tracker listed twice is
        /// asked once, at its first position. Each outcome goes to <see cref="OnCompleted"/> as it completes; failures and
        /// skips are outcomes, not exceptions.
        /// </summary>
        /// <param name="target">The info-hashes.</param>
        /// <param name="tiers">The BEP 12 tiers (<c>announce-list</c>); null entries are skipped.</param>
        /// <param name="template">The fields shared by every request.</param>
        /// <param name="cancellationToken">Cancels every outstanding request at once.</param>
        /// <returns>
        /// <see cref="TierMode.All"/>: every outcome in tier order, then tracker order, then info-hash order.
        /// <see cref="TierMode.FirstSuccess"/>: per info-hash (in order), the outcomes in the order the trackers were tried.
        /// </returns>
        /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
        public async Task<IReadOnlyList<AnnounceOutcome>> AnnounceAsync(
            AnnounceTarget target, IReadOnlyList<IReadOnlyList<Uri>> tiers, AnnounceTemplate template, CancellationToken cancellationToken)
        {
            if (template is null)
            {
                throw new ArgumentNullException(nameof(template));
            }

            if (target is null)
            {
                throw new ArgumentNullException(nameof(target));
            }

            IReadOnlyList<IReadOnlyList<PlannedAnnounce>> plan = PlanTiers(tiers);
            var throttle = new HandoverThrottle(ThrottleLimit);
            using var clients = new TrackerClientCache(_factory, _options);
            Func<PlannedAnnounce, InfoHash, Task<AnnounceOutcome>> announce =
                (planned, hash) => AnnounceOneAsync(planned, hash, template, clients, throttle, cancellationToken);
            if (TierMode == TierMode.FirstSuccess)
            {
                IReadOnlyList<AnnounceOutcome>[] walks =
                    await Task.WhenAll(target.InfoHashes.Select(hash => WalkTiersAsync(plan, hash, announce))).ConfigureAwait(false);
                return walks.SelectMany(w => w).ToArray();
            }

            Task<AnnounceOutcome>[] announces = plan.SelectMany(tier => tier)
                .SelectMany(planned => target.InfoHashes.Select(hash => announce(planned, hash)))
                .ToArray();
            return await Task.WhenAll(announces).ConfigureAwait(false);
        }

        // The tiers with null entries and repeated trackers (kept at their first position) removed.
        private static IReadOnlyList<IReadOnlyList<PlannedAnnounce>> PlanTiers(IReadOnlyList<IReadOnlyList<Uri>> tiers)
        {
            if (tiers is null)
            {
                throw new ArgumentNullException(nameof(tiers));
            }

            var seen = new HashSet<Uri>(SeededComparer.Uri);
            var plan = new List<IReadOnlyList<PlannedAnnounce>>();
            for (int tier = 0; tier < tiers.Count; tier++)
            {
                IReadOnlyList<Uri> trackers = tiers[tier] ?? new Uri[0];
                var planned = new List<PlannedAnnounce>();
                for (int index = 0; index < trackers.Count; index++)
                {
                    Uri tracker = trackers[index];
                    if (tracker is not null && seen.Add(tracker))
                    {
                        planned.Add(new PlannedAnnounce(tracker, tier, index));
                    }
                }

                plan.Add(planned);
            }

            return plan;
        }

        // BEP 12 §order of processing: tiers in order, each tier's trackers in the session's order, until one answers.
        // A skipped tracker was told recently (its interval has not passed), so it counts as reached too.
        private async Task<IReadOnlyList<AnnounceOutcome>> WalkTiersAsync(
            IReadOnlyList<IReadOnlyList<PlannedAnnounce>> plan, InfoHash hash, Func<PlannedAnnounce, InfoHash, Task<AnnounceOutcome>> announce)
        {
            var outcomes = new List<AnnounceOutcome>();
            foreach (IReadOnlyList<PlannedAnnounce> tier in plan.Where(t => t.Count > 0))
            {
                Uri[] trackers = tier.Select(p => p.Tracker).ToArray();
                foreach (Uri tracker in _session.TierOrder.Get(trackers))
                {
                    AnnounceOutcome outcome = await announce(tier.First(p => p.Tracker == tracker), hash).ConfigureAwait(false);
                    outcomes.Add(outcome);
                    if (outcome.Kind == AnnounceOutcomeKind.Answered)
                    {
                        _session.TierOrder.Promote(trackers, tracker);
                    }

                    if (outcome.Kind != AnnounceOutcomeKind.Failed)
                    {
                        return outcomes;
                    }
                }
            }

            return outcomes;
        }

        private async Task<AnnounceOutcome> AnnounceOneAsync(
            PlannedAnnounce planned,
            InfoHash hash,
            AnnounceTemplate template,
            TrackerClientCache clients,
            HandoverThrottle throttle,
            CancellationToken cancellationToken)
        {
            AnnounceRequest request = CreateRequest(planned.Tracker, hash, template);
            AnnounceOutcome outcome;

            // BEP 3 gives the stopped event no interval to honour: a client must always be able to leave.
            DateTimeOffset? notBefore = template.Force || request.Event == TrackerEvent.Stopped
                ? null
                : _session.Schedule.NotBefore(request.Tracker, request.InfoHash, request.PeerId);
            if (notBefore is not null)
            {
                outcome = new AnnounceOutcome(request, planned.TierIndex, planned.TrackerIndex, null, null, notBefore);
                OnCompleted?.Invoke(outcome);
                return outcome;
            }

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

                _session.Schedule.Answered(request, response);
                outcome = new AnnounceOutcome(request, planned.TierIndex, planned.TrackerIndex, response, null);
            }
            catch (TrackerException error)
            {
                _session.Schedule.Failed(request, error);
                outcome = new AnnounceOutcome(request, planned.TierIndex, planned.TrackerIndex, null, error);
            }

            OnCompleted?.Invoke(outcome);
            return outcome;
        }

        private AnnounceRequest CreateRequest(Uri tracker, InfoHash hash, AnnounceTemplate template) => new AnnounceRequest
        {
            Tracker = tracker,
            InfoHash = hash,
            PeerId = template.PeerId ?? _session.PeerId,
            Port = template.Port,
            Uploaded = template.Uploaded,
            Downloaded = template.Downloaded,
            Left = template.Left,
            Event = template.Event,

            // BEP 3 lets a leaving client ask for nothing; no tracker should spend a peer list on it.
            NumWant = template.Event == TrackerEvent.Stopped ? 0 : template.NumWant,
            Key = template.Key ?? _session.GetKey(hash),
            TrackerId = template.TrackerId ?? _session.GetTrackerId(tracker),
            IPAddress = template.IPAddress,
            Compact = template.Compact,
        };

        private sealed class PlannedAnnounce
        {
            public PlannedAnnounce(Uri tracker, int tierIndex, int trackerIndex)
            {
                Tracker = tracker;
                TierIndex = tierIndex;
                TrackerIndex = trackerIndex;
            }

            public Uri Tracker { get; }

            public int TierIndex { get; }

            public int TrackerIndex { get; }
        }
    }
}
