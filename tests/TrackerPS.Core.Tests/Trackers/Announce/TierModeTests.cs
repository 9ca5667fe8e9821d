using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TrackerPS.Core.Trackers;
using Xunit;
using static TrackerPS.Core.Tests.Trackers.Announce.AnnounceTestData;

namespace TrackerPS.Core.Tests.Trackers.Announce
{
    /// <summary>BEP 12 tier processing with <see cref="TierMode.FirstSuccess"/>.</summary>
    public sealed class TierModeTests
    {
        private static readonly Uri[] s_tier0 = Trackers("a", "b", "c");
        private static readonly Uri[] s_tier1 = Trackers("d", "e");
        private static readonly IReadOnlyList<IReadOnlyList<Uri>> s_tiers = new[] { s_tier0, s_tier1 };

        [Fact]
        public async Task StopsAtTheFirstTrackerThatAnswers()
        {
            FakeTrackerClient client = FakeTrackerClient.AnsweringOnePeer();

            IReadOnlyList<AnnounceOutcome> outcomes = await FirstSuccess(client, new TrackerSession()).AnnounceAsync(
                V1Target, s_tiers, new AnnounceTemplate(), CancellationToken.None);

            AnnounceOutcome outcome = Assert.Single(outcomes);
            Assert.Equal(0, outcome.TierIndex);
            Assert.Contains(outcome.Tracker, s_tier0);
            Assert.Equal(Array.IndexOf(s_tier0, outcome.Tracker), outcome.TrackerIndex);
        }

        [Fact]
        public async Task TriesEveryTrackerOfATierThenTheNextTier()
        {
            var client = new FakeTrackerClient((request, _) => request.Tracker.Host == "e.example"
                ? Task.FromResult(FakeTrackerClient.ResponseWithOnePeer(request))
                : throw new TrackerException(request.Tracker, TrackerErrorKind.ConnectionFailed, "refused"));

            IReadOnlyList<AnnounceOutcome> outcomes = await FirstSuccess(client, new TrackerSession()).AnnounceAsync(
                V1Target, s_tiers, new AnnounceTemplate(), CancellationToken.None);

            Assert.Equal(new[] { 0, 0, 0 }, outcomes.Take(3).Select(o => o.TierIndex));
            Assert.Equal(s_tier0.OrderBy(t => t.Host), outcomes.Take(3).Select(o => o.Tracker).OrderBy(t => t.Host));
            Assert.Equal("e.example", outcomes.Last().Tracker.Host);
            Assert.Equal(AnnounceOutcomeKind.Answered, outcomes.Last().Kind);
            Assert.True(outcomes.Count is 4 or 5);
            Assert.All(outcomes.Take(outcomes.Count - 1), o => Assert.Equal(AnnounceOutcomeKind.Failed, o.Kind));
        }

        [Fact]
        public async Task AnsweringTrackerMovesToTheFrontOfItsTierForTheSession()
        {
            // Only c answers; after the first run c is asked first, and then alone.
            var client = new FakeTrackerClient((request, _) => request.Tracker.Host == "c.example"
                ? Task.FromResult(FakeTrackerClient.ResponseWithOnePeer(request))
                : throw new TrackerException(request.Tracker, TrackerErrorKind.ConnectionFailed, "refused"));
            var session = new TrackerSession();
            var template = new AnnounceTemplate { Force = true };
            await FirstSuccess(client, session).AnnounceAsync(V1Target, s_tiers, template, CancellationToken.None);

            IReadOnlyList<AnnounceOutcome> second = await FirstSuccess(client, session).AnnounceAsync(V1Target, s_tiers, template, CancellationToken.None);

            Assert.Equal("c.example", Assert.Single(second).Tracker.Host);
            Assert.Equal(s_tier0[2], session.TierOrder.Get(s_tier0.Reverse().ToArray())[0]);
        }

        [Fact]
        public async Task SkippedTrackerEndsTheWalk()
        {
            var client = new FakeTrackerClient((request, _) => Task.FromResult(new AnnounceResponse
            {
                Tracker = request.Tracker,
                InfoHash = request.InfoHash.ToHex(),
                MinInterval = TimeSpan.FromMinutes(5),
            }));
            var session = new TrackerSession(new FakeClock().GetNow);
            await FirstSuccess(client, session).AnnounceAsync(V1Target, s_tiers, new AnnounceTemplate(), CancellationToken.None);

            IReadOnlyList<AnnounceOutcome> second = await FirstSuccess(client, session).AnnounceAsync(V1Target, s_tiers, new AnnounceTemplate(), CancellationToken.None);

            Assert.Equal(AnnounceOutcomeKind.Skipped, Assert.Single(second).Kind);
            Assert.Single(client.Requests);
        }

        [Fact]
        public async Task EachInfoHashWalksTheTiers()
        {
            FakeTrackerClient client = FakeTrackerClient.AnsweringOnePeer();

            IReadOnlyList<AnnounceOutcome> outcomes = await FirstSuccess(client, new TrackerSession()).AnnounceAsync(
                new AnnounceTarget(new[] { V1, V2 }), s_tiers, new AnnounceTemplate(), CancellationToken.None);

            Assert.Equal(new[] { V1, V2.Truncated }, outcomes.Select(o => o.Request.InfoHash));
            Assert.Equal(outcomes[0].Tracker, outcomes[1].Tracker);
        }

        [Fact]
        public async Task AllModeStillAsksEveryTracker()
        {
            FakeTrackerClient client = FakeTrackerClient.AnsweringOnePeer();

            IReadOnlyList<AnnounceOutcome> outcomes = await Announcer(client).AnnounceAsync(V1Target, s_tiers, new AnnounceTemplate(), CancellationToken.None);

            Assert.Equal(s_tier0.Concat(s_tier1), outcomes.Select(o => o.Tracker));
        }

        [Fact]
        public void FirstSightOfATierShufflesIt()
        {
            // 8 trackers: the chance that 20 fresh sessions all keep the given order is (1/8!)^20.
            Uri[] tier = Trackers("a", "b", "c", "d", "e", "f", "g", "h");

            bool anyShuffled = Enumerable.Range(0, 20).Any(_ => !new TrackerSession().TierOrder.Get(tier).SequenceEqual(tier));

            Assert.True(anyShuffled);
            Assert.Equal(tier.OrderBy(t => t.Host), new TrackerSession().TierOrder.Get(tier).OrderBy(t => t.Host));
        }

        [Fact]
        public void TierOrderIsStableWithinASessionAndKeyedByTheTrackerSet()
        {
            var session = new TrackerSession();
            Uri[] tier = Trackers("a", "b", "c", "d");
            IReadOnlyList<Uri> first = session.TierOrder.Get(tier);

            Assert.Equal(first, session.TierOrder.Get(tier.Reverse().ToArray()));
            session.TierOrder.Promote(tier, first[3]);
            Assert.Equal(new[] { first[3], first[0], first[1], first[2] }, session.TierOrder.Get(tier));
        }

        [Fact]
        public void CombineAddsTrackersAsTiersUnlessPrivate()
        {
            IReadOnlyList<IReadOnlyList<Uri>> own = new[] { s_tier0 };
            Uri[] extra = Trackers("x");

            Assert.Equal(new[] { s_tier0, extra }, AnnounceTiers.Combine(own, extra, isPrivate: false));
            Assert.Same(own, AnnounceTiers.Combine(own, extra, isPrivate: true));
            Assert.Same(own, AnnounceTiers.Combine(own, null, isPrivate: false));
        }

        private static TorrentAnnouncer FirstSuccess(ITrackerClient client, TrackerSession session) =>
            new TorrentAnnouncer(FactoryFor(client), session, new TrackerClientOptions()) { TierMode = TierMode.FirstSuccess };

        private static Uri[] Trackers(params string[] hosts) => hosts.Select(h => new Uri($"http://{h}.example/announce")).ToArray();
    }
}
