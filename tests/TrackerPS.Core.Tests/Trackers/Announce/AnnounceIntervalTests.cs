using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using TrackerPS.Core.Trackers;
using Xunit;
using static TrackerPS.Core.Tests.Trackers.Announce.AnnounceTestData;

namespace TrackerPS.Core.Tests.Trackers.Announce
{
    /// <summary>Interval etiquette: BEP 3 <c>min interval</c> and BEP 31 <c>retry in</c>, on a fake clock.</summary>
    public sealed class AnnounceIntervalTests
    {
        private static readonly Uri s_tracker = new Uri("http://127.0.0.1:7000/announce");
        private static readonly TimeSpan s_minInterval = TimeSpan.FromMinutes(5);

        private readonly FakeClock _clock = new FakeClock();
        private readonly TrackerSession _session;

        public AnnounceIntervalTests()
        {
            _session = new TrackerSession(_clock.GetNow);
        }

        [Fact]
        public async Task AnnounceWithinMinIntervalIsSkippedUntilItPasses()
        {
            FakeTrackerClient client = AnsweringWith(minInterval: s_minInterval);
            await AnnounceAsync(client, new AnnounceTemplate());

            _clock.Advance(s_minInterval - TimeSpan.FromSeconds(1));
            AnnounceOutcome skipped = Assert.Single(await AnnounceAsync(client, new AnnounceTemplate()));

            Assert.Equal(AnnounceOutcomeKind.Skipped, skipped.Kind);
            Assert.Null(skipped.Response);
            Assert.Null(skipped.Error);
            Assert.Equal(_clock.Now + TimeSpan.FromSeconds(1), skipped.NotBefore);
            Assert.Equal(V1, skipped.Request.InfoHash);
            Assert.Single(client.Requests);

            _clock.Advance(TimeSpan.FromSeconds(1));
            AnnounceOutcome answered = Assert.Single(await AnnounceAsync(client, new AnnounceTemplate()));

            Assert.Equal(AnnounceOutcomeKind.Answered, answered.Kind);
            Assert.Equal(2, client.Requests.Count);
        }

        [Fact]
        public async Task ForceAnnouncesWithinMinInterval()
        {
            FakeTrackerClient client = AnsweringWith(minInterval: s_minInterval);
            await AnnounceAsync(client, new AnnounceTemplate());

            AnnounceOutcome outcome = Assert.Single(await AnnounceAsync(client, new AnnounceTemplate { Force = true }));

            Assert.Equal(AnnounceOutcomeKind.Answered, outcome.Kind);
            Assert.Equal(2, client.Requests.Count);
        }

        [Fact]
        public async Task StoppedIsNeverSkippedAndForgetsTheInterval()
        {
            FakeTrackerClient client = AnsweringWith(minInterval: s_minInterval);
            await AnnounceAsync(client, new AnnounceTemplate());

            AnnounceOutcome stopped = Assert.Single(await AnnounceAsync(client, new AnnounceTemplate { Event = TrackerEvent.Stopped }));

            Assert.Equal(AnnounceOutcomeKind.Answered, stopped.Kind);
            Assert.Null(_session.GetNextAnnounceTime(s_tracker, V1));
            Assert.Equal(AnnounceOutcomeKind.Answered, Assert.Single(await AnnounceAsync(client, new AnnounceTemplate { Event = TrackerEvent.Started })).Kind);
        }

        [Fact]
        public async Task NoMinIntervalMeansNoWait()
        {
            FakeTrackerClient client = AnsweringWith(minInterval: null);
            await AnnounceAsync(client, new AnnounceTemplate());

            Assert.Null(_session.GetNextAnnounceTime(s_tracker, V1));
            Assert.Equal(AnnounceOutcomeKind.Answered, Assert.Single(await AnnounceAsync(client, new AnnounceTemplate())).Kind);
        }

        [Fact]
        public async Task RetryInFromAFailureIsHonoured()
        {
            var client = new FakeTrackerClient((request, _) => throw Refused(request, TimeSpan.FromMinutes(10)));
            AnnounceOutcome failed = Assert.Single(await AnnounceAsync(client, new AnnounceTemplate()));

            Assert.Equal(AnnounceOutcomeKind.Failed, failed.Kind);
            Assert.Equal(_clock.Now + TimeSpan.FromMinutes(10), _session.GetNextAnnounceTime(s_tracker, V1));
            _clock.Advance(TimeSpan.FromMinutes(9));
            Assert.Equal(AnnounceOutcomeKind.Skipped, Assert.Single(await AnnounceAsync(client, new AnnounceTemplate())).Kind);
        }

        [Fact]
        public async Task RetryInNeverSkipsForever()
        {
            var client = new FakeTrackerClient((request, _) => throw Refused(request, TimeSpan.MaxValue));
            await AnnounceAsync(client, new AnnounceTemplate());

            _clock.Advance(TimeSpan.FromDays(3650));

            AnnounceOutcome skipped = Assert.Single(await AnnounceAsync(client, new AnnounceTemplate()));
            Assert.Equal(DateTimeOffset.MaxValue, skipped.NotBefore);
        }

        [Fact]
        public async Task FailureWithoutRetryInKeepsTheLastAnswersInterval()
        {
            bool fail = false;
            var client = new FakeTrackerClient((request, _) => fail
                ? throw new TrackerException(request.Tracker, TrackerErrorKind.Timeout, "timeout")
                : Task.FromResult(Response(request, s_minInterval)));
            await AnnounceAsync(client, new AnnounceTemplate());
            DateTimeOffset? notBefore = _session.GetNextAnnounceTime(s_tracker, V1);
            fail = true;
            _clock.Advance(TimeSpan.FromMinutes(1));

            await AnnounceAsync(client, new AnnounceTemplate { Force = true });

            Assert.Equal(notBefore, _session.GetNextAnnounceTime(s_tracker, V1));
            Assert.Equal(notBefore - s_minInterval, _session.Schedule.LastAnnounce(s_tracker, V1, _session.PeerId));
        }

        [Fact]
        public async Task IntervalIsKeptPerTrackerAndInfoHash()
        {
            FakeTrackerClient client = AnsweringWith(minInterval: s_minInterval);
            await AnnounceAsync(client, new AnnounceTemplate());

            var other = new Uri("http://127.0.0.1:7001/announce");
            IReadOnlyList<AnnounceOutcome> outcomes = await Announcer(client, _session).AnnounceAsync(
                new AnnounceTarget(new[] { V1, V2 }), TorrentAnnouncer.OneTierEach(new[] { s_tracker, other }), new AnnounceTemplate(), CancellationToken.None);

            Assert.Equal(
                new[] { AnnounceOutcomeKind.Skipped, AnnounceOutcomeKind.Answered, AnnounceOutcomeKind.Answered, AnnounceOutcomeKind.Answered },
                new[] { outcomes[0].Kind, outcomes[1].Kind, outcomes[2].Kind, outcomes[3].Kind });
        }

        [Fact]
        public async Task AnotherPeerIdIsAnotherClientWithItsOwnInterval()
        {
            FakeTrackerClient client = AnsweringWith(minInterval: s_minInterval);
            await AnnounceAsync(client, new AnnounceTemplate());

            byte[] otherPeerId = new byte[20];
            AnnounceOutcome other = Assert.Single(await AnnounceAsync(client, new AnnounceTemplate { PeerId = otherPeerId }));
            AnnounceOutcome same = Assert.Single(await AnnounceAsync(client, new AnnounceTemplate { PeerId = _session.PeerId }));

            Assert.Equal(AnnounceOutcomeKind.Answered, other.Kind);
            Assert.Equal(AnnounceOutcomeKind.Skipped, same.Kind);
        }

        private static TrackerException Refused(AnnounceRequest request, TimeSpan retryIn) =>
            new TrackerException(request.Tracker, TrackerErrorKind.FailureReason, "go away") { FailureReason = "go away", RetryIn = retryIn };

        private static FakeTrackerClient AnsweringWith(TimeSpan? minInterval) =>
            new FakeTrackerClient((request, _) => Task.FromResult(Response(request, minInterval)));

        private static AnnounceResponse Response(AnnounceRequest request, TimeSpan? minInterval) => new AnnounceResponse
        {
            Tracker = request.Tracker,
            InfoHash = request.InfoHash.ToHex(),
            Interval = TimeSpan.FromMinutes(30),
            MinInterval = minInterval,
        };

        private Task<IReadOnlyList<AnnounceOutcome>> AnnounceAsync(FakeTrackerClient client, AnnounceTemplate template) =>
            Announcer(client, _session).AnnounceAsync(V1Target, TorrentAnnouncer.OneTierEach(new[] { s_tracker }), template, CancellationToken.None);
    }
}
