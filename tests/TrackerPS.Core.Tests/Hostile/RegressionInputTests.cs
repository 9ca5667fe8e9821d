using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using TrackerPS.Core.Bencode;
using TrackerPS.Core.Metainfo;
using TrackerPS.Core.Tests.Metainfo;
using TrackerPS.Core.Trackers;
using TrackerPS.Core.Trackers.Http;
using Xunit;

namespace TrackerPS.Core.Tests.Hostile
{
    /// <summary>The five ways fuzzing broke TrackerPS.Core (issue 10), each replayed from tests/data/regression or a generator.</summary>
    public sealed class RegressionInputTests
    {
        private static readonly AnnounceRequest s_request = new AnnounceRequest
        {
            Tracker = new Uri("http://t.example/announce"),
            InfoHash = new InfoHash(new byte[20]),
        };

        private static byte[] Regression(string name) => File.ReadAllBytes(Path.Combine(Oracle.DataDirectory, "regression", name));

        [Fact]
        public void Utf7EncodingIsAParseErrorOfThatFileNotAnUnexpectedException()
        {
            // Encoding.GetEncoding("utf-7") throws NotSupportedException on .NET 5+, which the reader did not catch.
            MetainfoException error = Assert.Throws<MetainfoException>(() => TorrentReader.Read(Regression("utf7-encoding.torrent"), "bad.torrent"));

            Assert.Contains("'info.name' is missing", error.Message);
            Assert.Null(error.InnerException);
        }

        [Fact]
        public void Utf7EncodingInAValidTorrentIsAWarningAndNamesAreReadAsUtf8()
        {
            TorrentInfo torrent = TorrentReader.Read(Regression("utf7-encoding-valid.torrent"), "utf7.torrent");

            Assert.Equal("a.bin", torrent.Name);
            Assert.Contains(torrent.Warnings, w => w.Contains("'encoding' 'UTF-7' is not available; names are decoded as UTF-8"));
        }

        [Fact]
        public void DictionaryPeerWithAnIPv6PrefixLengthIsSkippedWithAWarning()
        {
            // Uri.CheckHostName("::1/64") says IPv6 but IPAddress.Parse throws FormatException: it ended the whole announce.
            AnnounceResponse response = HttpAnnounceResponseParser.Parse(Regression("peer-ipv6-prefix.bencode"), s_request, 200, TimeSpan.Zero);

            Peer peer = Assert.Single(response.Peers);
            Assert.Equal("127.0.0.1", peer.IPAddress);
            Assert.Equal(6882, peer.Port);
            Assert.Contains("'peers' entry 0 has 'ip' '::1/64', which is not an IP address; ignored", response.Warnings);
        }

        [Fact]
        public void FileTreeRepeatingALongDirectoryNameAllocatesInProportionToTheInput()
        {
            // Issue 10's input: 64 KB that allocated 375 MiB, because each file rebuilt the whole path and its labels.
            byte[] data = HostileInputs.FileTreeAmplification(nameLength: 30_000, files: 1_304);

            AllocationBound.AtMost(AllocationBound.Factor, data.Length, () => TorrentReader.Read(data, "tree.torrent"));
        }

        [Fact]
        public void FileTreePathsAreJoinedWhenReadAndStillRight()
        {
            TorrentInfo torrent = TorrentReader.Read(HostileInputs.FileTreeAmplification(nameLength: 300, files: 3), "tree.torrent");

            string directory = new string('a', 300);
            Assert.Equal(new[] { directory + "/f0000000", directory + "/f0000001", directory + "/f0000002", directory + "/z" }, torrent.Files.Select(f => f.Path));
            Assert.Equal(new[] { directory, "z" }, torrent.Files[3].RawPath.Select(e => System.Text.Encoding.ASCII.GetString(e)));
            Assert.Same(torrent.Files[0].Path, torrent.Files[0].Path);
        }

        [Fact]
        public void WebSeedsAreDeDuplicatedInFileOrder()
        {
            // 25,000 URLs once took 2 s (each URL compared with every kept one); the de-duplication now sorts.
            byte[] data = HostileInputs.ManyWebSeeds(25_000);

            TorrentInfo torrent = TorrentReader.Read(data, "seeds.torrent");

            Assert.Equal(25_000, torrent.WebSeeds.Length);
            Assert.Equal(25_000, torrent.HttpSeeds.Length);
            Assert.Equal("http://s.example/0", torrent.WebSeeds[0].OriginalString);
            Assert.Equal("http://s.example/24999", torrent.WebSeeds[24_999].OriginalString);
        }

        [Theory]
        [InlineData(25_000)]
        [InlineData(50_000)]
        public void WebSeedDeDuplicationComparesAtMostNLog2NTimes(int urls)
        {
            // Deterministic, unlike the time: the old check compared each URL with every one kept before it, n(n-1)/2
            // comparisons (312,487,500 for 25,000 URLs; 2 s); sorting makes it at most 2n·⌈log2 n⌉ + n (775,000; 431,984 measured).
            var root = (BDictionary)BencodeDecoder.Decode(HostileInputs.ManyWebSeeds(urls)).Root;
            var comparer = new CountingComparer();

            Uri[] seeds = MetainfoUri.ReadList(root, "url-list", MetainfoUri.WebSeedSchemes, new MetainfoContext(null, new TorrentReadOptions()), comparer);

            Assert.Equal(urls, seeds.Length);
            long bound = (2L * (long)Math.Ceiling(Math.Log(urls, 2)) * urls) + urls;
            Assert.InRange(comparer.Comparisons, urls - 1, bound);
        }

        [Fact]
        public void RepeatedWebSeedsKeepTheFirstOfEach()
        {
            byte[] data = new HostileBencode().Raw("d").Str("info").Raw("d").Str("length").Int(1).Str("name").Str("a")
                .Str("piece length").Int(16384).Str("pieces").Str(new byte[20]).Raw("e")
                .Str("url-list").StrList(new[] { "http://b/", "http://a/", "http://b/", "http://c/", "http://a/" }).Raw("e").ToArray();

            TorrentInfo torrent = TorrentReader.Read(data, "seeds.torrent");

            Assert.Equal(new[] { "http://b/", "http://a/", "http://c/" }, torrent.WebSeeds.Select(u => u.OriginalString));
        }

        [Fact]
        public void KeysCollidingUnderUnseededFnv1aSpreadUnderBStringsHash()
        {
            var keys = FnvCollisions.Keys(blocks: 10);

            // The generator's own check: every key has the same unseeded FNV-1a hash, the hash BString used to have.
            Assert.Single(keys.Select(FnvCollisions.Hash).Distinct());
            Assert.Equal(keys.Count, keys.Select(k => Convert.ToBase64String(k)).Distinct().Count());

            int distinct = keys.Select(k => new BString(k).GetHashCode()).Distinct().Count();
            Assert.True(distinct > keys.Count * 9 / 10, $"{distinct} distinct hash codes for {keys.Count} keys");
        }

        [Fact]
        public void UnsortedDictionaryOfCollidingKeysDecodesInProportionToTheInput()
        {
            // 2^14 keys of 56 bytes (about 1 MB, under the 1 MiB-ish tracker reply cap), in reverse order so every key is out of order.
            byte[] data = HostileInputs.Dictionary(FnvCollisions.Keys(blocks: 14).AsEnumerable().Reverse());

            AllocationBound.AtMost(AllocationBound.Factor, data.Length, () => BencodeDecoder.Decode(data));
            BencodeDocument document = BencodeDecoder.Decode(data);
            Assert.Equal(1 << 14, ((BDictionary)document.Root).Count);
            Assert.Single(document.Warnings);
        }

        [Fact]
        public void WarningsStopAtTheCapWithOneLineCountingTheRest()
        {
            // Issue 10: 1 MB of non-canonical integers gave 333,000 warnings and 80 MiB.
            TorrentInfo torrent = TorrentReader.Read(HostileInputs.NonCanonicalFlood(1_000), "flood.torrent");

            Assert.Equal(WarningList.MaxWarnings + 1, torrent.Warnings.Length);
            Assert.All(torrent.Warnings.Take(WarningList.MaxWarnings), w => Assert.EndsWith("integer has a leading zero", w));
            Assert.Equal("900 more warning(s) were dropped (only the first 100 are kept)", torrent.Warnings[^1]);
        }

        [Fact]
        public void WarningsUnderTheCapAreAllKeptWithNoCountLine()
        {
            TorrentInfo torrent = TorrentReader.Read(HostileInputs.NonCanonicalFlood(WarningList.MaxWarnings), "flood.torrent");

            Assert.Equal(WarningList.MaxWarnings, torrent.Warnings.Length);
            Assert.DoesNotContain(torrent.Warnings, w => w.Contains("dropped"));
        }

        /// <summary>Ordinal comparison that counts its calls.</summary>
        private sealed class CountingComparer : IComparer<string>
        {
            public long Comparisons { get; private set; }

            public int Compare(string? x, string? y)
            {
                Comparisons++;
                return string.CompareOrdinal(x, y);
            }
        }
    }
}
