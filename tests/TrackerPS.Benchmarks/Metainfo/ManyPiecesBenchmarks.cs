using System;
using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using TrackerPS.Core.Bencode;
using TrackerPS.Core.Metainfo;

namespace TrackerPS.Benchmarks.Metainfo
{
    /// <summary>
    /// One torrent with 1,000,000 pieces (20 MB <c>pieces</c>): parse + v1 info-hash against the floor, SHA-1 alone
    /// over the same <c>info</c> bytes. Target: at most 2x the floor's time, allocating at most 2x the input size.
    /// </summary>
    [Config(typeof(BenchmarkConfig))]
    public class ManyPiecesBenchmarks
    {
        private byte[] _torrent = null!;
        private ArraySegment<byte> _info;

        [GlobalSetup]
        public void Setup()
        {
            _torrent = BenchmarkInputs.Read("pieces1m.torrent");
            _info = ((BDictionary)BencodeDecoder.Decode(_torrent).Root)["info"]!.RawBytes;
        }

        [Benchmark(Baseline = true)]
        public byte Sha1OfInfo() => SHA1.HashData(_info.AsSpan())[0];

        [Benchmark]
        public long Read1mPieces() => TorrentReader.Read(_torrent, null).PieceCount;
    }
}
