using System;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using TrackerPS.Core.Metainfo;
using TrackerPS.Core.PeerWire;

namespace TrackerPS.Benchmarks.Peers
{
    /// <summary>
    /// Probing 1,000 loopback peers (<see cref="PeerProber"/>, 64 at a time) against its floor: 1,000 plain TCP
    /// connects with Nagle off, each sending 68 bytes and reading 68 back, 64 at a time, to the same peers. Target: the
    /// probe within 1.5× the floor's time.
    /// </summary>
    [Config(typeof(WallClockBenchmarkConfig))]
    public class PeerProbeBenchmarks
    {
        private const int PeerCount = 1000;
        private const int Concurrency = 64;
        private static readonly InfoHash s_hash = InfoHash.Parse("0123456789abcdef0123456789abcdef01234567");
        private LoopbackPeers _peers = null!;
        private PeerProbeTarget[] _targets = null!;

        [GlobalSetup]
        public void Setup()
        {
            _peers = new LoopbackPeers(PeerCount);
            _targets = _peers.Ports.Select(p => new PeerProbeTarget(PeerAddress.Parse($"127.0.0.1:{p}"), s_hash, null)).ToArray();
        }

        [GlobalCleanup]
        public void Cleanup() => _peers.Dispose();

        [Benchmark(Baseline = true, Description = "floor: 1,000 TCP connects + one 68-byte round trip, 64 at a time")]
        public async Task Floor()
        {
            using var throttle = new SemaphoreSlim(Concurrency);
            byte[] handshake = new PeerHandshake(PeerFeatures.None, s_hash, new byte[20]).Encode();
            await Task.WhenAll(_peers.Ports.Select(async port =>
            {
                await throttle.WaitAsync();
                try
                {
                    using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                    await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port));
                    await socket.SendAsync(handshake, SocketFlags.None);
                    var reply = new byte[68];
                    int read = 0;
                    while (read < reply.Length)
                    {
                        read += await socket.ReceiveAsync(reply.AsMemory(read), SocketFlags.None);
                    }
                }
                finally
                {
                    throttle.Release();
                }
            }));
        }

        [Benchmark(Description = "Test-TorrentPeer's PeerProber: 1,000 peers, 64 at a time")]
        public async Task Probe()
        {
            var prober = new PeerProber("-TP0100-benchmark000"u8.ToArray(), "TrackerPS/bench", TimeSpan.FromSeconds(10), Concurrency);
            var probes = await prober.ProbeAllAsync(_targets, CancellationToken.None);
            if (probes.Any(p => !p.IsReachable || p.HasAll != false))
            {
                throw new InvalidOperationException("A loopback peer did not answer: " + probes.First(p => !p.IsReachable).Error);
            }
        }
    }
}
