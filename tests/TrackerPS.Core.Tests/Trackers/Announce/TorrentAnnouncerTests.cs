using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TrackerPS.Core.Metainfo;
using TrackerPS.Core.Trackers;
using Xunit;
using static TrackerPS.Core.Tests.Trackers.Announce.AnnounceTestData;

namespace TrackerPS.Core.Tests.Trackers.Announce
{
    public sealed class TorrentAnnouncerTests
    {
        private static readonly AnnounceTemplate s_template = new AnnounceTemplate();

        [Fact]
        public async Task HybridTorrentAnnouncesBothHashesAndMergesPeers()
        {
            FakeTrackerClient client = FakeTrackerClient.AnsweringOnePeer();
            var target = new AnnounceTarget(new[] { V1, V2 });

            IReadOnlyList<AnnounceOutcome> outcomes = await Announcer(client).AnnounceAsync(target, SingleTrackerTiers(2), s_template, CancellationToken.None);

            Assert.Equal(4, outcomes.Count);
            Assert.Equal(
                new[] { V1, V2.Truncated, V1, V2.Truncated },
                outcomes.Select(o => o.Request.InfoHash));
            Peer[] peers = outcomes.SelectMany(o => o.Response!.Peers).ToArray();
            Assert.Equal(2, peers.Count(p => p.InfoHash == V1.ToHex()));
            Assert.Equal(2, peers.Count(p => p.InfoHash == V2.Truncated.ToHex()));
        }

        [Fact]
        public async Task V2OnlyTorrentAnnouncesTheTruncatedHash()
        {
            FakeTrackerClient client = FakeTrackerClient.AnsweringOnePeer();

            await Announcer(client).AnnounceAsync(new AnnounceTarget(new[] { V2 }), SingleTrackerTiers(1), s_template, CancellationToken.None);

            AnnounceRequest request = Assert.Single(client.Requests);
            Assert.Equal(20, request.InfoHash.Length);
            Assert.Equal(V2.ToArray().Take(20), request.InfoHash.ToArray());
        }

        [Fact]
        public async Task DeadTrackersEachCostTheirOwnTimeoutConcurrently()
        {
            // 50 trackers of which 40 never answer, at the default throttle: the "many trackers" case.
            var client = new FakeTrackerClient((request, token) => (request.Tracker.Port - 7000) % 5 == 3
                ? Task.FromResult(FakeTrackerClient.ResponseWithOnePeer(request))
                : new TaskCompletionSource<AnnounceResponse>().Task.WaitAsync(token));
            var reported = new ConcurrentQueue<AnnounceOutcome>();
            var announcer = new TorrentAnnouncer(FactoryFor(client), new TrackerSession(), new TrackerClientOptions { Timeout = TimeSpan.FromMilliseconds(300) })
            {
                OnCompleted = reported.Enqueue,
            };

            IReadOnlyList<AnnounceOutcome> outcomes = await announcer.AnnounceAsync(V1Target, SingleTrackerTiers(50), s_template, CancellationToken.None);

            Assert.Equal(50, outcomes.Count);
            Assert.Equal(50, reported.Count);
            Assert.Equal(10, outcomes.Count(o => o.Response is not null));
            Assert.All(outcomes.Where(o => o.Response is null), o => Assert.Equal(TrackerErrorKind.Timeout, o.Error!.Kind));
            Assert.Contains("127.0.0.1:7000", outcomes[0].Error!.Message);

            // The 40 dead ones were in flight together (the live ones answer at once): they waited out one timeout
            // side by side, not in waves of the throttle limit.
            Assert.Equal(40, client.MaxInFlight);
            Assert.Equal(40, client.Cancelled);
        }

        [Fact]
        public async Task ThrottleLimitCapsRequestsInFlight()
        {
            const int throttle = 3;
            var full = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            FakeTrackerClient? client = null;
            client = new FakeTrackerClient(async (request, token) =>
            {
                // Hold every request until the throttle is full, so the peak is reached for certain.
                if (client!.InFlight >= throttle)
                {
                    full.TrySetResult();
                }

                await full.Task.WaitAsync(token);
                return FakeTrackerClient.ResponseWithOnePeer(request);
            });

            IReadOnlyList<AnnounceOutcome> outcomes =
                await Announcer(client, throttle: throttle).AnnounceAsync(V1Target, SingleTrackerTiers(10), s_template, CancellationToken.None);

            Assert.All(outcomes, o => Assert.NotNull(o.Response));
            Assert.Equal(throttle, client.MaxInFlight);
        }

        [Fact]
        public async Task OrderedResultKeepsTierOrderWhateverOrderTrackersAnswerIn()
        {
            var releaseFirst = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var client = new FakeTrackerClient(async (request, token) =>
            {
                if (request.Tracker.Host == "a.example")
                {
                    await releaseFirst.Task.WaitAsync(token);
                }

                return FakeTrackerClient.ResponseWithOnePeer(request);
            });
            var completionOrder = new ConcurrentQueue<string>();
            var announcer = new TorrentAnnouncer(FactoryFor(client), new TrackerSession(), new TrackerClientOptions())
            {
                OnCompleted = outcome =>
                {
                    completionOrder.Enqueue(outcome.Tracker.Host);
                    if (completionOrder.Count == 3)
                    {
                        releaseFirst.TrySetResult();
                    }
                },
            };
            Uri[][] tiers =
            {
                new[] { new Uri("http://a.example/announce"), new Uri("udp://b.example:6969") },
                new[] { new Uri("https://c.example/announce"), new Uri("http://d.example/announce") },
            };

            IReadOnlyList<AnnounceOutcome> outcomes = await announcer.AnnounceAsync(V1Target, tiers, s_template, CancellationToken.None);

            Assert.Equal("a.example", completionOrder.Last());
            Assert.Equal(new[] { "a.example", "b.example", "c.example", "d.example" }, outcomes.Select(o => o.Tracker.Host));
            Assert.Equal(new[] { (0, 0), (0, 1), (1, 0), (1, 1) }, outcomes.Select(o => (o.TierIndex, o.TrackerIndex)));
        }

        [Fact]
        public async Task TrackerListedInTwoTiersIsAskedOnceAtItsFirstPosition()
        {
            FakeTrackerClient client = FakeTrackerClient.AnsweringOnePeer();
            var a = new Uri("http://a.example/announce");
            Uri[][] tiers = { new[] { a }, new[] { new Uri("http://b.example/announce"), a } };

            IReadOnlyList<AnnounceOutcome> outcomes = await Announcer(client).AnnounceAsync(V1Target, tiers, s_template, CancellationToken.None);

            Assert.Equal(2, TorrentAnnouncer.CountRequests(V1Target, tiers));
            Assert.Equal(new[] { (0, 0), (1, 0) }, outcomes.Select(o => (o.TierIndex, o.TrackerIndex)));
        }

        [Fact]
        public async Task CancellationCancelsEveryOutstandingRequestAtOnce()
        {
            const int trackers = 5;
            var allInFlight = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            FakeTrackerClient? client = null;
            client = new FakeTrackerClient((request, token) =>
            {
                if (client!.InFlight == trackers)
                {
                    allInFlight.TrySetResult();
                }

                return new TaskCompletionSource<AnnounceResponse>().Task.WaitAsync(token);
            });
            using var cancellation = new CancellationTokenSource();

            Task<IReadOnlyList<AnnounceOutcome>> announcing = Announcer(client).AnnounceAsync(V1Target, SingleTrackerTiers(trackers), s_template, cancellation.Token);
            await allInFlight.Task;
            cancellation.Cancel();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => announcing);
            Assert.Equal(trackers, client.Cancelled);
            Assert.True(client.Disposed);
        }

        [Theory]
        [InlineData(TrackerEvent.Stopped, 0)]
        [InlineData(TrackerEvent.Started, 50)]
        [InlineData(TrackerEvent.None, 50)]
        public async Task StoppedEventAsksForNoPeers(TrackerEvent trackerEvent, int expectedNumWant)
        {
            FakeTrackerClient client = FakeTrackerClient.AnsweringOnePeer();
            var template = new AnnounceTemplate { Event = trackerEvent, NumWant = 50 };

            await Announcer(client).AnnounceAsync(V1Target, SingleTrackerTiers(1), template, CancellationToken.None);

            AnnounceRequest request = Assert.Single(client.Requests);
            Assert.Equal(expectedNumWant, request.NumWant);
            Assert.Equal(trackerEvent, request.Event);
        }

        [Theory]
        [InlineData("wss://tracker.example/announce")]
        [InlineData("ftp://tracker.example/announce")]
        public async Task UnsupportedSchemeIsAnOutcomeAndOtherTrackersStillAnswer(string tracker)
        {
            FakeTrackerClient client = FakeTrackerClient.AnsweringOnePeer();
            Uri[][] tiers = { new[] { new Uri(tracker) }, new[] { new Uri("udp://127.0.0.1:7000") } };

            IReadOnlyList<AnnounceOutcome> outcomes = await Announcer(client).AnnounceAsync(V1Target, tiers, s_template, CancellationToken.None);

            TrackerException error = outcomes[0].Error!;
            Assert.Equal(TrackerErrorKind.UnsupportedScheme, error.Kind);
            Assert.Equal(new Uri(tracker), error.Tracker);
            Assert.Contains(tracker, error.Message);
            Assert.NotNull(outcomes[1].Response);
            Assert.Single(client.Requests);
        }

        [Fact]
        public async Task TrackerIdFromAResponseIsEchoedOnTheNextAnnounce()
        {
            var session = new TrackerSession();
            var client = new FakeTrackerClient((request, _) => Task.FromResult(FakeTrackerClient.ResponseWithOnePeer(request, trackerId: "tid-" + request.Tracker.Port)));
            IReadOnlyList<IReadOnlyList<Uri>> trackers = SingleTrackerTiers(2);

            await Announcer(client, session).AnnounceAsync(V1Target, trackers, s_template, CancellationToken.None);
            IReadOnlyList<AnnounceOutcome> second = await Announcer(client, session).AnnounceAsync(V1Target, trackers, s_template, CancellationToken.None);
            IReadOnlyList<AnnounceOutcome> overridden =
                await Announcer(client, session).AnnounceAsync(V1Target, trackers, new AnnounceTemplate { TrackerId = "mine" }, CancellationToken.None);

            Assert.Equal(new[] { null, null, "tid-7000", "tid-7001", "mine", "mine" }, client.Requests.Select(r => r.TrackerId));
            Assert.Equal("tid-7001", session.GetTrackerId(second[1].Tracker));
            Assert.Equal("mine", overridden[0].Request.TrackerId);
        }

        [Fact]
        public async Task SessionPeerIdAndPerHashKeyAreSentUnlessOverridden()
        {
            var session = new TrackerSession();
            FakeTrackerClient client = FakeTrackerClient.AnsweringOnePeer();
            var target = new AnnounceTarget(new[] { V1, V2 });

            IReadOnlyList<AnnounceOutcome> outcomes = await Announcer(client, session).AnnounceAsync(target, SingleTrackerTiers(2), s_template, CancellationToken.None);
            var overrides = new AnnounceTemplate { PeerId = new byte[20], Key = 42 };
            AnnounceOutcome overridden = (await Announcer(client, session).AnnounceAsync(target, SingleTrackerTiers(1), overrides, CancellationToken.None))[0];

            Assert.All(outcomes, o => Assert.Equal(session.PeerId, o.Request.PeerId));
            Assert.All(outcomes, o => Assert.Equal(session.GetKey(o.Request.InfoHash), o.Request.Key));
            Assert.Equal(outcomes[0].Request.Key, outcomes[2].Request.Key);
            Assert.Equal(new byte[20], overridden.Request.PeerId);
            Assert.Equal(42u, overridden.Request.Key);
        }

        [Fact]
        public async Task HttpAndHttpsShareOneClientAndUdpHasItsOwn()
        {
            var created = new ConcurrentQueue<string>();
            var factory = new TrackerClientFactory(
                _ =>
                {
                    created.Enqueue("http");
                    return FakeTrackerClient.AnsweringOnePeer();
                },
                _ =>
                {
                    created.Enqueue("udp");
                    return FakeTrackerClient.AnsweringOnePeer();
                });
            var announcer = new TorrentAnnouncer(factory, new TrackerSession(), new TrackerClientOptions());
            Uri[] trackers = { new Uri("http://a.example/"), new Uri("https://b.example/"), new Uri("udp://c.example:1"), new Uri("udp://d.example:1") };

            await announcer.AnnounceAsync(V1Target, TorrentAnnouncer.OneTierEach(trackers), s_template, CancellationToken.None);

            Assert.Equal(new[] { "http", "udp" }, created.OrderBy(c => c));
        }

        [Fact]
        public void ThrottleLimitBelowOneIsRefused()
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => Announcer(FakeTrackerClient.AnsweringOnePeer(), throttle: 0));
        }
    }
}
