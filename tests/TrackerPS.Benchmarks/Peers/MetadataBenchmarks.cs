using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using TrackerPS.Core.Metainfo;
using TrackerPS.Core.PeerWire;
using TrackerPS.Core.PeerWire.Metadata;

namespace TrackerPS.Benchmarks.Peers
{
    /// <summary>
    /// Fetching the metadata of a 5,000-file torrent from one libtorrent seed (<c>tests/libtorrent/start.sh --many</c>,
    /// read from <c>TRACKERPS_LIBTORRENT_SEEDS</c>) against its floor: connecting to a plain loopback TCP server in a
    /// process of its own (<c>tcp-floor.py</c>, port in <c>TRACKERPS_TCP_FLOOR_PORT</c>) and reading the same number of
    /// bytes. The seed is another process too, so both pay the same scheduling between processes. Target: within 1.5×
    /// the floor's time. The same bytes from a server in this process (the floor before) are measured beside them.
    /// 3 warm-up and 100 measured iterations of one operation each; run-peers.sh runs this in several rounds.
    /// </summary>
    [Config(typeof(WallClockBenchmarkConfig))]
    [WarmupCount(3)]
    [IterationCount(100)]
    public class MetadataBenchmarks
    {
        private MetadataTarget _target = null!;
        private PeerAddress _seed = null!;
        private int _size;
        private IPEndPoint _processFloor = null!;
        private TcpListener _floor = null!;
        private CancellationTokenSource _stop = null!;

        [GlobalSetup]
        public void Setup()
        {
            string path = Environment.GetEnvironmentVariable("TRACKERPS_LIBTORRENT_SEEDS")
                ?? throw new InvalidOperationException("Start the seeds first: eval \"$(tests/libtorrent/start.sh --many)\"; export TRACKERPS_LIBTORRENT_SEEDS");
            JsonElement many = JsonDocument.Parse(File.ReadAllText(path)).RootElement.EnumerateArray().Single(e => e.GetProperty("name").GetString() == "many");
            _target = new MetadataTarget(InfoHash.Parse(many.GetProperty("info_hash_v1").GetString()!), null);
            _seed = PeerAddress.Parse($"127.0.0.1:{many.GetProperty("port").GetInt32()}");
            _size = many.GetProperty("metadata_size").GetInt32();
            string port = Environment.GetEnvironmentVariable("TRACKERPS_TCP_FLOOR_PORT")
                ?? throw new InvalidOperationException("Start the floor server first: python3 tests/TrackerPS.Benchmarks/tcp-floor.py SIZE (see run-peers.sh)");
            _processFloor = new IPEndPoint(IPAddress.Loopback, int.Parse(port, System.Globalization.CultureInfo.InvariantCulture));
            _stop = new CancellationTokenSource();
            _floor = new TcpListener(IPAddress.Loopback, 0);
            _floor.Start();
            _ = ServeAsync(new byte[_size]);
        }

        [GlobalCleanup]
        public void Cleanup()
        {
            _stop.Cancel();
            _floor.Stop();
        }

        [Benchmark(Baseline = true, Description = "floor: the same bytes from a plain loopback TCP server in another process")]
        public Task ProcessFloor() => ReadAsync(_processFloor);

        [Benchmark(Description = "the same bytes from a plain loopback TCP server in this process (the floor before)")]
        public Task InProcessFloor() => ReadAsync((IPEndPoint)_floor.LocalEndpoint);

        [Benchmark(Description = "Get-TorrentMetadata's MetadataFetcher: one libtorrent seed, 5,000 files")]
        public async Task Fetch()
        {
            var fetcher = new MetadataFetcher(new MetadataFetchOptions { Timeout = TimeSpan.FromSeconds(10) });
            byte[] info = await fetcher.FetchAsync(_target, new[] { _seed }, CancellationToken.None);
            if (info.Length != _size)
            {
                throw new InvalidOperationException($"Fetched {info.Length} bytes, expected {_size}.");
            }
        }

        private async Task ReadAsync(IPEndPoint server)
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync(server);
            var buffer = new byte[_size];
            int read = 0;
            while (read < _size)
            {
                int n = await socket.ReceiveAsync(buffer.AsMemory(read), SocketFlags.None);
                if (n == 0)
                {
                    throw new InvalidOperationException($"The floor server closed after {read} of {_size} bytes.");
                }

                read += n;
            }
        }

        private async Task ServeAsync(byte[] bytes)
        {
            while (!_stop.IsCancellationRequested)
            {
                Socket socket;
                try
                {
                    socket = await _floor.AcceptSocketAsync(_stop.Token);
                }
                catch (Exception) when (_stop.IsCancellationRequested)
                {
                    return;
                }

                using (socket)
                {
                    socket.NoDelay = true;
                    await socket.SendAsync(bytes, SocketFlags.None);
                }
            }
        }
    }
}
