using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TrackerPS.Core.Magnet;
using TrackerPS.Core.Metainfo;
using TrackerPS.Core.Tests.Trackers.Announce;
using TrackerPS.Core.Tests.Trackers.Scrape;
using TrackerPS.Core.Trackers;
using Xunit;
using static TrackerPS.Core.Tests.Trackers.Announce.AnnounceTestData;

namespace TrackerPS.Core.Tests.Hostile
{
    /// <summary>
    /// Whatever a parser throws for one item becomes that item's documented error, with the original as the inner
    /// exception, and the other items complete (issue 10). The parsers are replaced by ones that fail unexpectedly.
    /// </summary>
    public sealed class ContainmentTests
    {
        private static readonly byte[] s_good = HostileInputs.ManyWebSeeds(1);

        [Fact]
        public void AnUnexpectedExceptionReadingOneTorrentIsItsMetainfoExceptionAndTheNextIsRead()
        {
            var boom = new InvalidOperationException("boom");
            var results = new List<object>();
            foreach (Func<TorrentInfo> parse in new Func<TorrentInfo>[] { () => throw boom, () => TorrentReader.Read(s_good, "good.torrent") })
            {
                try
                {
                    results.Add(TorrentReader.Contain(parse, "bad.torrent"));
                }
                catch (MetainfoException error)
                {
                    results.Add(error);
                }
            }

            MetainfoException failed = Assert.IsType<MetainfoException>(results[0]);
            Assert.Same(boom, failed.InnerException);
            Assert.Equal("Invalid torrent 'bad.torrent': the reader failed unexpectedly (InvalidOperationException: boom)", failed.Message);
            Assert.Equal("a", Assert.IsType<TorrentInfo>(results[1]).Name);
        }

        [Fact]
        public void TheReadersOwnErrorsAndFatalOnesPassThroughUnchanged()
        {
            var own = new MetainfoException("'info' is missing", "x.torrent");
            Assert.Same(own, Assert.Throws<MetainfoException>(() => TorrentReader.Contain(() => throw own, "x.torrent")));
            Assert.Throws<OutOfMemoryException>(() => TorrentReader.Contain(() => throw new OutOfMemoryException(), "x.torrent"));
        }

        [Fact]
        public void AnUnexpectedExceptionParsingOneMagnetLinkIsItsFormatException()
        {
            var boom = new IndexOutOfRangeException("boom");

            FormatException error = Assert.Throws<FormatException>(() => MagnetUriParser.Contain(() => throw boom));

            Assert.Same(boom, error.InnerException);
            Assert.NotNull(MagnetUriParser.Parse("magnet:?xt=urn:btih:" + new string('0', 40)));
        }

        [Fact]
        public async Task AnUnexpectedExceptionFromOneTrackerIsItsProtocolViolationAndTheOthersAnswer()
        {
            // Before issue 10 the FormatException of one hostile reply ended the announce to every tracker.
            var boom = new FormatException("An invalid IP address was specified.");
            var client = new FakeTrackerClient((request, _) => request.Tracker.Port == 7001
                ? throw boom
                : Task.FromResult(FakeTrackerClient.ResponseWithOnePeer(request)));

            IReadOnlyList<AnnounceOutcome> outcomes = await Announcer(client).AnnounceAsync(V1Target, SingleTrackerTiers(3), new AnnounceTemplate(), CancellationToken.None);

            Assert.Equal(3, outcomes.Count);
            AnnounceOutcome failed = Assert.Single(outcomes, o => o.Error is not null);
            Assert.Equal(7001, failed.Tracker.Port);
            Assert.Equal(TrackerErrorKind.ProtocolViolation, failed.Error!.Kind);
            Assert.Same(boom, failed.Error.InnerException);
            Assert.Contains("sent a reply that could not be read (FormatException: An invalid IP address was specified.)", failed.Error.Message);
            Assert.Equal(2, outcomes.Count(o => o.Response is not null));
        }

        [Fact]
        public async Task AnUnexpectedExceptionFromOneTrackersScrapeIsItsProtocolViolation()
        {
            var a = new Uri("udp://127.0.0.1:7001/announce");
            var b = new Uri("http://127.0.0.1:7002/announce");
            var client = new FakeScrapeClient((request, _) => request.Tracker == a
                ? throw new NullReferenceException("boom")
                : Task.FromResult(FakeScrapeClient.Results(request)));
            var scraper = new TrackerScraper(FactoryFor(client), new TrackerClientOptions { Timeout = TimeSpan.FromMinutes(1) });

            IReadOnlyList<ScrapeOutcome> outcomes = await scraper.ScrapeAsync(new[] { new ScrapeItem(new[] { V1 }, new[] { a, b }) }, CancellationToken.None);

            Assert.Equal(TrackerErrorKind.ProtocolViolation, outcomes.Single(o => o.Request.Tracker == a).Error!.Kind);
            Assert.IsType<NullReferenceException>(outcomes.Single(o => o.Request.Tracker == a).Error!.InnerException);
            Assert.Null(outcomes.Single(o => o.Request.Tracker == b).Error);
        }

        [Fact]
        public async Task TheCallersCancellationIsNotContained()
        {
            using var cancelled = new CancellationTokenSource();
            var client = new FakeTrackerClient((_, token) =>
            {
                cancelled.Cancel();
                token.ThrowIfCancellationRequested();
                throw new InvalidOperationException("not reached");
            });

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                Announcer(client).AnnounceAsync(V1Target, SingleTrackerTiers(1), new AnnounceTemplate(), cancelled.Token));
        }
    }
}
