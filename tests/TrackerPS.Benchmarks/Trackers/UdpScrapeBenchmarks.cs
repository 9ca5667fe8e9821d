using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using TrackerPS.Core.Metainfo;
using TrackerPS.Core.Trackers;
using TrackerPS.Core.Trackers.Udp;

namespace TrackerPS.Benchmarks.Trackers
{
    /// <summary>
    /// A UDP scrape (BEP 15 §scrape) of 1,000 info-hashes from opentracker on loopback, with a cached connection id,
    /// against its floor: 14 echo round trips one after another, each a datagram the size of a full 74-hash scrape
    /// request. The packets the scrape sends are counted once, in setup, through a counting relay, and written to the
    /// file named by <c>TRACKERPS_BENCH_PACKETS</c> (when set) for run-trackers.sh's table.
    /// </summary>
    [Config(typeof(BenchmarkConfig))]
    public class UdpScrapeBenchmarks
    {
        public const int InfoHashCount = 1000;

        /// <summary>Info-hashes per UDP scrape packet: 74 fit the 1,500-byte MTU (BEP 15 §scrape).</summary>
        public const int InfoHashesPerPacket = 74;

        /// <summary>A full scrape request: 16-byte header plus 20 bytes per info-hash.</summary>
        public const int FullPacketSize = 16 + (20 * InfoHashesPerPacket);

        public const int PacketCount = (InfoHashCount + InfoHashesPerPacket - 1) / InfoHashesPerPacket;

        public const string PacketsVariable = "TRACKERPS_BENCH_PACKETS";

        private UdpEchoClient _echoClient = null!;
        private UdpTrackerClient _client = null!;
        private ScrapeRequest _request = null!;

        [GlobalSetup]
        public void Setup()
        {
            _echoClient = new UdpEchoClient(FullPacketSize);
            _request = new ScrapeRequest { Tracker = TrackerEnvironment.Udp, InfoHashes = TestInfoHashes() };
            CountPackets();

            // Scrapes once, so every measured scrape uses the cached connection id (BEP 15 §connect).
            _client = new UdpTrackerClient(new TrackerClientOptions { Timeout = TimeSpan.FromSeconds(5) });
            _client.ScrapeAsync(_request, CancellationToken.None).GetAwaiter().GetResult();
        }

        [GlobalCleanup]
        public void Cleanup()
        {
            _client.Dispose();
            _echoClient.Dispose();
        }

        [Benchmark(Baseline = true)]
        public async Task<int> EchoFloor14Sequential()
        {
            int received = 0;
            for (int i = 0; i < PacketCount; i++)
            {
                received += await _echoClient.RoundTripsAsync(1).ConfigureAwait(false);
            }

            return received;
        }

        [Benchmark]
        public async Task<int> UdpScrape1000() => (await _client.ScrapeAsync(_request, CancellationToken.None).ConfigureAwait(false)).Results.Count;

        /// <summary>One scrape through a counting relay with a fresh client: its connect plus the scrape packets.</summary>
        private void CountPackets()
        {
            Uri tracker = TrackerEnvironment.Udp;
            using var relay = new UdpCountingRelay(new IPEndPoint(IPAddress.Parse(tracker.Host), tracker.Port));
            using var client = new UdpTrackerClient(new TrackerClientOptions { Timeout = TimeSpan.FromSeconds(5) });
            var request = new ScrapeRequest { Tracker = new Uri($"udp://127.0.0.1:{relay.EndPoint.Port}/announce"), InfoHashes = _request.InfoHashes };
            IReadOnlyList<ScrapeResult> results = client.ScrapeAsync(request, CancellationToken.None).GetAwaiter().GetResult().Results;
            if (results.Count != InfoHashCount)
            {
                throw new InvalidOperationException($"the scrape returned {results.Count} results, expected {InfoHashCount}");
            }

            string counts = $"{relay.Sent} {relay.Received}";
            Console.WriteLine($"// UDP scrape of {InfoHashCount} info-hashes: {relay.Sent} packets sent, {relay.Received} received");
            string? file = Environment.GetEnvironmentVariable(PacketsVariable);
            if (!string.IsNullOrEmpty(file))
            {
                File.WriteAllText(file, counts);
            }
        }

        /// <summary>SHA-1 of "trackerps-test-N" for N = 0..999: the scrape range of tests/opentracker/whitelist.</summary>
        private static InfoHash[] TestInfoHashes()
        {
            using SHA1 sha1 = SHA1.Create();
            return Enumerable.Range(0, InfoHashCount)
                .Select(n => new InfoHash(sha1.ComputeHash(Encoding.ASCII.GetBytes("trackerps-test-" + n))))
                .ToArray();
        }
    }
}
