using System;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using TrackerPS.Core.Bencode;
using TrackerPS.Core.Magnet;
using TrackerPS.Core.Metainfo;
using Xunit;
using static TrackerPS.Core.Tests.Metainfo.TestTorrent;

namespace TrackerPS.Core.Tests.Metainfo
{
    /// <summary>
    /// Output computed on first read instead of up front (v1 <c>RawPath</c>, <c>MagnetUri</c>, the info-hashes) and the reused
    /// per-thread hashers must give exactly what eager computation gave.
    /// </summary>
    public sealed class OnDemandOutputTests
    {
        private static readonly byte[] s_latin1Cafe = { 0x63, 0x61, 0x66, 0xE9 };

        [Fact]
        public void RawPath_OfEveryV1File_IsTheBytesOfItsPathElements()
        {
            byte[][][] paths =
            {
                new[] { Encoding.UTF8.GetBytes("a") },
                new[] { Encoding.UTF8.GetBytes("dir"), s_latin1Cafe, Array.Empty<byte>() },
                new[] { Encoding.UTF8.GetBytes("emoji-\U0001F600"), new byte[] { 0, 0xFF, (byte)'e', (byte)':' } },
            };
            BValue[] files = paths
                .Select(p => (BValue)Dict(("length", Int(5)), ("path", List(p.Select(e => (BValue)Str(e)).ToArray()))))
                .ToArray();
            BDictionary info = MultiFileInfo((new[] { "x" }, 15)).With("files", List(files));

            TorrentInfo torrent = TorrentReader.Read(Torrent(info), "x.torrent");

            Assert.Equal(paths.Length, torrent.Files.Length);
            for (int i = 0; i < paths.Length; i++)
            {
                Assert.Equal(paths[i], torrent.Files[i].RawPath);
                Assert.Same(torrent.Files[i].RawPath, torrent.Files[i].RawPath);
            }
        }

        [Fact]
        public void RawPath_OfANonCanonicalPath_IsStillTheElementBytes()
        {
            // A leading zero in a string length is accepted (with a warning) in lenient mode; the raw path decodes it too.
            byte[] data = Encoding.ASCII.GetBytes("d4:infod5:filesld6:lengthi5e4:pathl03:abc1:deee4:name4:root12:piece lengthi16384e6:pieces20:"
                + new string('\0', 20) + "ee");

            TorrentInfo torrent = TorrentReader.Read(data, "x.torrent");

            Assert.Equal("abc/d", torrent.Files.Single().Path);
            Assert.Equal(new[] { Encoding.ASCII.GetBytes("abc"), Encoding.ASCII.GetBytes("d") }, torrent.Files.Single().RawPath);
            Assert.Contains(torrent.Warnings, w => w.Contains("leading zero", StringComparison.Ordinal));
        }

        [Fact]
        public async Task RawPath_ReadOnManyThreadsAtOnce_IsOneInstance()
        {
            TorrentFile file = TorrentReader.Read(Torrent(MultiFileInfo((new[] { "dir", "f" }, 5))), "x.torrent").Files.Single();

            byte[][][] seen = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => file.RawPath)));

            Assert.All(seen, raw => Assert.Same(seen[0], raw));
            Assert.Equal(new[] { Encoding.ASCII.GetBytes("dir"), Encoding.ASCII.GetBytes("f") }, seen[0]);
        }

        [Fact]
        public void TorrentFile_BuiltInCode_KeepsItsRawPathOrDefaultsToEmpty()
        {
            byte[][] raw = { new byte[] { 1, 2 } };

            Assert.Empty(new TorrentFile().RawPath);
            Assert.Same(raw, new TorrentFile { RawPath = raw }.RawPath);
        }

        [Fact]
        public void MagnetUri_OfAReadTorrent_IsTheFormatterOutputForItsFields()
        {
            byte[] data = Torrent(
                SingleFileInfo(name: "name with spaces & é"),
                ("announce-list", List(List(Str("http://a.example/announce")), List(Str("udp://b.example:80")))),
                ("url-list", Str("http://seed.example/x")));

            TorrentInfo torrent = TorrentReader.Read(data, "x.torrent");

            string expected = MagnetUriFormatter.Format(
                InfoHash.Parse(torrent.InfoHashV1!), null, torrent.Name, null, torrent.Tracker, torrent.WebSeeds);
            Assert.Equal(expected, torrent.MagnetUri);
            Assert.Same(torrent.MagnetUri, torrent.MagnetUri);
            Assert.StartsWith("magnet:?xt=urn:btih:" + torrent.InfoHashV1 + "&dn=name%20with%20spaces%20%26%20%C3%A9&tr=", torrent.MagnetUri, StringComparison.Ordinal);
        }

        [Fact]
        public void MagnetUri_OfATorrentInfoBuiltInCode_IsWhatWasSetOrEmpty()
        {
            Assert.Equal(string.Empty, new TorrentInfo { InfoHashV1 = new string('a', 40) }.MagnetUri);
            Assert.Equal("magnet:?x", new TorrentInfo { MagnetUri = "magnet:?x" }.MagnetUri);
        }

        [Theory]
        [InlineData("v1-single.torrent", TorrentVersion.V1)]
        [InlineData("v2-only.torrent", TorrentVersion.V2)]
        [InlineData("hybrid.torrent", TorrentVersion.Hybrid)]
        public void InfoHashes_OfAReadTorrent_AreHashedOnFirstRead_AsTheOracleGives(string fixture, TorrentVersion version)
        {
            TorrentInfo torrent = TorrentReader.ReadFile(Oracle.FixturePath(fixture));
            OnDemandInfoHashes hashes = torrent.InfoHashesOnDemand!;

            Assert.False(hashes.IsComputed);
            Assert.True(hashes.HoldsBytes);
            Assert.Equal(version, torrent.Version);
            Assert.Equal(Oracle.Fixtures[fixture].InfoHashV1, torrent.InfoHashV1);
            Assert.True(hashes.IsComputed);
            Assert.False(hashes.HoldsBytes);
            Assert.Equal(Oracle.Fixtures[fixture].InfoHashV2, torrent.InfoHashV2);
            Assert.Equal(torrent.InfoHashV1 ?? torrent.InfoHashV2!.Substring(0, 40), torrent.InfoHash);
            Assert.Same(torrent.InfoHash, torrent.InfoHash);
        }

        [Fact]
        public async Task InfoHashes_ReadOnManyThreadsAtOnce_AreOneInstance()
        {
            TorrentInfo torrent = TorrentReader.ReadFile(Oracle.FixturePath("hybrid.torrent"));

            (string, string?, string?)[] seen = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => (torrent.InfoHash, torrent.InfoHashV1, torrent.InfoHashV2))));

            Assert.All(seen, s => Assert.Same(seen[0].Item1, s.Item1));
            Assert.All(seen, s => Assert.Same(seen[0].Item3, s.Item3));
            Assert.Equal(Oracle.Fixtures["hybrid.torrent"].InfoHashV2, seen[0].Item3);
        }

        [Fact]
        public void InfoHashes_OfATorrentInfoBuiltInCode_AreWhatWasSet()
        {
            var torrent = new TorrentInfo { InfoHash = "a", InfoHashV1 = "b", InfoHashV2 = "c" };

            Assert.Null(torrent.InfoHashesOnDemand);
            Assert.Equal(("a", "b", "c"), (torrent.InfoHash, torrent.InfoHashV1, torrent.InfoHashV2));
            Assert.Equal(string.Empty, new TorrentInfo().InfoHash);
        }

        [Fact]
        public async Task InfoHashes_ComputedOnManyThreadsAtOnce_MatchOneShotHashing()
        {
            byte[][] inputs = Enumerable.Range(0, 64).Select(i => Enumerable.Range(0, 1000 + i).Select(b => (byte)(b * i)).ToArray()).ToArray();

            Task<(string V1, string V2)>[] hashing = inputs
                .Select(input => Task.Run(() => (
                    InfoHashComputer.V1(new ArraySegment<byte>(input, 3, input.Length - 3)).ToHex(),
                    InfoHashComputer.V2(new ArraySegment<byte>(input, 3, input.Length - 3)).ToHex())))
                .ToArray();
            (string V1, string V2)[] results = await Task.WhenAll(hashing);

            for (int i = 0; i < inputs.Length; i++)
            {
                Assert.Equal(Convert.ToHexStringLower(SHA1.HashData(inputs[i].AsSpan(3))), results[i].V1);
                Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(inputs[i].AsSpan(3))), results[i].V2);
            }
        }
    }
}
