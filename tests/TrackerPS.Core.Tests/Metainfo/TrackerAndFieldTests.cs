using System;
using System.Linq;
using TrackerPS.Core.Bencode;
using TrackerPS.Core.Metainfo;
using Xunit;
using static TrackerPS.Core.Tests.Metainfo.TestTorrent;

namespace TrackerPS.Core.Tests.Metainfo
{
    /// <summary>Trackers (BEP 12), seeds (BEP 17, 19), private (BEP 27) and the descriptive top-level keys.</summary>
    public sealed class TrackerAndFieldTests
    {
        private static TorrentInfo Read(params (string Key, BValue Value)[] top) => TorrentReader.Read(Torrent(SingleFileInfo(), top), "x.torrent");

        private static string[][] Tiers(TorrentInfo torrent) => torrent.TrackerTiers.Select(t => t.Select(u => u.OriginalString).ToArray()).ToArray();

        [Fact]
        public void AnnounceList_WinsOverAnnounce_AndKeepsFileOrder()
        {
            TorrentInfo torrent = Read(
                ("announce", Str("http://ignored.example/announce")),
                ("announce-list", List(Path("udp://b.example:1/announce", "http://a.example/announce"), Path("https://c.example/announce"))));

            Assert.Equal(new[] { new[] { "udp://b.example:1/announce", "http://a.example/announce" }, new[] { "https://c.example/announce" } }, Tiers(torrent));
            Assert.Equal(new[] { "udp://b.example:1/announce", "http://a.example/announce", "https://c.example/announce" }, torrent.Tracker.Select(u => u.OriginalString));
            Assert.Empty(torrent.Warnings);
        }

        [Fact]
        public void Tracker_IsDeduplicatedAcrossTiers()
        {
            TorrentInfo torrent = Read(("announce-list", List(Path("http://a.example/x", "http://b.example/x"), Path("http://a.example/x"))));

            Assert.Equal(2, torrent.TrackerTiers.Length);
            Assert.Equal(new[] { "http://a.example/x", "http://b.example/x" }, torrent.Tracker.Select(u => u.OriginalString));
        }

        [Fact]
        public void InvalidTrackerEntries_AreSkippedWithWarnings()
        {
            TorrentInfo torrent = Read(("announce-list", List(
                List(Str("not a url"), Str("http://ok.example/a"), Int(5), Str("file:///etc/passwd")),
                Str("http://tier-not-a-list.example/"),
                List(Str("/relative")))));

            Assert.Equal(new[] { new[] { "http://ok.example/a" } }, Tiers(torrent));
            Assert.Equal(5, torrent.Warnings.Length);
            Assert.Contains(torrent.Warnings, w => w.EndsWith("'announce-list[0][0]' ignored: 'not a url' is not a valid http/https/udp/wss/ws URL", StringComparison.Ordinal));
            Assert.Contains(torrent.Warnings, w => w.EndsWith("'announce-list[0][2]' ignored: expected a URL string, found an integer", StringComparison.Ordinal));
            Assert.Contains(torrent.Warnings, w => w.Contains("'file:///etc/passwd' is not a valid"));
            Assert.Contains(torrent.Warnings, w => w.EndsWith("'announce-list[1]' ignored: a tier must be a list of URLs", StringComparison.Ordinal));
            Assert.Contains(torrent.Warnings, w => w.Contains("'/relative' is not a valid"));
        }

        [Fact]
        public void AnnounceListWithoutValidUrls_FallsBackToAnnounce()
        {
            TorrentInfo torrent = Read(("announce", Str("http://a.example/announce")), ("announce-list", List(List())));

            Assert.Equal(new[] { new[] { "http://a.example/announce" } }, Tiers(torrent));
        }

        [Fact]
        public void NoTrackers_GivesEmptyListsAndAMagnetWithoutTr()
        {
            TorrentInfo torrent = Read();

            Assert.Empty(torrent.Tracker);
            Assert.Empty(torrent.TrackerTiers);
            Assert.Equal($"magnet:?xt=urn:btih:{torrent.InfoHashV1}&dn=file.bin", torrent.MagnetUri);
        }

        [Fact]
        public void UrlListAsAString_IsOneWebSeed()
        {
            TorrentInfo torrent = Read(("url-list", Str("http://seed.example/file.bin")));

            Assert.Equal(new[] { "http://seed.example/file.bin" }, torrent.WebSeeds.Select(u => u.OriginalString));
            Assert.EndsWith("&ws=http%3A%2F%2Fseed.example%2Ffile.bin", torrent.MagnetUri);
        }

        [Fact]
        public void UrlListAsAList_KeepsOrder_SkipsEmptyAndInvalid()
        {
            TorrentInfo torrent = Read(("url-list", List(Str("ftp://b.example/"), Str(""), Str("udp://nope.example/"), Str("http://a.example/"))));

            Assert.Equal(new[] { "ftp://b.example/", "http://a.example/" }, torrent.WebSeeds.Select(u => u.OriginalString));
            Assert.Contains("'url-list[2]' ignored: 'udp://nope.example/' is not a valid http/https/ftp URL", Assert.Single(torrent.Warnings));
        }

        [Fact]
        public void HttpSeeds_AreRead()
        {
            TorrentInfo torrent = Read(("httpseeds", List(Str("http://h.example/seed.php"))));

            Assert.Equal(new[] { "http://h.example/seed.php" }, torrent.HttpSeeds.Select(u => u.OriginalString));
            Assert.Empty(torrent.WebSeeds);
        }

        [Theory]
        [InlineData(1, true)]
        [InlineData(0, false)]
        [InlineData(2, false)]
        public void Private_IsTrueOnlyForOne(long value, bool expected)
        {
            TorrentInfo torrent = TorrentReader.Read(Torrent(SingleFileInfo().With("private", Int(value))), "x.torrent");

            Assert.Equal(expected, torrent.IsPrivate);
        }

        [Fact]
        public void PrivateOfTheWrongType_IsIgnoredWithWarning()
        {
            TorrentInfo torrent = TorrentReader.Read(Torrent(SingleFileInfo().With("private", Str("1"))), "x.torrent");

            Assert.False(torrent.IsPrivate);
            Assert.Contains("'info.private' ignored: expected an integer, found a string", Assert.Single(torrent.Warnings));
        }

        [Theory]
        [InlineData(0L, "1970-01-01T00:00:00+00:00")]
        [InlineData(1700000000L, "2023-11-14T22:13:20+00:00")]
        [InlineData(100_000_000_000L, "5138-11-16T09:46:40+00:00")]
        [InlineData(1700000000123L, "2023-11-14T22:13:20.123+00:00")]
        public void CreationDate_IsSecondsOrMilliseconds(long value, string expected)
        {
            TorrentInfo torrent = Read(("creation date", Int(value)));

            Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), torrent.CreationDate);
            Assert.Equal(value > 100_000_000_000L ? 1 : 0, torrent.Warnings.Length);
        }

        [Theory]
        [InlineData(long.MaxValue)]
        [InlineData(-62_135_596_801L)]
        public void CreationDateOutOfRange_IsIgnoredWithWarning(long value)
        {
            TorrentInfo torrent = Read(("creation date", Int(value)));

            Assert.Null(torrent.CreationDate);
            Assert.Contains($"'creation date' {value} is out of range and is ignored", torrent.Warnings.Last());
        }

        [Fact]
        public void CreationDateOfTheWrongType_IsIgnoredWithWarning()
        {
            TorrentInfo torrent = Read(("creation date", Str("yesterday")));

            Assert.Null(torrent.CreationDate);
            Assert.Contains("'creation date' ignored: expected an integer, found a string", Assert.Single(torrent.Warnings));
        }

        [Fact]
        public void DescriptiveKeys_AreRead_Utf8TwinPreferred()
        {
            TorrentInfo torrent = TorrentReader.Read(
                Torrent(
                    SingleFileInfo().With("source", Str("TRK")),
                    ("comment", Str(new byte[] { 0x63, 0xE9 })),
                    ("comment.utf-8", Str("cé")),
                    ("created by", Str("tool 1.0"))),
                "x.torrent");

            Assert.Equal("cé", torrent.Comment);
            Assert.Equal("tool 1.0", torrent.CreatedBy);
            Assert.Equal("TRK", torrent.Source);
            Assert.Null(torrent.Encoding);
            Assert.Empty(torrent.Warnings);
        }
    }
}
