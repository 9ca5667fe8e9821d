using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TrackerPS.Core.Metainfo;
using TrackerPS.Core.Trackers;
using Xunit;
using static TrackerPS.Core.Tests.Trackers.Announce.AnnounceTestData;

namespace TrackerPS.Core.Tests.Trackers.Announce
{
    /// <summary>One <see cref="TrackerSession"/> shared by many announces on many threads at once.</summary>
    public sealed class AnnounceConcurrencyTests
    {
        private const int Workers = 16;
        private const int AnnouncesPerWorker = 20;
        private const int Hashes = 4;
        private const int TrackerCount = 3;

        [Fact]
        public async Task SharedSessionStaysConsistentUnderConcurrentAnnounces()
        {
            var clock = new FakeClock();
            var session = new TrackerSession(clock.GetNow);
            InfoHash[] hashes = Enumerable.Range(0, Hashes).Select(i => Hash(i)).ToArray();
            Uri[] trackers = Enumerable.Range(0, TrackerCount).Select(i => new Uri($"http://127.0.0.1:{7000 + i}/announce")).ToArray();
            int answers = 0;
            var client = new FakeTrackerClient(async (request, _) =>
            {
                await Task.Yield();
                int n = Interlocked.Increment(ref answers);
                return new AnnounceResponse
                {
                    Tracker = request.Tracker,
                    InfoHash = request.InfoHash.ToHex(),
                    MinInterval = TimeSpan.FromMinutes(5),
                    TrackerId = $"{request.Tracker.Port}-{n}",
                };
            });
            var outcomes = new ConcurrentBag<AnnounceOutcome>();

            await Task.WhenAll(Enumerable.Range(0, Workers).Select(worker => Task.Run(async () =>
            {
                for (int i = 0; i < AnnouncesPerWorker; i++)
                {
                    var target = new AnnounceTarget(new[] { hashes[(worker + i) % Hashes] });
                    foreach (AnnounceOutcome outcome in await Announcer(client, session).AnnounceAsync(
                        target, TorrentAnnouncer.OneTierEach(trackers), new AnnounceTemplate { Force = true }, CancellationToken.None))
                    {
                        outcomes.Add(outcome);
                    }
                }
            })));

            Assert.Equal(Workers * AnnouncesPerWorker * TrackerCount, outcomes.Count);
            Assert.All(outcomes, o => Assert.Equal(AnnounceOutcomeKind.Answered, o.Kind));
            AnnounceRequest[] requests = client.Requests.ToArray();
            Assert.Single(requests.Select(r => Convert.ToHexString(r.PeerId)).Distinct());
            Assert.Equal(session.PeerId, requests[0].PeerId);
            foreach (InfoHash hash in hashes)
            {
                Assert.Single(requests.Where(r => r.InfoHash.Equals(hash)).Select(r => r.Key).Distinct());
                Assert.Equal(session.GetKey(hash), requests.First(r => r.InfoHash.Equals(hash)).Key);
            }

            Assert.Equal(hashes.Length, requests.Select(r => r.Key).Distinct().Count());
            foreach (Uri tracker in trackers)
            {
                // The remembered tracker id is one this tracker really sent.
                Assert.StartsWith($"{tracker.Port}-", session.GetTrackerId(tracker));
                foreach (InfoHash hash in hashes)
                {
                    Assert.Equal(clock.Now, session.Schedule.LastAnnounce(tracker, hash, session.PeerId));
                    Assert.Equal(clock.Now + TimeSpan.FromMinutes(5), session.GetNextAnnounceTime(tracker, hash));
                }
            }
        }

        [Fact]
        public async Task WithoutForceConcurrentRepeatsAreSkippedNotLost()
        {
            var session = new TrackerSession(new FakeClock().GetNow);
            var client = new FakeTrackerClient((request, _) => Task.FromResult(new AnnounceResponse
            {
                Tracker = request.Tracker,
                InfoHash = request.InfoHash.ToHex(),
                MinInterval = TimeSpan.FromMinutes(5),
            }));
            var outcomes = new ConcurrentBag<AnnounceOutcome>();

            Parallel.For(0, Workers, _ =>
            {
                for (int i = 0; i < AnnouncesPerWorker; i++)
                {
                    foreach (AnnounceOutcome outcome in Announcer(client, session)
                        .AnnounceAsync(V1Target, SingleTrackerTiers(1), new AnnounceTemplate(), CancellationToken.None).GetAwaiter().GetResult())
                    {
                        outcomes.Add(outcome);
                    }
                }
            });

            // Each announce either went out or was skipped; every one that went out is a request, and once the
            // first answer is recorded the rest are skipped.
            Assert.Equal(Workers * AnnouncesPerWorker, outcomes.Count);
            Assert.Equal(client.Requests.Count, outcomes.Count(o => o.Kind == AnnounceOutcomeKind.Answered));
            Assert.InRange(client.Requests.Count, 1, Workers);
            Assert.All(outcomes.Where(o => o.Kind == AnnounceOutcomeKind.Skipped), o => Assert.NotNull(o.NotBefore));
        }

        private static InfoHash Hash(int n) => new InfoHash(System.Security.Cryptography.SHA1.HashData(BitConverter.GetBytes(n)));
    }
}
