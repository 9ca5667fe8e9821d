using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using TrackerPS.Core.Trackers;
using Xunit;
using static TrackerPS.Core.Tests.Trackers.Announce.AnnounceTestData;

namespace TrackerPS.Core.Tests.Trackers.Announce
{
    /// <summary>Repeating announces on a fake clock: intervals, back-off, and the final stopped.</summary>
    public sealed class AnnounceRepeaterTests
    {
        private readonly FakeClock _clock = new FakeClock();
        private readonly List<TimeSpan> _delays = new List<TimeSpan>();
        private readonly CancellationTokenSource _cancel = new CancellationTokenSource();

        [Fact]
        public async Task AnnouncesAtTheIntervalWithoutEventThenSendsStoppedWhenCancelled()
        {
            FakeTrackerClient client = FakeTrackerClient.AnsweringOnePeer(); // interval 30 min

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => RunAsync(client, rounds: 3, SingleTrackerTiers(2)));

            // Three repeated rounds; the fourth wait is cancelled.
            Assert.Equal(Enumerable.Repeat(TimeSpan.FromMinutes(30), 4), _delays);
            TrackerEvent[] events = client.Requests.Select(r => r.Event).ToArray();
            Assert.Equal(2 * 4 + 2, events.Length);
            Assert.Equal(new[] { TrackerEvent.Started, TrackerEvent.Started }, events.Take(2));
            Assert.All(events.Skip(2).Take(6), e => Assert.Equal(TrackerEvent.None, e));
            Assert.Equal(new[] { TrackerEvent.Stopped, TrackerEvent.Stopped }, events.Skip(8));
            Assert.Equal(2, client.Requests.Skip(8).Select(r => r.Tracker).Distinct().Count());
        }

        [Fact]
        public async Task FailuresBackOffExponentiallyUpToThirtyMinutes()
        {
            var client = new FakeTrackerClient((request, _) => request.Event == TrackerEvent.Stopped
                ? Task.FromResult(FakeTrackerClient.ResponseWithOnePeer(request))
                : throw new TrackerException(request.Tracker, TrackerErrorKind.ConnectionFailed, "refused"));

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => RunAsync(client, rounds: 10, SingleTrackerTiers(1)));

            Assert.Equal(new[] { 15, 30, 60, 120, 240, 480, 960, 1800, 1800, 1800, 1800 }, _delays.Select(d => (int)d.TotalSeconds));
            Assert.Equal(TrackerEvent.Stopped, client.Requests.Last().Event);
        }

        [Fact]
        public async Task RetryInNeverEndsTheRepeatAndStillSendsStopped()
        {
            var client = new FakeTrackerClient((request, _) => request.Event == TrackerEvent.Stopped
                ? Task.FromResult(FakeTrackerClient.ResponseWithOnePeer(request))
                : throw new TrackerException(request.Tracker, TrackerErrorKind.FailureReason, "banned") { RetryIn = TimeSpan.MaxValue });

            await RunAsync(client, rounds: 5, SingleTrackerTiers(1));

            Assert.Empty(_delays);
            Assert.Equal(new[] { TrackerEvent.Started, TrackerEvent.Stopped }, client.Requests.Select(r => r.Event));
        }

        [Fact]
        public async Task OnlyDueTrackersAreAskedEachRound()
        {
            // Port 7000 answers with a 10-minute interval, port 7001 with 30: 7001 is asked on every third round only.
            var client = new FakeTrackerClient((request, _) =>
            {
                AnnounceResponse response = FakeTrackerClient.ResponseWithOnePeer(request);
                return Task.FromResult(new AnnounceResponse
                {
                    Tracker = response.Tracker,
                    InfoHash = response.InfoHash,
                    Interval = TimeSpan.FromMinutes(request.Tracker.Port == 7000 ? 10 : 30),
                });
            });

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => RunAsync(client, rounds: 3, SingleTrackerTiers(2)));

            AnnounceRequest[] regular = client.Requests.Where(r => r.Event == TrackerEvent.None).ToArray();
            Assert.Equal(3, regular.Count(r => r.Tracker.Port == 7000));
            Assert.Equal(1, regular.Count(r => r.Tracker.Port == 7001));
        }

        [Theory]
        [InlineData(1, 15)]
        [InlineData(2, 30)]
        [InlineData(8, 1800)]
        [InlineData(1000, 1800)]
        public void BackoffDoublesAndIsCapped(int failures, int seconds)
        {
            var outcome = new AnnounceOutcome(new AnnounceRequest { Tracker = new Uri("udp://127.0.0.1:1") }, 0, 0, null,
                new TrackerException(new Uri("udp://127.0.0.1:1"), TrackerErrorKind.Timeout, "timeout"));

            Assert.Equal(TimeSpan.FromSeconds(seconds), RepeatSchedule.Wait(outcome, failures, _clock.Now));
        }

        [Fact]
        public void AnswerWaitsTheLongerOfIntervalAndMinIntervalButAtLeastAMinute()
        {
            AnnounceOutcome Answered(TimeSpan interval, TimeSpan? min) => new AnnounceOutcome(
                new AnnounceRequest(), 0, 0, new AnnounceResponse { Interval = interval, MinInterval = min }, null);

            Assert.Equal(TimeSpan.FromMinutes(20), RepeatSchedule.Wait(Answered(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(20)), 0, _clock.Now));
            Assert.Equal(TimeSpan.FromMinutes(10), RepeatSchedule.Wait(Answered(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(5)), 0, _clock.Now));
            Assert.Equal(RepeatSchedule.MinimumInterval, RepeatSchedule.Wait(Answered(TimeSpan.Zero, null), 0, _clock.Now));
        }

        [Fact]
        public void NewPeerFilterLetsEachAddressPortAndHashThroughOnce()
        {
            var filter = new NewPeerFilter();
            Peer Make(string address, int port, string hash) => new Peer { IPAddress = IPAddress.Parse(address).ToString(), Port = port, InfoHash = hash };

            Assert.True(filter.IsNew(Make("10.0.0.1", 1, "a")));
            Assert.False(filter.IsNew(Make("10.0.0.1", 1, "a")));
            Assert.True(filter.IsNew(Make("10.0.0.1", 2, "a")));
            Assert.True(filter.IsNew(Make("10.0.0.1", 1, "b")));
            Assert.True(filter.IsNew(Make("10.0.0.2", 1, "a")));
        }

        private Task RunAsync(FakeTrackerClient client, int rounds, IReadOnlyList<IReadOnlyList<Uri>> tiers)
        {
            var session = new TrackerSession(_clock.GetNow);
            var repeater = new AnnounceRepeater(Announcer(client, session), Announcer(client, session), _clock.GetNow, (wait, token) =>
            {
                _delays.Add(wait);
                _clock.Advance(wait);
                if (_delays.Count > rounds)
                {
                    _cancel.Cancel();
                }

                token.ThrowIfCancellationRequested();
                return Task.CompletedTask;
            });
            return repeater.RunAsync(V1Target, tiers, new AnnounceTemplate { Event = TrackerEvent.Started }, _cancel.Token);
        }
    }
}
