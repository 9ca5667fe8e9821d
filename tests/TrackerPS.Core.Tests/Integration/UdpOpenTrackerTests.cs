using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TrackerPS.Core.Metainfo;
using TrackerPS.Core.Trackers;
using TrackerPS.Core.Trackers.Udp;
using Xunit;

namespace TrackerPS.Core.Tests.Integration
{
    /// <summary>The UDP client against the real opentracker (BEP 15 as opentracker implements it).</summary>
    [Collection(OpenTrackerCollection.Name)]
    public sealed class UdpOpenTrackerTests
    {
        private static readonly TrackerClientOptions s_options = new TrackerClientOptions { Timeout = TimeSpan.FromSeconds(5) };
        private readonly OpenTrackerFixture _tracker;

        public UdpOpenTrackerTests(OpenTrackerFixture tracker)
        {
            _tracker = tracker;
        }

        [OpenTrackerFact]
        public async Task TwoPeers_SeeEachOther()
        {
            InfoHash infoHash = OpenTrackerHashes.Test(1050);
            using var client = new UdpTrackerClient(s_options);
            try
            {
                (AnnounceResponse leecher, AnnounceResponse seeder) =
                    await OpenTrackerPeers.SeederThenLeecherAsync(client, _tracker.UdpAnnounce, infoHash, ('A', 40001), ('B', 40002));

                Assert.True(leecher.Interval > TimeSpan.Zero);
                Assert.Equal((1L, 1L), (leecher.Seeders!.Value, leecher.Leechers!.Value));
                Assert.Equal((1L, 1L), (seeder.Seeders!.Value, seeder.Leechers!.Value));
                Assert.All(seeder.Peers, peer => Assert.Equal(infoHash.ToHex(), peer.InfoHash));
            }
            finally
            {
                await OpenTrackerPeers.StopAsync(client, _tracker.UdpAnnounce, infoHash, ('A', 40001), ('B', 40002));
            }
        }

        [OpenTrackerFact]
        public async Task Scrape_CountsMatchTheAnnounces()
        {
            InfoHash infoHash = OpenTrackerHashes.Test(1051);
            using var client = new UdpTrackerClient(s_options);
            try
            {
                await client.AnnounceAsync(OpenTrackerPeers.Request(_tracker.UdpAnnounce, infoHash, 'C', 40003, left: 0, TrackerEvent.Started), CancellationToken.None);
                await client.AnnounceAsync(OpenTrackerPeers.Request(_tracker.UdpAnnounce, infoHash, 'D', 40004, left: 1000, TrackerEvent.Started), CancellationToken.None);

                var results = (await client.ScrapeAsync(new ScrapeRequest { Tracker = _tracker.UdpAnnounce, InfoHashes = new[] { infoHash } }, CancellationToken.None)).Results;

                ScrapeResult result = Assert.Single(results);
                Assert.Equal(infoHash.ToHex(), result.InfoHash);
                Assert.Equal((1L, 1L), (result.Seeders!.Value, result.Leechers!.Value));
            }
            finally
            {
                await OpenTrackerPeers.StopAsync(client, _tracker.UdpAnnounce, infoHash, ('C', 40003), ('D', 40004));
            }
        }

        [OpenTrackerFact]
        public async Task Scrape100Hashes_InTwoPackets_MatchedByPosition()
        {
            InfoHash announced = OpenTrackerHashes.Test(1052);
            List<InfoHash> hashes = Enumerable.Range(0, 100).Select(OpenTrackerHashes.Test).ToList();
            hashes[79] = announced; // in the second packet (74 + 5)
            using var client = new UdpTrackerClient(s_options);
            try
            {
                await client.AnnounceAsync(OpenTrackerPeers.Request(_tracker.UdpAnnounce, announced, 'E', 40005, left: 0, TrackerEvent.Started), CancellationToken.None);

                var results = (await client.ScrapeAsync(new ScrapeRequest { Tracker = _tracker.UdpAnnounce, InfoHashes = hashes }, CancellationToken.None)).Results;

                Assert.Equal(hashes.Select(h => h.ToHex()), results.Select(r => r.InfoHash));
                Assert.Equal(1, results[79].Seeders);
                Assert.All(results.Where((_, i) => i != 79), result => Assert.Equal(0, result.Seeders));
            }
            finally
            {
                await OpenTrackerPeers.StopAsync(client, _tracker.UdpAnnounce, announced, ('E', 40005));
            }
        }

        [OpenTrackerFact]
        public async Task NotWhitelistedHash_HeaderOnlyReply_IsARefusal()
        {
            // opentracker answers a hash outside its whitelist with only the 8-byte header of an announce response
            // (action 1, transaction id), which BEP 15 does not allow: an announce response is at least 20 bytes.
            InfoHash unknown = new InfoHash(Enumerable.Repeat((byte)0xEE, 20).ToArray());
            using var client = new UdpTrackerClient(s_options);

            var e = await Assert.ThrowsAsync<TrackerException>(
                () => client.AnnounceAsync(OpenTrackerPeers.Request(_tracker.UdpAnnounce, unknown, 'F', 40006, left: 0, TrackerEvent.Started), CancellationToken.None));

            Assert.Equal(TrackerErrorKind.ProtocolViolation, e.Kind);
            Assert.Contains($"refused the announce of {unknown.ToHex()}", e.Message);
            Assert.DoesNotContain("Truncated", e.Message);
            Assert.Contains(_tracker.UdpAnnounce.ToString(), e.Message);
        }
    }
}
