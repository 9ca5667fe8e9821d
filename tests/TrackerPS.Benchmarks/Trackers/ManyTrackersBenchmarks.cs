using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using TrackerPS.Core.Metainfo;
using TrackerPS.Core.Trackers;

namespace TrackerPS.Benchmarks.Trackers
{
    /// <summary>
    /// One torrent announced to 50 trackers, 40 of which never answer, with a 2 s timeout and the default throttle
    /// (<see cref="TorrentAnnouncer.DefaultThrottleLimit"/>): the wall time should be about one timeout, not 40. The silent trackers are UDP
    /// sockets that are bound but never read (so the kernel sends no "port unreachable"); every fifth tracker is
    /// opentracker, over UDP and HTTP alternately, told apart by a query parameter.
    /// </summary>
    [Config(typeof(WallClockBenchmarkConfig))]
    public class ManyTrackersBenchmarks
    {
        public const int TrackerCount = 50;
        public const int LiveEvery = 5;
        public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

        private readonly List<Socket> _silent = new List<Socket>();
        private IReadOnlyList<IReadOnlyList<Uri>> _tiers = null!;
        private AnnounceTarget _target = null!;
        private TrackerSession _session = null!;

        [GlobalSetup]
        public void Setup()
        {
            var trackers = new List<Uri>();
            for (int i = 0; i < TrackerCount; i++)
            {
                if (i % LiveEvery == 0)
                {
                    Uri live = i % (2 * LiveEvery) == 0 ? TrackerEnvironment.Udp : TrackerEnvironment.Http;
                    trackers.Add(new Uri(live.AbsoluteUri + "?tracker=" + i));
                    continue;
                }

                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
                _silent.Add(socket);
                trackers.Add(new Uri("udp://127.0.0.1:" + ((IPEndPoint)socket.LocalEndPoint!).Port + "/announce"));
            }

            _tiers = TorrentAnnouncer.OneTierEach(trackers);
            _target = new AnnounceTarget(new InfoHash?[] { TrackerEnvironment.InfoHash });
            _session = new TrackerSession();
            int answered = AnnounceAll().GetAwaiter().GetResult();
            if (answered != TrackerCount / LiveEvery)
            {
                throw new InvalidOperationException($"{answered} trackers answered, expected {TrackerCount / LiveEvery}");
            }
        }

        [GlobalCleanup]
        public void Cleanup()
        {
            foreach (Socket socket in _silent)
            {
                socket.Dispose();
            }
        }

        [Benchmark]
        public Task<int> Announce50Trackers40Silent() => AnnounceAll();

        private async Task<int> AnnounceAll()
        {
            var announcer = new TorrentAnnouncer(
                TrackerClientFactory.CreateDefault(_session), _session, new TrackerClientOptions { Timeout = Timeout });
            IReadOnlyList<AnnounceOutcome> outcomes = await announcer.AnnounceAsync(
                _target, _tiers, TrackerEnvironment.Template(), CancellationToken.None).ConfigureAwait(false);
            return outcomes.Count(o => o.Response is not null);
        }
    }
}
