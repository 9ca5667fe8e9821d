using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using TrackerPS.Core.Bencode;
using TrackerPS.Core.Metainfo;
using Xunit;

namespace TrackerPS.Core.Tests.Metainfo
{
    /// <summary>Every fixture in tests/data/oracle.json, read by TorrentReader and compared with what libtorrent reports.</summary>
    public sealed class OracleFixtureTests
    {
        /// <summary>Fixtures that are deliberately not clean, and the one warning each must produce.</summary>
        private static readonly Dictionary<string, string> s_expectedWarnings = new Dictionary<string, string>
        {
            ["unsorted-info.torrent"] = "dictionary keys are not sorted: 'name' after 'pieces'",
            ["creation-date-ms.torrent"] = "'creation date' 1700000000123 is read as milliseconds, not seconds",
        };

        public static IEnumerable<object[]> FixtureNames() => Oracle.Fixtures.Keys.Select(name => new object[] { name });

        [Fact]
        public void OracleCoversEveryFixtureFile()
        {
            string[] files = System.IO.Directory.GetFiles(Oracle.DataDirectory, "*.torrent").Select(System.IO.Path.GetFileName).ToArray()!;

            Assert.Equal(files.OrderBy(f => f, StringComparer.Ordinal), Oracle.Fixtures.Keys.OrderBy(f => f, StringComparer.Ordinal));
        }

        [Theory]
        [MemberData(nameof(FixtureNames))]
        public void Hashes_Name_Sizes_AndPieces_MatchLibtorrent(string fixture)
        {
            OracleFixture expected = Oracle.Fixtures[fixture];

            TorrentInfo torrent = TorrentReader.ReadFile(Oracle.FixturePath(fixture));

            Assert.Equal(Oracle.FixturePath(fixture), torrent.Path);
            Assert.Equal(expected.InfoHashV1, torrent.InfoHashV1);
            Assert.Equal(expected.InfoHashV2, torrent.InfoHashV2);
            Assert.Equal(expected.InfoHashV1 ?? expected.InfoHashV2!.Substring(0, 40), torrent.InfoHash);
            TorrentVersion version = expected.InfoHashV2 is null ? TorrentVersion.V1 : expected.InfoHashV1 is null ? TorrentVersion.V2 : TorrentVersion.Hybrid;
            Assert.Equal(version, torrent.Version);
            Assert.Equal(expected.Name, torrent.Name);
            Assert.Equal(expected.Name, System.Text.Encoding.UTF8.GetString(torrent.NameBytes));
            Assert.Equal(expected.TotalSizeExcludingPads, torrent.TotalSize);
            Assert.Equal(expected.PieceLength, torrent.PieceLength);
            Assert.Equal(expected.NumPieces, torrent.PieceCount);
            Assert.Equal(expected.NumFilesExcludingPads, torrent.FileCount);
            Assert.False(torrent.HasUnsafePath);
        }

        [Theory]
        [MemberData(nameof(FixtureNames))]
        public void Files_MatchLibtorrent_WithoutPadFiles(string fixture)
        {
            OracleFixture expected = Oracle.Fixtures[fixture];

            TorrentInfo torrent = TorrentReader.ReadFile(Oracle.FixturePath(fixture));

            AssertFiles(expected.Files.Where(f => !f.Pad), torrent.Files);
            Assert.Equal(torrent.FileCount, torrent.Files.Length);
        }

        [Theory]
        [MemberData(nameof(FixtureNames))]
        public void Files_MatchLibtorrent_WithPadFiles(string fixture)
        {
            OracleFixture expected = Oracle.Fixtures[fixture];

            TorrentInfo torrent = TorrentReader.ReadFile(Oracle.FixturePath(fixture), new TorrentReadOptions { IncludePadFiles = true });

            // libtorrent synthesises pad files for a v2-only torrent; the file itself has none, so we list none.
            IEnumerable<OracleFile> files = expected.InfoHashV1 is null ? expected.Files.Where(f => !f.Pad) : expected.Files;
            AssertFiles(files, torrent.Files);
            Assert.Equal(expected.TotalSizeExcludingPads, torrent.TotalSize);
        }

        [Theory]
        [MemberData(nameof(FixtureNames))]
        public void Trackers_MatchLibtorrentPerTier_InFileOrder(string fixture)
        {
            OracleFixture expected = Oracle.Fixtures[fixture];

            TorrentInfo torrent = TorrentReader.ReadFile(Oracle.FixturePath(fixture));

            // libtorrent shuffles URLs within a tier (BEP 12), so compare each tier as a set ...
            string[][] expectedTiers = expected.Trackers.GroupBy(t => t.Tier).OrderBy(g => g.Key)
                .Select(g => g.Select(t => t.Url).OrderBy(u => u, StringComparer.Ordinal).ToArray()).ToArray();
            Assert.Equal(expectedTiers, torrent.TrackerTiers.Select(tier => tier.Select(u => u.OriginalString).OrderBy(u => u, StringComparer.Ordinal).ToArray()).ToArray());
            // ... and check the order against the file itself.
            Assert.Equal(TiersInFile(fixture), torrent.TrackerTiers.Select(tier => tier.Select(u => u.OriginalString).ToArray()).ToArray());
            Assert.Equal(torrent.TrackerTiers.SelectMany(t => t), torrent.Tracker);
            Assert.Equal(expected.WebSeeds, torrent.WebSeeds.Select(u => u.OriginalString));
            Assert.Equal(expected.HttpSeeds, torrent.HttpSeeds.Select(u => u.OriginalString));
        }

        [Theory]
        [MemberData(nameof(FixtureNames))]
        public void DescriptiveFields_MatchLibtorrent(string fixture)
        {
            OracleFixture expected = Oracle.Fixtures[fixture];

            TorrentInfo torrent = TorrentReader.ReadFile(Oracle.FixturePath(fixture));

            Assert.Equal(expected.Priv, torrent.IsPrivate);
            Assert.Equal(expected.Creator, torrent.CreatedBy);
            Assert.Equal(expected.Comment, torrent.Comment);
            long date = expected.CreationDate!.Value;
            DateTimeOffset expectedDate = date > 100_000_000_000 ? DateTimeOffset.FromUnixTimeMilliseconds(date) : DateTimeOffset.FromUnixTimeSeconds(date);
            Assert.Equal(expectedDate, torrent.CreationDate);
            Assert.Null(torrent.Source);
            Assert.Equal(fixture == "transmission.torrent" ? "UTF-8" : null, torrent.Encoding);
        }

        [Theory]
        [MemberData(nameof(FixtureNames))]
        public void MagnetUri_MatchesLibtorrent(string fixture)
        {
            OracleFixture expected = Oracle.Fixtures[fixture];

            TorrentInfo torrent = TorrentReader.ReadFile(Oracle.FixturePath(fixture));

            // Our magnet lists trackers in file order; libtorrent's only does when it did not shuffle them.
            Assert.Equal(expected.Trackers.Select(t => t.Url), torrent.Tracker.Select(u => u.OriginalString));
            // libtorrent writes %3a, we write %3A: both are RFC 3986 percent-encoding.
            string libtorrent = Regex.Replace(expected.Magnet, "%[0-9a-f]{2}", m => m.Value.ToUpperInvariant());
            Assert.Equal(libtorrent, torrent.MagnetUri);
        }

        [Theory]
        [MemberData(nameof(FixtureNames))]
        public void Warnings_OnlyForTheDeliberatelyOddFixtures(string fixture)
        {
            TorrentInfo torrent = TorrentReader.ReadFile(Oracle.FixturePath(fixture));

            if (s_expectedWarnings.TryGetValue(fixture, out string? warning))
            {
                Assert.Contains(warning, Assert.Single(torrent.Warnings));
            }
            else
            {
                Assert.Empty(torrent.Warnings);
            }
        }

        [Fact]
        public void UnsortedInfoKeys_HashTheRawBytes_WarnWhenLenient_AndFailWhenStrict()
        {
            string path = Oracle.FixturePath("unsorted-info.torrent");

            TorrentInfo torrent = TorrentReader.ReadFile(path);
            BencodeException error = Assert.Throws<BencodeException>(() => TorrentReader.ReadFile(path, new TorrentReadOptions { Strict = true }));

            Assert.Equal("e79e39a81c5654ba3ab072890044e88590f25c95", torrent.InfoHashV1);
            Assert.NotEqual("d98ac0ff9910e814d3bbd6df3c7986bc4d9453a9", torrent.InfoHashV1);
            Assert.Matches(@"^byte \d+: dictionary keys are not sorted", Assert.Single(torrent.Warnings));
            Assert.Equal("dictionary keys are not sorted: 'name' after 'pieces' (not allowed in strict mode)", error.Reason);
            Assert.Equal(path, error.SourceName);
        }

        [Fact]
        public void HybridFiles_CarryTheV2PiecesRoots()
        {
            TorrentInfo hybrid = TorrentReader.ReadFile(Oracle.FixturePath("hybrid.torrent"));
            TorrentInfo v2 = TorrentReader.ReadFile(Oracle.FixturePath("v2-only.torrent"));

            Assert.Equal(v2.Files.Select(f => f.PiecesRoot), hybrid.Files.Select(f => f.PiecesRoot));
            Assert.Equal("64eb9657b2cf120915916ef34d9034a0ecc4ccfc3a866dfc9cce4e40062577d5", v2.Files[0].PiecesRoot);
            Assert.Null(v2.Files.Single(f => f.Path == "docs/zero.dat").PiecesRoot);
        }

        private static void AssertFiles(IEnumerable<OracleFile> expected, TorrentFile[] actual)
        {
            Assert.Equal(
                expected.Select(f => (f.Path, f.Size, f.Offset, f.Pad, f.Executable, f.Hidden, f.Symlink, f.SymlinkPath)),
                actual.Select(f => (f.Path, f.Length, f.Offset, f.IsPadding, f.Attributes.Contains('x'), f.Attributes.Contains('h'), f.IsSymlink, f.SymlinkPath)));
            foreach (TorrentFile file in actual)
            {
                Assert.Equal(file.Path, string.Join("/", file.RawPath.Select(e => System.Text.Encoding.UTF8.GetString(e))));
                Assert.Equal(file.SymlinkPath, file.RawSymlinkPath is null ? null : string.Join("/", file.RawSymlinkPath.Select(e => System.Text.Encoding.UTF8.GetString(e))));
            }
        }

        /// <summary>The tiers as the file lists them, straight from the bencode.</summary>
        private static string[][] TiersInFile(string fixture)
        {
            var root = (BDictionary)BencodeDecoder.Decode(System.IO.File.ReadAllBytes(Oracle.FixturePath(fixture))).Root;
            if (root["announce-list"] is BList list)
            {
                return list.Items.Cast<BList>().Select(tier => tier.Items.Select(u => u.ToString()!).ToArray()).ToArray();
            }

            return new[] { new[] { root["announce"]!.ToString()! } };
        }
    }
}
