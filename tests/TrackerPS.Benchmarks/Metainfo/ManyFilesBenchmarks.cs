using BenchmarkDotNet.Attributes;
using TrackerPS.Core.Bencode;
using TrackerPS.Core.Metainfo;

namespace TrackerPS.Benchmarks.Metainfo
{
    /// <summary>
    /// One 5.5 MB torrent with 50,000 files. Bencode decoding alone is measured too, to show how the time splits
    /// between the decoder and the metainfo reader.
    /// </summary>
    [Config(typeof(BenchmarkConfig))]
    public class ManyFilesBenchmarks
    {
        private byte[] _torrent = null!;

        [GlobalSetup]
        public void Setup()
        {
            _torrent = BenchmarkInputs.Read("files50k.torrent");
        }

        [Benchmark(Baseline = true)]
        public int Read50kFiles() => TorrentReader.Read(_torrent, null).FileCount;

        [Benchmark]
        public int Decode50kFiles() => BencodeDecoder.Decode(_torrent).Warnings.Count;
    }
}
