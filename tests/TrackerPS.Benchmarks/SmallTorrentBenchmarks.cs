using BenchmarkDotNet.Attributes;
using TrackerPS.Core.Metainfo;

namespace TrackerPS.Benchmarks
{
    /// <summary>
    /// Parse + v1 info-hash of 2,000 single-file torrents of ~30 KB (1,500 piece hashes each). One operation is one
    /// torrent, so the mean is the time per file (files per second = 1 s / mean).
    /// </summary>
    [Config(typeof(BenchmarkConfig))]
    public class SmallTorrentBenchmarks
    {
        private byte[][] _torrents = null!;

        [GlobalSetup]
        public void Setup()
        {
            _torrents = BenchmarkInputs.ReadSmallTorrents();
        }

        [Benchmark(OperationsPerInvoke = BenchmarkInputs.SmallTorrentCount)]
        public long ReadSmall()
        {
            long pieces = 0;
            foreach (byte[] torrent in _torrents)
            {
                pieces += TorrentReader.Read(torrent, null).PieceCount;
            }

            return pieces;
        }
    }
}
