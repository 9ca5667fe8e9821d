using System;
using TrackerPS.Core.Magnet;
using Xunit;

namespace TrackerPS.Core.Tests.Magnet
{
    /// <summary>BEP 9 scheme, xt (btih, BEP 52 btmh), percent-decoding and rejection of unusable links.</summary>
    public sealed class MagnetUriParserTests
    {
        private const string V1 = "62c4269d7c89f2fee23a374ca8fa44f3222c2c77";
        private const string V1Base32 = "MLCCNHL4RHZP5YR2G5GKR6SE6MRCYLDX";
        private const string HybridV1 = "a9b2d6dba31feb8b59ebaf98d70d550dcf09f49d";
        private const string HybridV2 = "315bed578e7c71f1da450cb143370945635873de69d6680b4f430fa28c95be03";
        private const string V2 = "5dfd8564e0b5189de6a577576156d7c630814b41f9f05a2d3020873087444de2";
        private const string Btih = "xt=urn:btih:" + V1;

        [Fact]
        public void V1HexLink_FillsEveryPropertyWithDefaults()
        {
            string text = "magnet:?" + Btih;

            MagnetLink link = MagnetUriParser.Parse(text);

            Assert.Equal(V1, link.InfoHash);
            Assert.Equal(V1, link.InfoHashV1);
            Assert.Null(link.InfoHashV2);
            Assert.Null(link.Name);
            Assert.Empty(link.Tracker);
            Assert.Empty(link.TrackerTiers);
            Assert.Empty(link.WebSeeds);
            Assert.Null(link.ExactLength);
            Assert.Empty(link.Peers);
            Assert.Null(link.SelectOnly);
            Assert.Empty(link.Parameters);
            Assert.Empty(link.Warnings);
            Assert.Equal(text, link.MagnetUri);
        }

        [Theory]
        [InlineData("62C4269D7C89F2FEE23A374CA8FA44F3222C2C77")]
        [InlineData("62c4269D7C89f2fee23a374ca8fa44f3222c2c77")]
        [InlineData(V1Base32)]
        [InlineData("mlccnhl4rhzp5yr2g5gkr6se6mrcyldx")]
        public void Btih_AcceptsHexAndBase32InAnyCase_AsLowerCaseHex(string hash)
        {
            MagnetLink link = MagnetUriParser.Parse("magnet:?xt=urn:btih:" + hash);

            Assert.Equal(V1, link.InfoHashV1);
            Assert.Equal(V1, link.InfoHash);
            Assert.Empty(link.Warnings);
        }

        [Fact]
        public void BtmhOnly_InfoHashIsTheTruncatedV2()
        {
            MagnetLink link = MagnetUriParser.Parse("magnet:?xt=urn:btmh:1220" + V2.ToUpperInvariant());

            Assert.Null(link.InfoHashV1);
            Assert.Equal(V2, link.InfoHashV2);
            Assert.Equal("5dfd8564e0b5189de6a577576156d7c630814b41", link.InfoHash);
            Assert.Empty(link.Warnings);
        }

        [Fact]
        public void Hybrid_InfoHashIsTheV1()
        {
            MagnetLink link = MagnetUriParser.Parse($"magnet:?xt=urn:btmh:1220{HybridV2}&xt=urn:btih:{HybridV1}");

            Assert.Equal(HybridV1, link.InfoHash);
            Assert.Equal(HybridV1, link.InfoHashV1);
            Assert.Equal(HybridV2, link.InfoHashV2);
            Assert.Empty(link.Warnings);
        }

        [Fact]
        public void SeveralXt_FirstOfEachKindWins_OthersWarn()
        {
            MagnetLink link = MagnetUriParser.Parse(
                $"magnet:?xt=urn:sha1:ABC&xt=urn:btih:{V1}&xt=urn:btih:{HybridV1}&xt=urn:btmh:1220{HybridV2}&xt=urn:btmh:1220{V2}");

            Assert.Equal(V1, link.InfoHashV1);
            Assert.Equal(HybridV2, link.InfoHashV2);
            Assert.Equal(
                new[]
                {
                    "Ignored xt 'urn:sha1:ABC': not a BitTorrent info-hash (expected urn:btih:<40 hex or 32 base32> or urn:btmh:1220<64 hex>).",
                    $"Ignored urn:btih 'urn:btih:{HybridV1}': only the first urn:btih is used.",
                    $"Ignored urn:btmh 'urn:btmh:1220{V2}': only the first urn:btmh is used.",
                },
                link.Warnings);
        }

        [Theory]
        [InlineData("urn:btih:62c4269d7c89f2fee23a374ca8fa44f3222c2c7")]
        [InlineData("urn:btih:62c4269d7c89f2fee23a374ca8fa44f3222c2c77a")]
        [InlineData("urn:btih:62c4269d7c89f2fee23a374ca8fa44f3222c2cxx")]
        [InlineData("urn:btih:" + V2)]
        [InlineData("urn:btih:MLCCNHL4RHZP5YR2G5GKR6SE6MRCYLD1")]
        [InlineData("urn:btmh:" + V2)]
        [InlineData("urn:btmh:1114" + V2)]
        [InlineData("urn:btmh:1220" + V1)]
        [InlineData("urn:btmh:1220" + V2 + "00")]
        [InlineData("urn:ed2k:31d6cfe0d16ae931b73c59d7e0c089c0")]
        public void UnusableXt_IsIgnoredWithAWarning(string topic)
        {
            MagnetLink link = MagnetUriParser.Parse($"magnet:?xt={topic}&{Btih}");

            Assert.Equal(V1, link.InfoHash);
            Assert.Equal(
                $"Ignored xt '{topic}': not a BitTorrent info-hash (expected urn:btih:<40 hex or 32 base32> or urn:btmh:1220<64 hex>).",
                Assert.Single(link.Warnings));
        }

        [Fact]
        public void NoXt_ThrowsWithAClearMessage()
        {
            var ex = Assert.Throws<FormatException>(() => MagnetUriParser.Parse("magnet:?dn=x"));

            Assert.Equal(
                "Invalid magnet link 'magnet:?dn=x': no usable xt (expected urn:btih:<40 hex or 32 base32> or urn:btmh:1220<64 hex>)",
                ex.Message);
        }

        [Theory]
        [InlineData("magnet:?xt=urn:btih:1234")]
        [InlineData("magnet:?")]
        [InlineData("magnet:?&&&")]
        [InlineData("magnet:?xt=" + V1)]
        public void OnlyUnusableXt_Throws(string text)
        {
            var ex = Assert.Throws<FormatException>(() => MagnetUriParser.Parse(text));

            Assert.StartsWith($"Invalid magnet link '{text}': no usable xt", ex.Message);
        }

        [Theory]
        [InlineData("")]
        [InlineData("   ")]
        [InlineData("http://example.com/?xt=urn:btih:" + V1)]
        [InlineData("magnet:xt=urn:btih:" + V1)]
        [InlineData("magnetic:?xt=urn:btih:" + V1)]
        [InlineData("urn:btih:" + V1)]
        [InlineData(V1)]
        public void NonMagnetText_Throws(string text)
        {
            var ex = Assert.Throws<FormatException>(() => MagnetUriParser.Parse(text));

            Assert.Equal($"Invalid magnet link '{text.Trim()}': it does not start with 'magnet:?' (BEP 9).", ex.Message);
        }

        [Fact]
        public void Null_ThrowsArgumentNull()
        {
            Assert.Throws<ArgumentNullException>(() => MagnetUriParser.Parse(null!));
        }

        [Theory]
        [InlineData("MAGNET:?")]
        [InlineData("Magnet:?")]
        [InlineData("mAgNeT:?")]
        public void Scheme_IsCaseInsensitive(string prefix)
        {
            Assert.Equal(V1, MagnetUriParser.Parse(prefix + Btih).InfoHash);
        }

        [Fact]
        public void SurroundingWhiteSpace_IsIgnored()
        {
            MagnetLink link = MagnetUriParser.Parse(" \t magnet:?" + Btih + "\r\n");

            Assert.Equal("magnet:?" + Btih, link.MagnetUri);
        }

        [Fact]
        public void ParameterNames_AreCaseInsensitive()
        {
            MagnetLink link = MagnetUriParser.Parse($"magnet:?XT=URN:BTIH:{V1}&DN=name&Tr=http://t.example/a");

            Assert.Equal(V1, link.InfoHash);
            Assert.Equal("name", link.Name);
            Assert.Equal("http://t.example/a", Assert.Single(link.Tracker).OriginalString);
        }

        [Fact]
        public void Values_SplitAtTheFirstEqualsOnly()
        {
            MagnetLink link = MagnetUriParser.Parse($"magnet:?{Btih}&dn=a=b==c&tr=http://t.example/announce?k=v&x.y=1=2");

            Assert.Equal("a=b==c", link.Name);
            Assert.Equal("http://t.example/announce?k=v", Assert.Single(link.Tracker).OriginalString);
            MagnetParameter parameter = Assert.Single(link.Parameters);
            Assert.Equal("x.y", parameter.Name);
            Assert.Equal("1=2", parameter.Value);
            Assert.Empty(link.Warnings);
        }

        [Fact]
        public void Plus_IsASpaceInDnOnly()
        {
            MagnetLink link = MagnetUriParser.Parse($"magnet:?{Btih}&dn=a+b%2Bc+&tr=http://t.example/a+b&kt=x+y&ws=http://w.example/c+d");

            Assert.Equal("a b+c ", link.Name);
            Assert.Equal("http://t.example/a+b", Assert.Single(link.Tracker).OriginalString);
            Assert.Equal("http://w.example/c+d", Assert.Single(link.WebSeeds).OriginalString);
            Assert.Equal("x+y", Assert.Single(link.Parameters).Value);
        }

        [Fact]
        public void PercentEscapes_DecodeAsUtf8_InAnyCase()
        {
            MagnetLink link = MagnetUriParser.Parse(
                $"magnet:?{Btih}&dn=utf8-n%c3%A4me%20%F0%9F%98%80&tr=http%3A%2F%2Ft.example%2Fannounce%3Fa%3D1%26b%3D2");

            Assert.Equal("utf8-n\u00e4me \U0001F600", link.Name);
            Assert.Equal("http://t.example/announce?a=1&b=2", Assert.Single(link.Tracker).OriginalString);
            Assert.Empty(link.Warnings);
        }

        [Fact]
        public void LiteralNonAsciiCharacters_AreKept()
        {
            MagnetLink link = MagnetUriParser.Parse($"magnet:?{Btih}&dn=n\u00e4me-\u65e5\u672c%20\U0001F600");

            Assert.Equal("n\u00e4me-\u65e5\u672c \U0001F600", link.Name);
            Assert.Empty(link.Warnings);
        }

        [Theory]
        [InlineData("bad%zzescape", "bad%zzescape", 3, "%zz")]
        [InlineData("100%", "100%", 3, "%")]
        [InlineData("a%4", "a%4", 1, "%4")]
        [InlineData("%g1%20x", "%g1 x", 0, "%g1")]
        [InlineData("100%+sure%", "100% sure%", 3, "%+s")]
        public void MalformedEscape_IsKeptLiterallyWithOneWarning(string raw, string expected, int position, string excerpt)
        {
            MagnetLink link = MagnetUriParser.Parse($"magnet:?{Btih}&dn={raw}");

            Assert.Equal(expected, link.Name);
            Assert.Equal(
                $"Parameter 'dn' has a malformed percent escape at character {position} ('{excerpt}'); kept literally.",
                Assert.Single(link.Warnings));
        }

        [Fact]
        public void InvalidUtf8_IsReplacedWithAWarning()
        {
            MagnetLink link = MagnetUriParser.Parse($"magnet:?{Btih}&dn=a%FFb");

            Assert.Equal("a\uFFFDb", link.Name);
            Assert.Equal(
                "Parameter 'dn' is not valid UTF-8 after percent-decoding; invalid bytes replaced with U+FFFD.",
                Assert.Single(link.Warnings));
        }
    }
}
