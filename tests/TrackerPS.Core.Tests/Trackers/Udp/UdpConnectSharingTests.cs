using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TrackerPS.Core.Metainfo;
using TrackerPS.Core.Tests.Fakes;
using TrackerPS.Core.Trackers;
using TrackerPS.Core.Trackers.Udp;
using Xunit;

namespace TrackerPS.Core.Tests.Trackers.Udp
{
    /// <summary>Requests to one tracker that start together share one connect (BEP 15 §connect).</summary>
    public sealed class UdpConnectSharingTests
    {
        private static readonly TrackerClientOptions s_options = UdpTestRequests.Options;

        [Fact]
        public async Task SixtyFourAnnouncesAtOnce_SendOneConnect()
        {
            // The delay keeps the connect unanswered while all 64 announces start.
            using var tracker = new FakeUdpTracker { Delay = TimeSpan.FromMilliseconds(50) };
            using var client = new UdpTrackerClient(s_options);

            await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => client.AnnounceAsync(UdpTestRequests.Announce(tracker.Uri), CancellationToken.None)));

            Assert.Equal(1, tracker.ConnectCount);
            Assert.Equal(64, tracker.AnnounceCount);
        }

        [Fact]
        public async Task ScrapeOf1000Hashes_SendsOneConnectAnd14Packets()
        {
            using var tracker = new FakeUdpTracker { Delay = TimeSpan.FromMilliseconds(50) };
            using var client = new UdpTrackerClient(s_options);
            InfoHash[] hashes = Enumerable.Range(0, 1000).Select(i => new InfoHash(BitConverter.GetBytes(i).Concat(new byte[16]).ToArray())).ToArray();

            await client.ScrapeAsync(new ScrapeRequest { Tracker = tracker.Uri, InfoHashes = hashes }, CancellationToken.None);

            Assert.Equal(1, tracker.ConnectCount);
            Assert.Equal(14, tracker.ScrapeCount);
        }

        [Fact]
        public async Task ScrapeOf1000Hashes_KeepsAtMostEightPacketsInFlight()
        {
            // The delay holds each packet unanswered long enough for the client to fill its window.
            using var tracker = new FakeUdpTracker { Delay = TimeSpan.FromMilliseconds(100) };
            using var client = new UdpTrackerClient(s_options);
            InfoHash[] hashes = Enumerable.Range(0, 1000).Select(i => new InfoHash(BitConverter.GetBytes(i).Concat(new byte[16]).ToArray())).ToArray();

            ScrapeResponse response = await client.ScrapeAsync(new ScrapeRequest { Tracker = tracker.Uri, InfoHashes = hashes }, CancellationToken.None);

            Assert.Equal(1000, response.Results.Count);
            Assert.Equal(14, tracker.ScrapeCount);
            Assert.Equal(8, UdpTrackerClient.MaxScrapePacketsInFlight);
            Assert.Equal(UdpTrackerClient.MaxScrapePacketsInFlight, tracker.MaxUnansweredScrapes);
        }

        [Fact]
        public async Task RequestWhoseSharedConnectWasCancelled_ConnectsItself()
        {
            using var tracker = new FakeUdpTracker { Delay = TimeSpan.FromMilliseconds(300) };
            using var client = new UdpTrackerClient(s_options);
            using var first = new CancellationTokenSource();
            Task<AnnounceResponse> cancelled = client.AnnounceAsync(UdpTestRequests.Announce(tracker.Uri), first.Token);
            Task<AnnounceResponse> second = client.AnnounceAsync(UdpTestRequests.Announce(tracker.Uri), CancellationToken.None);

            first.Cancel();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
            AnnounceResponse response = await second;
            Assert.Equal(5, response.Seeders);
            Assert.Equal(2, tracker.ConnectCount);
            Assert.Equal(1, tracker.AnnounceCount);
        }
    }
}
