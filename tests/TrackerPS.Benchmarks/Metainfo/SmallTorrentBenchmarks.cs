using System;
using System.Linq;
using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using TrackerPS.Core.Bencode;
using TrackerPS.Core.Metainfo;

namespace TrackerPS.Benchmarks.Metainfo
{
    /// <summary>
    /// Parse + v1 info-hash of 2,000 single-file torrents of ~30 KB (1,500 piece hashes each). One operation is one
    /// torrent, so the mean is the time per file (files per second = 1 s / mean). The baseline is SHA-1 alone over
    /// each torrent's <c>info</c> bytes: the part of the work no parser can skip.
    /// </summary>
    [Config(typeof(BenchmarkConfig))]
    public class SmallTorrentBenchmarks
    {
        private byte[][] _torrents = null!;
        private ArraySegment<byte>[] _infos = null!;

        [GlobalSetup]
        public void Setup()
        {
            _torrents = BenchmarkInputs.ReadSmallTorrents();
            _infos = _torrents.Select(t => ((BDictionary)BencodeDecoder.Decode(t).Root)["info"]!.RawBytes).ToArray();
        }

        [Benchmark(Baseline = true, OperationsPerInvoke = BenchmarkInputs.SmallTorrentCount)]
        public int Sha1OfSmallInfo()
        {
            int sum = 0;
            foreach (ArraySegment<byte> info in _infos)
            {
                sum += SHA1.HashData(info.AsSpan())[0];
            }

            return sum;
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
