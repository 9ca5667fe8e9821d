using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using TrackerPS.Core.Metainfo;
using TrackerPS.Core.Trackers;
using TrackerPS.Core.Trackers.Http;
using TrackerPS.Core.Trackers.Udp;
using Xunit;

namespace TrackerPS.Core.Tests.Integration
{
    /// <summary>
    /// HTTP announce, HTTP and UDP scrape through <see cref="TrackerScraper"/>, and a torrent file announced end to end
    /// with the real <see cref="TrackerClientFactory"/>, all against the real opentracker.
    /// </summary>
    [Collection(OpenTrackerCollection.Name)]
    public sealed class ScrapeOpenTrackerTests
    {
        private static readonly TrackerClientOptions s_options = new TrackerClientOptions { Timeout = TimeSpan.FromSeconds(5) };
        private readonly OpenTrackerFixture _tracker;

        public ScrapeOpenTrackerTests(OpenTrackerFixture tracker)
        {
            _tracker = tracker;
        }

        [OpenTrackerFact]
        public async Task Http_TwoPeersSeeEachOther_ThenScrapeShowsTheirCounts()
        {
            InfoHash infoHash = OpenTrackerHashes.Test(1040);
            using var client = new HttpTrackerClient(s_options);
            try
            {
                (AnnounceResponse leecher, AnnounceResponse seeder) =
                    await OpenTrackerPeers.SeederThenLeecherAsync(client, _tracker.HttpAnnounce, infoHash, ('A', 41001), ('B', 41002));

                Assert.True(seeder.Interval > TimeSpan.Zero);
                Assert.Equal((1L, 1L), (seeder.Seeders!.Value, seeder.Leechers!.Value));

                ScrapeOutcome outcome = Assert.Single(await Scraper().ScrapeAsync(new[] { new ScrapeItem(new[] { infoHash }, new[] { _tracker.HttpAnnounce }) }, CancellationToken.None));

                Assert.Null(outcome.Error);
                ScrapeResult result = Assert.Single(outcome.Results);
                Assert.Equal(infoHash.ToHex(), result.InfoHash);
                Assert.Equal((1L, 1L), (result.Seeders!.Value, result.Leechers!.Value));
            }
            finally
            {
                await OpenTrackerPeers.StopAsync(client, _tracker.HttpAnnounce, infoHash, ('A', 41001), ('B', 41002));
            }
        }

        [OpenTrackerFact]
        public async Task Udp_ThousandHashesFromManyItems_OneRequestIn14Packets_CountsRight()
        {
            // 998 never-announced hashes (1–998: the Pester announce tests use 0) and two announced ones, one torrent item each, all on one tracker.
            InfoHash seeded = OpenTrackerHashes.Test(1060);
            InfoHash leeched = OpenTrackerHashes.Test(1061);
            List<InfoHash> hashes = Enumerable.Range(1, 998).Select(OpenTrackerHashes.Test).ToList();
            hashes.Insert(500, seeded);
            hashes.Add(leeched);
            ScrapeItem[] items = hashes.Select(h => new ScrapeItem(new[] { h }, new[] { _tracker.UdpAnnounce })).ToArray();
            using var client = new UdpTrackerClient(s_options);
            try
            {
                await client.AnnounceAsync(OpenTrackerPeers.Request(_tracker.UdpAnnounce, seeded, 'C', 41003, left: 0, TrackerEvent.Started), CancellationToken.None);
                await client.AnnounceAsync(OpenTrackerPeers.Request(_tracker.UdpAnnounce, leeched, 'D', 41004, left: 1000, TrackerEvent.Started), CancellationToken.None);

                ScrapeRequest planned = Assert.Single(TrackerScraper.Plan(items));
                ScrapeOutcome outcome = Assert.Single(await Scraper().ScrapeAsync(items, CancellationToken.None));

                Assert.Equal(14, (planned.InfoHashes.Count + UdpScrapeRequest.MaxInfoHashes - 1) / UdpScrapeRequest.MaxInfoHashes);
                Assert.Null(outcome.Error);
                Assert.Equal(hashes.Select(h => h.ToHex()), outcome.Results.Select(r => r.InfoHash));
                Assert.Equal((1L, 0L), (outcome.Results[500].Seeders!.Value, outcome.Results[500].Leechers!.Value));
                Assert.Equal((0L, 1L), (outcome.Results[999].Seeders!.Value, outcome.Results[999].Leechers!.Value));
                Assert.Equal(998, outcome.Results.Count(r => r.Seeders == 0 && r.Leechers == 0));
            }
            finally
            {
                await OpenTrackerPeers.StopAsync(client, _tracker.UdpAnnounce, seeded, ('C', 41003));
                await OpenTrackerPeers.StopAsync(client, _tracker.UdpAnnounce, leeched, ('D', 41004));
            }
        }

        [OpenTrackerFact]
        public async Task TorrentFile_AnnouncedWithTheRealFactory_OverHttpAndUdp_ReturnsPeers()
        {
            // The fixture's v1 hash is whitelisted; opentracker lists the announcing peer itself, so each tracker
            // returns at least us. The torrent's own trackers are replaced by the fixture's.
            TorrentInfo torrent = TorrentReader.ReadFile(Path.Combine(AppContext.BaseDirectory, "data", "v1-single.torrent"));
            var target = new AnnounceTarget(new[] { InfoHash.Parse(torrent.InfoHash) });
            var announcer = new TorrentAnnouncer(TrackerClientFactory.CreateDefault(new TrackerSession()), new TrackerSession(), s_options);
            IReadOnlyList<IReadOnlyList<Uri>> tiers = TorrentAnnouncer.OneTierEach(new[] { _tracker.HttpAnnounce, _tracker.UdpAnnounce });
            try
            {
                IReadOnlyList<AnnounceOutcome> outcomes = await announcer.AnnounceAsync(
                    target, tiers, new AnnounceTemplate { Port = 41005, Left = torrent.TotalSize, Event = TrackerEvent.Started }, CancellationToken.None);

                Assert.Equal(2, outcomes.Count);
                Assert.All(outcomes, o => Assert.Null(o.Error));
                Assert.All(outcomes, o => Assert.Contains(o.Response!.Peers, p => p.IPAddress == "127.0.0.1" && p.Port == 41005));
                Assert.All(outcomes, o => Assert.Equal(torrent.InfoHash, o.Response!.InfoHash));
            }
            finally
            {
                await announcer.AnnounceAsync(target, tiers, new AnnounceTemplate { Port = 41005, Event = TrackerEvent.Stopped }, CancellationToken.None);
            }
        }

        private static TrackerScraper Scraper() => new TrackerScraper(TrackerClientFactory.CreateDefault(new TrackerSession()), s_options);
    }
}
