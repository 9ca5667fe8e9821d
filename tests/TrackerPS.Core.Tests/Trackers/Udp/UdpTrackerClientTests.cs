using System;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using TrackerPS.Core.Metainfo;
using TrackerPS.Core.Network;
using TrackerPS.Core.Tests.Fakes;
using TrackerPS.Core.Trackers;
using TrackerPS.Core.Trackers.Udp;
using Xunit;

namespace TrackerPS.Core.Tests.Trackers.Udp
{
    public class UdpTrackerClientTests
    {
        private static readonly InfoHash s_infoHash = UdpTestRequests.InfoHash;

        private static readonly TrackerClientOptions s_options = UdpTestRequests.Options;

        [Fact]
        public async Task Announce_ReturnsIntervalCountsAndPeers()
        {
            using var tracker = new FakeUdpTracker { CompactPeers = Hex.Bytes("7F000001 1AE1 0A000001 C8D5") };
            using var client = new UdpTrackerClient(s_options);

            AnnounceResponse response = await client.AnnounceAsync(UdpTestRequests.Announce(tracker.Uri), CancellationToken.None);

            Assert.Equal(TimeSpan.FromSeconds(1800), response.Interval);
            Assert.Equal(5, response.Seeders);
            Assert.Equal(3, response.Leechers);
            Assert.Equal(s_infoHash.ToHex(), response.InfoHash);
            Assert.Equal(tracker.Uri, response.Tracker);
            Assert.Collection(
                response.Peers,
                peer => Assert.Equal(("127.0.0.1", 6881, PeerSource.Compact), (peer.IPAddress, peer.Port, peer.Source)),
                peer => Assert.Equal(("10.0.0.1", 51413, AddressFamily.InterNetwork), (peer.IPAddress, peer.Port, peer.AddressFamily)));
            Assert.All(response.Peers, peer => Assert.Equal(s_infoHash.ToHex(), peer.InfoHash));
        }

        [Fact]
        public async Task Announce_SendsRequestFieldsAndPathAsUrlData()
        {
            using var tracker = new FakeUdpTracker();
            using var client = new UdpTrackerClient(s_options);
            var uri = new Uri(tracker.Uri, "/announce?passkey=abc");

            await client.AnnounceAsync(UdpTestRequests.Announce(uri), CancellationToken.None);

            byte[] packet = Assert.Single(tracker.Announces);
            Assert.Equal(s_infoHash.ToArray(), packet.Skip(16).Take(20).ToArray());
            Assert.Equal(Hex.Bytes("1AE1"), packet.Skip(96).Take(2).ToArray());
            Assert.Equal(Hex.Bytes("02 15").Concat(System.Text.Encoding.ASCII.GetBytes("/announce?passkey=abc")), packet.Skip(98).ToArray());
        }

        [Fact]
        public async Task ConnectionIdIsReusedAcrossRequestsAndClientsSharingACache()
        {
            using var tracker = new FakeUdpTracker();
            var cache = new UdpConnectionIdCache();
            using var first = new UdpTrackerClient(s_options, cache);
            using var second = new UdpTrackerClient(s_options, cache);

            await first.AnnounceAsync(UdpTestRequests.Announce(tracker.Uri), CancellationToken.None);
            await first.AnnounceAsync(UdpTestRequests.Announce(tracker.Uri), CancellationToken.None);
            await second.ScrapeAsync(new ScrapeRequest { Tracker = tracker.Uri, InfoHashes = new[] { s_infoHash } }, CancellationToken.None);

            Assert.Equal(1, tracker.ConnectCount);
            Assert.Equal(2, tracker.AnnounceCount);
        }

        [Fact]
        public async Task ExpiredConnectionId_ErrorThenReconnectOnce()
        {
            using var tracker = new FakeUdpTracker();
            using var client = new UdpTrackerClient(s_options);
            await client.AnnounceAsync(UdpTestRequests.Announce(tracker.Uri), CancellationToken.None);
            tracker.ExpireConnectionIds();

            AnnounceResponse response = await client.AnnounceAsync(UdpTestRequests.Announce(tracker.Uri), CancellationToken.None);

            Assert.Equal(TimeSpan.FromSeconds(1800), response.Interval);
            Assert.Equal(2, tracker.ConnectCount);
            Assert.Equal(3, tracker.AnnounceCount);
        }

        [Fact]
        public async Task ErrorWithCachedId_ReconnectsOnlyOnce_ThenSurfacesTheMessage()
        {
            using var tracker = new FakeUdpTracker();
            using var client = new UdpTrackerClient(s_options);
            await client.AnnounceAsync(UdpTestRequests.Announce(tracker.Uri), CancellationToken.None);
            tracker.ErrorMessage = "torrent not registered";

            var e = await Assert.ThrowsAsync<TrackerException>(() => client.AnnounceAsync(UdpTestRequests.Announce(tracker.Uri), CancellationToken.None));

            Assert.Equal(TrackerErrorKind.FailureReason, e.Kind);
            Assert.Equal("torrent not registered", e.FailureReason);
            Assert.Equal(2, tracker.ConnectCount);
            Assert.Equal(3, tracker.AnnounceCount);
        }

        [Fact]
        public async Task ErrorPacket_IsFailureReason()
        {
            using var tracker = new FakeUdpTracker { ErrorMessage = "unregistered torrent" };
            using var client = new UdpTrackerClient(s_options);

            var e = await Assert.ThrowsAsync<TrackerException>(() => client.AnnounceAsync(UdpTestRequests.Announce(tracker.Uri), CancellationToken.None));

            Assert.Equal(TrackerErrorKind.FailureReason, e.Kind);
            Assert.Equal("unregistered torrent", e.FailureReason);
            Assert.Contains(tracker.Uri.ToString(), e.Message);
            Assert.Equal(1, tracker.ConnectCount);
        }

        [Fact]
        public async Task DroppedPackets_AreRetransmitted()
        {
            using var tracker = new FakeUdpTracker { DropFirst = 1 };
            // The retransmission comes at Timeout/7 = 1 s; the next one (3 s) is far enough away not to fire under load.
            using var client = new UdpTrackerClient(new TrackerClientOptions { Timeout = TimeSpan.FromSeconds(7) });

            AnnounceResponse response = await client.AnnounceAsync(UdpTestRequests.Announce(tracker.Uri), CancellationToken.None);

            // The dropped connect was sent again; then connect and announce were answered.
            Assert.Equal(5, response.Seeders);
            Assert.True(tracker.ReceivedCount >= 3, $"{tracker.ReceivedCount} datagrams received");
            Assert.Equal(1, tracker.ConnectCount);
        }

        [Fact]
        public async Task NoReply_TimesOutAfterThreeTries_NamingTheTracker()
        {
            using var tracker = new FakeUdpTracker { DropFirst = int.MaxValue };
            using var client = new UdpTrackerClient(new TrackerClientOptions { Timeout = TimeSpan.FromMilliseconds(350) });

            var e = await Assert.ThrowsAsync<TrackerException>(() => client.AnnounceAsync(UdpTestRequests.Announce(tracker.Uri), CancellationToken.None));

            Assert.Equal(TrackerErrorKind.Timeout, e.Kind);
            Assert.Contains(tracker.Uri.ToString(), e.Message);
            Assert.Equal(UdpRetransmissionSchedule.DefaultTries, tracker.WaitForReceived(UdpRetransmissionSchedule.DefaultTries, TimeSpan.FromSeconds(10)));
        }

        [Fact]
        public async Task CallerCancellation_IsOperationCanceled()
        {
            using var tracker = new FakeUdpTracker { DropFirst = int.MaxValue };
            using var client = new UdpTrackerClient(new TrackerClientOptions { Timeout = TimeSpan.FromSeconds(30) });
            using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.AnnounceAsync(UdpTestRequests.Announce(tracker.Uri), cancellation.Token));
        }

        [Fact]
        public async Task DelayedReply_IsAccepted()
        {
            using var tracker = new FakeUdpTracker { Delay = TimeSpan.FromMilliseconds(50) };
            using var client = new UdpTrackerClient(s_options);

            AnnounceResponse response = await client.AnnounceAsync(UdpTestRequests.Announce(tracker.Uri), CancellationToken.None);

            Assert.Equal(5, response.Seeders);
        }

        [Fact]
        public async Task GarbageAndWrongTransactionIds_AreIgnored()
        {
            using var tracker = new FakeUdpTracker { GarbageFirst = true, WrongTransactionIdFirst = true };
            using var client = new UdpTrackerClient(s_options);

            AnnounceResponse response = await client.AnnounceAsync(UdpTestRequests.Announce(tracker.Uri), CancellationToken.None);

            Assert.Equal(5, response.Seeders);
            Assert.Equal(1, tracker.ConnectCount);
        }

        [Fact]
        public async Task TruncatedAnnounceReply_IsProtocolViolation()
        {
            using var tracker = new FakeUdpTracker { CompactPeers = Hex.Bytes("7F000001 1AE1"), TruncateAnnounceBy = 2 };
            using var client = new UdpTrackerClient(s_options);

            var e = await Assert.ThrowsAsync<TrackerException>(() => client.AnnounceAsync(UdpTestRequests.Announce(tracker.Uri), CancellationToken.None));

            Assert.Equal(TrackerErrorKind.ProtocolViolation, e.Kind);
            Assert.Contains("not a multiple of 6", e.Message);
            Assert.Contains(tracker.Uri.ToString(), e.Message);
        }

        [Fact]
        public async Task HeaderOnlyAnnounceReply_SaysRefusedNotTruncated()
        {
            using var tracker = new FakeUdpTracker { TruncateAnnounceBy = 12 };
            using var client = new UdpTrackerClient(s_options);

            var e = await Assert.ThrowsAsync<TrackerException>(() => client.AnnounceAsync(UdpTestRequests.Announce(tracker.Uri), CancellationToken.None));

            Assert.Equal(
                $"UDP tracker {tracker.Uri} refused the announce of {s_infoHash.ToHex()}: it answered with the 8-byte header alone "
                + "(action 1, transaction id), no interval or peers, as opentracker does for an info-hash it does not serve.",
                e.Message);
        }

        [Fact]
        public async Task ReplyFromAnotherSourceAddress_IsAccepted()
        {
            using var tracker = new FakeUdpTracker(IPAddress.Loopback, IPAddress.Parse("127.0.0.2")) { ReplyFromOtherSource = true };
            using var client = new UdpTrackerClient(s_options);

            AnnounceResponse response = await client.AnnounceAsync(UdpTestRequests.Announce(tracker.Uri), CancellationToken.None);

            Assert.Equal(5, response.Seeders);
        }

        [IPv6LoopbackFact]
        public async Task IPv6Literal_UsesIPv6SocketAnd18BytePeers()
        {
            using var tracker = new FakeUdpTracker(IPAddress.IPv6Loopback) { CompactPeers = Hex.Bytes("00000000000000000000000000000001 1AE1") };
            using var client = new UdpTrackerClient(s_options);
            Assert.StartsWith("udp://[::1]:", tracker.Uri.ToString());

            AnnounceResponse response = await client.AnnounceAsync(UdpTestRequests.Announce(tracker.Uri), CancellationToken.None);

            Peer peer = Assert.Single(response.Peers);
            Assert.Equal(("::1", 6881, PeerSource.Peers6), (peer.IPAddress, peer.Port, peer.Source));
        }

        [Fact]
        public async Task SixtyFourConcurrentAnnounces_OnOneClient()
        {
            using var tracker = new FakeUdpTracker { Delay = TimeSpan.FromMilliseconds(20) };
            using var client = new UdpTrackerClient(new TrackerClientOptions { Timeout = TimeSpan.FromSeconds(5) });

            AnnounceResponse[] responses = await Task.WhenAll(
                Enumerable.Range(0, 64).Select(_ => client.AnnounceAsync(UdpTestRequests.Announce(tracker.Uri), CancellationToken.None)));

            Assert.Equal(64, responses.Length);
            Assert.All(responses, response => Assert.Equal(5, response.Seeders));
            Assert.Equal(64, tracker.Announces.Count);
        }

        [Fact]
        public async Task Scrape1000Hashes_Sends14PacketsAndMatchesByPosition()
        {
            using var tracker = new FakeUdpTracker();
            using var client = new UdpTrackerClient(new TrackerClientOptions { Timeout = TimeSpan.FromSeconds(5) });
            InfoHash[] hashes = Enumerable.Range(0, 1000)
                .Select(i => new InfoHash(new byte[] { (byte)i, (byte)(i >> 8), 7 }.Concat(new byte[17]).ToArray()))
                .ToArray();

            var results = (await client.ScrapeAsync(new ScrapeRequest { Tracker = tracker.Uri, InfoHashes = hashes }, CancellationToken.None)).Results;

            Assert.Equal(14, tracker.ScrapeCount);
            Assert.Equal(1000, results.Count);
            for (int i = 0; i < hashes.Length; i++)
            {
                Assert.Equal(hashes[i].ToHex(), results[i].InfoHash);
                Assert.Equal((long)(byte)i, results[i].Seeders);
                Assert.Equal((long)(byte)(i >> 8), results[i].Downloaded);
                Assert.Equal(7, results[i].Leechers);
            }
        }

        [Fact]
        public async Task ScrapeOfNoHashes_SendsNothing()
        {
            using var tracker = new FakeUdpTracker();
            using var client = new UdpTrackerClient(s_options);

            var results = (await client.ScrapeAsync(new ScrapeRequest { Tracker = tracker.Uri }, CancellationToken.None)).Results;

            Assert.Empty(results);
            Assert.Equal(0, tracker.ReceivedCount);
        }

        [Fact]
        public async Task ClosedPort_TimesOut_AndTheClientStillWorks()
        {
            using var client = new UdpTrackerClient(new TrackerClientOptions { Timeout = TimeSpan.FromMilliseconds(300) });
            int closedPort;
            using (var probe = new FakeUdpTracker())
            {
                closedPort = probe.EndPoint.Port;
            }

            var e = await Assert.ThrowsAsync<TrackerException>(
                () => client.AnnounceAsync(UdpTestRequests.Announce(new Uri($"udp://127.0.0.1:{closedPort}/announce")), CancellationToken.None));
            Assert.Equal(TrackerErrorKind.Timeout, e.Kind);

            using var tracker = new FakeUdpTracker();
            AnnounceResponse response = await client.AnnounceAsync(UdpTestRequests.Announce(tracker.Uri), CancellationToken.None);
            Assert.Equal(5, response.Seeders);
        }

        [Fact]
        public async Task SendFailure_IsConnectionFailed()
        {
            // Broadcast without SO_BROADCAST is refused by the OS before anything is sent (the policy lets it through only
            // with AllowLocalNetwork: broadcast reaches the local network).
            using var client = new UdpTrackerClient(new TrackerClientOptions { Timeout = s_options.Timeout, NetworkPolicy = new NetworkPolicy { AllowLocalNetwork = true } });

            var e = await Assert.ThrowsAsync<TrackerException>(
                () => client.AnnounceAsync(UdpTestRequests.Announce(new Uri("udp://255.255.255.255:6969/announce")), CancellationToken.None));

            Assert.Equal(TrackerErrorKind.ConnectionFailed, e.Kind);
            Assert.IsType<SocketException>(e.InnerException);
        }

        [Theory]
        [InlineData("http://127.0.0.1:6969/announce", TrackerErrorKind.UnsupportedScheme)]
        [InlineData("udp://127.0.0.1/announce", TrackerErrorKind.ConnectionFailed)]
        public async Task InvalidTrackerUri_IsRejected(string uri, TrackerErrorKind kind)
        {
            using var client = new UdpTrackerClient(s_options);

            var e = await Assert.ThrowsAsync<TrackerException>(() => client.AnnounceAsync(UdpTestRequests.Announce(new Uri(uri)), CancellationToken.None));

            Assert.Equal(kind, e.Kind);
        }
    }
}
