using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TrackerPS.Core.Metainfo;
using TrackerPS.Core.Trackers;
using Xunit;

namespace TrackerPS.Core.Tests.Integration
{
    /// <summary>Many announces from many threads through one <see cref="TrackerSession"/> against the real opentracker over UDP.</summary>
    [Collection(OpenTrackerCollection.Name)]
    public sealed class AnnounceConcurrencyOpenTrackerTests
    {
        private const int Workers = 16;
        private const int AnnouncesPerWorker = 20;
        private const int FirstHash = 1060;
        private const int HashCount = 8;

        private readonly OpenTrackerFixture _tracker;

        public AnnounceConcurrencyOpenTrackerTests(OpenTrackerFixture tracker)
        {
            _tracker = tracker;
        }

        [OpenTrackerFact]
        public async Task SharedSessionAnnouncesConcurrentlyOverUdp()
        {
            InfoHash[] hashes = Enumerable.Range(FirstHash, HashCount).Select(OpenTrackerHashes.Test).ToArray();
            var session = new TrackerSession();
            var options = new TrackerClientOptions { Timeout = TimeSpan.FromSeconds(10) };
            var outcomes = new ConcurrentBag<AnnounceOutcome>();
            var tiers = TorrentAnnouncer.OneTierEach(new[] { _tracker.UdpAnnounce });
            try
            {
                await Task.WhenAll(Enumerable.Range(0, Workers).Select(worker => Task.Run(async () =>
                {
                    for (int i = 0; i < AnnouncesPerWorker; i++)
                    {
                        var announcer = new TorrentAnnouncer(TrackerClientFactory.CreateDefault(session), session, options);
                        var target = new AnnounceTarget(new[] { hashes[(worker + i) % HashCount] });
                        var template = new AnnounceTemplate { Port = 41000 + worker, Left = 1, Force = true };
                        foreach (AnnounceOutcome outcome in await announcer.AnnounceAsync(target, tiers, template, CancellationToken.None))
                        {
                            outcomes.Add(outcome);
                        }
                    }
                })));

                Assert.Equal(Workers * AnnouncesPerWorker, outcomes.Count);
                Assert.All(outcomes, o => Assert.True(o.Kind == AnnounceOutcomeKind.Answered, o.Error?.Message));
                Assert.All(outcomes, o => Assert.Equal(session.PeerId, o.Request.PeerId));
                Assert.All(outcomes, o => Assert.Equal(session.GetKey(o.Request.InfoHash), o.Request.Key));
                Assert.All(hashes, h => Assert.NotNull(session.Schedule.LastAnnounce(_tracker.UdpAnnounce, h, session.PeerId)));

                // One peer id announcing one port per swarm at a time: the tracker lists us (same key) once per swarm.
                Assert.All(outcomes, o => Assert.True(o.Response!.Leechers >= 1));
            }
            finally
            {
                var stopper = new TorrentAnnouncer(TrackerClientFactory.CreateDefault(session), session, options);
                await stopper.AnnounceAsync(
                    new AnnounceTarget(hashes), tiers, new AnnounceTemplate { Event = TrackerEvent.Stopped }, CancellationToken.None);
            }
        }
    }
}
