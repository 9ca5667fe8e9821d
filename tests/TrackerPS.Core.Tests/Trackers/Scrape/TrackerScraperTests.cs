using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using TrackerPS.Core.Metainfo;
using TrackerPS.Core.Trackers;
using Xunit;

namespace TrackerPS.Core.Tests.Trackers.Scrape
{
    public sealed class TrackerScraperTests
    {
        private static readonly Uri s_a = new Uri("udp://127.0.0.1:7001/announce");
        private static readonly Uri s_b = new Uri("http://127.0.0.1:7002/announce");

        [Fact]
        public async Task HashesTheReplyLeftOutAreNotListedInRequestOrderWithAMessageNamingTheTracker()
        {
            // opentracker's HTTP scrape omits from 'files' the torrents it does not track.
            var tracker = new Uri("http://127.0.0.1:7002/abcdef0123456789/announce");
            var client = new FakeScrapeClient((request, _) => Task.FromResult<IReadOnlyList<ScrapeResult>>(
                new[] { new ScrapeResult { Tracker = request.Tracker, InfoHash = Hash(2).ToHex() } }));

            ScrapeOutcome outcome = Assert.Single(await Scraper(client).ScrapeAsync(
                new[] { new ScrapeItem(new[] { Hash(1), Hash(2), Hash(3) }, new[] { tracker }) }, CancellationToken.None));

            Assert.Equal(new[] { Hash(1), Hash(3) }, outcome.NotListed);
            Assert.Equal(
                $"Tracker http://127.0.0.1:7002/\u2026/announce did not list info-hash {Hash(1).ToHex()} in its scrape reply: it does not track that torrent.",
                outcome.NotListedMessage(Hash(1)));
        }

        [Fact]
        public async Task AFailedScrapesMessageSaysScrape()
        {
            var client = new FakeScrapeClient((request, _) => throw new TrackerException(request.Tracker, TrackerErrorKind.Timeout, $"UDP tracker {request.Tracker} did not answer within 2 s."));

            ScrapeOutcome outcome = Assert.Single(await Scraper(client).ScrapeAsync(new[] { new ScrapeItem(new[] { Hash(1), Hash(2) }, new[] { s_a }) }, CancellationToken.None));

            Assert.Equal($"Scrape of 2 info-hash(es) failed: UDP tracker {s_a} did not answer within 2 s.", outcome.Error!.Message);
            Assert.Equal(TrackerErrorKind.Timeout, outcome.Error.Kind);
        }

        [Fact]
        public async Task AFailedScrapeListsNoHashAsNotListed()
        {
            var client = new FakeScrapeClient((request, _) => throw new TrackerException(request.Tracker, TrackerErrorKind.ConnectionFailed, "refused"));

            ScrapeOutcome outcome = Assert.Single(await Scraper(client).ScrapeAsync(new[] { new ScrapeItem(new[] { Hash(1) }, new[] { s_a }) }, CancellationToken.None));

            Assert.NotNull(outcome.Error);
            Assert.Empty(outcome.NotListed);
        }

        [Fact]
        public async Task ItemsSharingTrackersCostOneScrapePerTracker()
        {
            FakeScrapeClient client = FakeScrapeClient.Answering();
            ScrapeItem[] items = Enumerable.Range(0, 300).Select(i => new ScrapeItem(new[] { Hash(i) }, new[] { s_a, s_b })).ToArray();

            IReadOnlyList<ScrapeOutcome> outcomes = await Scraper(client).ScrapeAsync(items, CancellationToken.None);

            Assert.Equal(2, client.Requests.Count);
            InfoHash[] expected = Enumerable.Range(0, 300).Select(Hash).ToArray();
            Assert.All(client.Requests, request => Assert.Equal(expected, request.InfoHashes));
            Assert.Equal(new[] { s_a, s_b }, outcomes.Select(o => o.Tracker));
            Assert.All(outcomes, o => Assert.Equal(300, o.Results.Count));
        }

        [Fact]
        public async Task HashesAreDeduplicatedPerTrackerAndOnlySentToTheirTrackers()
        {
            FakeScrapeClient client = FakeScrapeClient.Answering();
            ScrapeItem[] items =
            {
                new ScrapeItem(new[] { Hash(1), Hash(2) }, new[] { s_a }),
                new ScrapeItem(new[] { Hash(2), Hash(3) }, new[] { s_a, s_b, s_a }),
                new ScrapeItem(new[] { Hash(1) }, new[] { s_b }),
            };

            IReadOnlyList<ScrapeRequest> plan = TrackerScraper.Plan(items);
            await Scraper(client).ScrapeAsync(items, CancellationToken.None);

            Assert.Equal(new[] { s_a, s_b }, plan.Select(r => r.Tracker));
            Assert.Equal(new[] { Hash(1), Hash(2), Hash(3) }, plan[0].InfoHashes);
            Assert.Equal(new[] { Hash(2), Hash(3), Hash(1) }, plan[1].InfoHashes);
            Assert.Equal(2, client.Requests.Count);
        }

        [Fact]
        public void V2HashIsScrapedTruncatedAndAHybridUnderBothHashes()
        {
            InfoHash v2 = new InfoHash(SHA256.HashData(Encoding.ASCII.GetBytes("v2")));

            ScrapeRequest request = Assert.Single(TrackerScraper.Plan(new[] { new ScrapeItem(new InfoHash?[] { Hash(1), v2, v2.Truncated, null }, new[] { s_a }) }));

            Assert.Equal(new[] { Hash(1), v2.Truncated }, request.InfoHashes);
            Assert.All(request.InfoHashes, h => Assert.Equal(20, h.Length));
        }

        [Fact]
        public void ItemWithoutHashesOrTrackersPlansNothing()
        {
            Assert.Empty(TrackerScraper.Plan(new[] { new ScrapeItem(new InfoHash?[0], new[] { s_a }), new ScrapeItem(new[] { Hash(1) }, new Uri[0]), null }));
        }

        [Fact]
        public async Task EachFailedTrackerIsOneOutcomeWithItsTrackerAndTheOthersStillAnswer()
        {
            var wss = new Uri("wss://c.example/announce");
            var client = new FakeScrapeClient((request, _) => request.Tracker == s_b
                ? throw new TrackerException(request.Tracker, TrackerErrorKind.ScrapeNotSupported, "no scrape")
                : Task.FromResult(FakeScrapeClient.Results(request)));
            var reported = new ConcurrentQueue<ScrapeOutcome>();
            var scraper = new TrackerScraper(FactoryFor(client), new TrackerClientOptions()) { OnCompleted = reported.Enqueue };
            ScrapeItem[] items = { new ScrapeItem(new[] { Hash(1), Hash(2) }, new[] { s_a, s_b, wss }) };

            IReadOnlyList<ScrapeOutcome> outcomes = await scraper.ScrapeAsync(items, CancellationToken.None);

            Assert.Equal(3, reported.Count);
            Assert.Null(outcomes[0].Error);
            Assert.Equal(2, outcomes[0].Results.Count);
            Assert.Equal((TrackerErrorKind.ScrapeNotSupported, s_b), (outcomes[1].Error!.Kind, outcomes[1].Error!.Tracker));
            Assert.Equal((TrackerErrorKind.UnsupportedScheme, wss), (outcomes[2].Error!.Kind, outcomes[2].Error!.Tracker));
            Assert.All(outcomes.Skip(1), o => Assert.Empty(o.Results));
        }

        [Fact]
        public async Task SilentTrackerTimesOutAsOneOutcome()
        {
            var client = new FakeScrapeClient((_, token) => new TaskCompletionSource<IReadOnlyList<ScrapeResult>>().Task.WaitAsync(token));
            var scraper = new TrackerScraper(FactoryFor(client), new TrackerClientOptions { Timeout = TimeSpan.FromMilliseconds(200) });

            ScrapeOutcome outcome = Assert.Single(await scraper.ScrapeAsync(new[] { new ScrapeItem(new[] { Hash(1) }, new[] { s_a }) }, CancellationToken.None));

            Assert.Equal(TrackerErrorKind.Timeout, outcome.Error!.Kind);
            Assert.Contains("127.0.0.1:7001", outcome.Error.Message);
        }

        [Fact]
        public async Task ThrottleLimitCapsTrackersInFlight()
        {
            const int throttle = 3;
            var full = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            FakeScrapeClient? client = null;
            client = new FakeScrapeClient(async (request, token) =>
            {
                // Hold every scrape until the throttle is full, so the peak is reached for certain.
                if (client!.InFlight >= throttle)
                {
                    full.TrySetResult();
                }

                await full.Task.WaitAsync(token);
                return FakeScrapeClient.Results(request);
            });
            ScrapeItem[] items = { new ScrapeItem(new[] { Hash(1) }, Trackers(10)) };

            IReadOnlyList<ScrapeOutcome> outcomes = await Scraper(client, throttle).ScrapeAsync(items, CancellationToken.None);

            Assert.All(outcomes, o => Assert.Null(o.Error));
            Assert.Equal(throttle, client.MaxInFlight);
        }

        [Fact]
        public async Task CancellationCancelsEveryOutstandingScrapeAtOnce()
        {
            const int trackers = 5;
            var allInFlight = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            FakeScrapeClient? client = null;
            client = new FakeScrapeClient((request, token) =>
            {
                if (client!.InFlight == trackers)
                {
                    allInFlight.TrySetResult();
                }

                return new TaskCompletionSource<IReadOnlyList<ScrapeResult>>().Task.WaitAsync(token);
            });
            using var cancellation = new CancellationTokenSource();

            Task<IReadOnlyList<ScrapeOutcome>> scraping = Scraper(client).ScrapeAsync(new[] { new ScrapeItem(new[] { Hash(1) }, Trackers(trackers)) }, cancellation.Token);
            await allInFlight.Task;
            cancellation.Cancel();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => scraping);
            Assert.Equal(trackers, client.Cancelled);
            Assert.True(client.Disposed);
        }

        [Fact]
        public void ThrottleLimitBelowOneIsRefused()
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => new TrackerScraper(FactoryFor(FakeScrapeClient.Answering()), new TrackerClientOptions(), 0));
        }

        private static InfoHash Hash(int n) => new InfoHash(SHA1.HashData(Encoding.ASCII.GetBytes($"scrape-{n}")));

        private static Uri[] Trackers(int count) => Enumerable.Range(0, count).Select(i => new Uri($"udp://127.0.0.1:{7000 + i}/announce")).ToArray();

        private static TrackerClientFactory FactoryFor(ITrackerClient client) => new TrackerClientFactory(_ => client, _ => client);

        private static TrackerScraper Scraper(ITrackerClient client, int throttle = TrackerScraper.DefaultThrottleLimit) =>
            new TrackerScraper(FactoryFor(client), new TrackerClientOptions { Timeout = TimeSpan.FromMinutes(1) }, throttle);
    }
}
