using System;
using Xunit;

namespace TrackerPS.Tests
{
    /// <summary>
    /// <see cref="TorrentInfoHash.FromTorrentInfo"/>; expected values are the oracle hashes (tests/data/oracle.json)
    /// and their base32 forms from Python's <c>base64.b32encode</c>, padding removed.
    /// </summary>
    public sealed class TorrentInfoHashTests
    {
        private const string HybridV1 = "a9b2d6dba31feb8b59ebaf98d70d550dcf09f49d";
        private const string HybridV2 = "315bed578e7c71f1da450cb143370945635873de69d6680b4f430fa28c95be03";

        [Fact]
        public void Hex_KeepsLowerCaseHashesAndThePath()
        {
            var torrent = new TorrentInfo { Path = "/t/hybrid.torrent", InfoHash = HybridV1, InfoHashV1 = HybridV1, InfoHashV2 = HybridV2 };

            TorrentInfoHash hash = TorrentInfoHash.FromTorrentInfo(torrent, InfoHashFormat.Hex);

            Assert.Equal("/t/hybrid.torrent", hash.Path);
            Assert.Equal(HybridV1, hash.InfoHash);
            Assert.Equal(HybridV1, hash.InfoHashV1);
            Assert.Equal(HybridV2, hash.InfoHashV2);
            Assert.Equal(InfoHashFormat.Hex, hash.Format);
        }

        [Fact]
        public void Hex_LowerCasesUpperCaseInput()
        {
            var torrent = new TorrentInfo { InfoHash = HybridV1.ToUpperInvariant(), InfoHashV1 = HybridV1.ToUpperInvariant() };

            TorrentInfoHash hash = TorrentInfoHash.FromTorrentInfo(torrent, InfoHashFormat.Hex);

            Assert.Equal(HybridV1, hash.InfoHash);
            Assert.Null(hash.InfoHashV2);
        }

        [Fact]
        public void Base32_EncodesTheTwentyAndThirtyTwoByteHashes()
        {
            var torrent = new TorrentInfo { InfoHash = HybridV1, InfoHashV1 = HybridV1, InfoHashV2 = HybridV2 };

            TorrentInfoHash hash = TorrentInfoHash.FromTorrentInfo(torrent, InfoHashFormat.Base32);

            Assert.Equal("VGZNNW5DD7VYWWPLV6MNODKVBXHQT5E5", hash.InfoHash);
            Assert.Equal("VGZNNW5DD7VYWWPLV6MNODKVBXHQT5E5", hash.InfoHashV1);
            Assert.Equal("GFN62V4OPRY7DWSFBSYUGNYJIVRVQ466NHLGQC2PIMH2FDEVXYBQ", hash.InfoHashV2);
            Assert.Equal(InfoHashFormat.Base32, hash.Format);
        }

        [Fact]
        public void Base32_OfAV2OnlyTorrent_HasNoV1AndATruncatedTrackerHash()
        {
            var torrent = new TorrentInfo
            {
                InfoHash = "5dfd8564e0b5189de6a577576156d7c630814b41",
                InfoHashV2 = "5dfd8564e0b5189de6a577576156d7c630814b41f9f05a2d3020873087444de2",
            };

            TorrentInfoHash hash = TorrentInfoHash.FromTorrentInfo(torrent, InfoHashFormat.Base32);

            Assert.Null(hash.InfoHashV1);
            Assert.Equal("LX6YKZHAWUMJ3ZVFO5LWCVWXYYYICS2B", hash.InfoHash);
            Assert.Equal("LX6YKZHAWUMJ3ZVFO5LWCVWXYYYICS2B7HYFULJQECDTBB2EJXRA", hash.InfoHashV2);
        }

        [Fact]
        public void FromTorrentInfo_WritesAnyOtherSpellingAsLowerCaseHex()
        {
            // A read torrent's lower-case hex is passed through; upper case and base32 still go through the bytes.
            var torrent = new TorrentInfo
            {
                InfoHash = "LX6YKZHAWUMJ3ZVFO5LWCWANPRRQIFAQ",
                InfoHashV1 = "5DFD8564E0B5189DE6A5775761580D7C63041410",
            };

            TorrentInfoHash hash = TorrentInfoHash.FromTorrentInfo(torrent, InfoHashFormat.Hex);

            Assert.Equal("5dfd8564e0b5189de6a5775761580d7c63041410", hash.InfoHashV1);
            Assert.Equal("5dfd8564e0b5189de6a5775761580d7c63041410", hash.InfoHash);
        }

        [Fact]
        public void FromTorrentInfo_RejectsNull()
        {
            Assert.Throws<ArgumentNullException>(() => TorrentInfoHash.FromTorrentInfo(null!, InfoHashFormat.Hex));
        }

        [Fact]
        public void FromTorrentInfo_RejectsAHashThatIsNotHex()
        {
            var torrent = new TorrentInfo { InfoHash = new string('z', 40) };

            Assert.Throws<FormatException>(() => TorrentInfoHash.FromTorrentInfo(torrent, InfoHashFormat.Hex));
        }
    }
}
