using System;
using System.Linq;
using TrackerPS.Core.Magnet;
using Xunit;

namespace TrackerPS.Core.Tests.Magnet
{
    /// <summary>BEP 9 parameters other than xt: dn, xl, tr, tr.N, ws, as, x.pe, BEP 53 so, unknown and repeated ones.</summary>
    public sealed class MagnetUriParserParameterTests
    {
        private const string V1 = "62c4269d7c89f2fee23a374ca8fa44f3222c2c77";
        private const string Btih = "xt=urn:btih:" + V1;

        [Fact]
        public void UnknownParameters_AreKeptInOrder_Decoded()
        {
            MagnetLink link = MagnetUriParser.Parse($"magnet:?xs=http%3A%2F%2Fx.example%2Ft.torrent&{Btih}&kt=a+b&x.flag&K%74=%C3%A4");

            Assert.Equal(
                new[] { "xs=http://x.example/t.torrent", "kt=a+b", "x.flag=", "Kt=\u00e4" },
                link.Parameters.Select(p => p.Name + "=" + p.Value));
            Assert.Empty(link.Warnings);
        }

        [Fact]
        public void EmptyParametersAndTrailingAmpersand_AreSkippedSilently()
        {
            MagnetLink link = MagnetUriParser.Parse($"magnet:?&&{Btih}&&dn=x&");

            Assert.Equal("x", link.Name);
            Assert.Empty(link.Parameters);
            Assert.Empty(link.Warnings);
        }

        [Fact]
        public void ParameterWithoutName_IsIgnoredWithAWarning()
        {
            MagnetLink link = MagnetUriParser.Parse($"magnet:?{Btih}&=value");

            Assert.Empty(link.Parameters);
            Assert.Equal("Ignored parameter '=value': it has no name.", Assert.Single(link.Warnings));
        }

        [Fact]
        public void TrAndNumberedTr_KeepOrderOfAppearance_EachItsOwnTier()
        {
            MagnetLink link = MagnetUriParser.Parse(
                $"magnet:?{Btih}&tr.2=http://y.example/b&tr=udp://x.example:6969/a&tr.1=http://z.example/c&tr.x=http://no.example/");

            string[] expected = { "http://y.example/b", "udp://x.example:6969/a", "http://z.example/c" };
            Assert.Equal(expected, link.Tracker.Select(u => u.OriginalString));
            Assert.Equal(expected.Length, link.TrackerTiers.Length);
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.Equal(expected[i], Assert.Single(link.TrackerTiers[i]).OriginalString);
            }

            Assert.Equal("tr.x", Assert.Single(link.Parameters).Name);
        }

        [Theory]
        [InlineData("tr", "not a uri")]
        [InlineData("tr", "/announce")]
        [InlineData("tr", "")]
        [InlineData("tr", "C:\\tracker")]
        [InlineData("tr.1", "example.com/announce")]
        [InlineData("ws", "relative/path")]
        [InlineData("as", "1http://bad-scheme/")]
        public void NonAbsoluteUri_IsIgnoredWithAWarning(string name, string value)
        {
            MagnetLink link = MagnetUriParser.Parse($"magnet:?{Btih}&{name}={value}");

            Assert.Empty(link.Tracker);
            Assert.Empty(link.WebSeeds);
            Assert.Equal($"Ignored {name} '{value}': not an absolute URI.", Assert.Single(link.Warnings));
        }

        [Fact]
        public void WsAndAs_AreWebSeedsInOrder()
        {
            MagnetLink link = MagnetUriParser.Parse($"magnet:?as=https://b.example/f&{Btih}&ws=http%3A%2F%2Fa.example%2F");

            Assert.Equal(new[] { "https://b.example/f", "http://a.example/" }, link.WebSeeds.Select(u => u.OriginalString));
        }

        [Theory]
        [InlineData("0", 0L)]
        [InlineData("50000", 50000L)]
        [InlineData("9223372036854775807", long.MaxValue)]
        public void Xl_IsTheExactLength(string value, long expected)
        {
            Assert.Equal(expected, MagnetUriParser.Parse($"magnet:?{Btih}&xl={value}").ExactLength);
        }

        [Theory]
        [InlineData("-1")]
        [InlineData("+5")]
        [InlineData("1e3")]
        [InlineData(" 5")]
        [InlineData("9223372036854775808")]
        [InlineData("")]
        public void BadXl_IsIgnoredWithAWarning(string value)
        {
            MagnetLink link = MagnetUriParser.Parse($"magnet:?{Btih}&xl={value}");

            Assert.Null(link.ExactLength);
            Assert.Equal($"Ignored xl '{value}': not a non-negative whole number of bytes.", Assert.Single(link.Warnings));
        }

        [Fact]
        public void XPe_KeepsValidPeersInOrder()
        {
            MagnetLink link = MagnetUriParser.Parse(
                $"magnet:?{Btih}&x.pe=10.0.0.1:6881&x.pe=%5B2001%3Adb8%3A%3A1%5D%3A51413&x.pe=peer.example:65535&x.pe=[::1]:1");

            Assert.Equal(new[] { "10.0.0.1:6881", "[2001:db8::1]:51413", "peer.example:65535", "[::1]:1" }, link.Peers);
            Assert.Empty(link.Warnings);
        }

        [Theory]
        [InlineData("10.0.0.1")]
        [InlineData("10.0.0.1:")]
        [InlineData(":6881")]
        [InlineData("10.0.0.1:0")]
        [InlineData("10.0.0.1:65536")]
        [InlineData("10.0.0.1:-1")]
        [InlineData("10.0.0.1:68a1")]
        [InlineData("::1:6881")]
        [InlineData("[::1:6881")]
        [InlineData("[10.0.0.1]:6881")]
        [InlineData("[]:6881")]
        [InlineData("bad host:6881")]
        [InlineData("a&b:6881")]
        public void BadXPe_IsIgnoredWithAWarning(string value)
        {
            MagnetLink link = MagnetUriParser.Parse($"magnet:?{Btih}&x.pe={Uri.EscapeDataString(value)}");

            Assert.Empty(link.Peers);
            Assert.Equal($"Ignored x.pe '{value}': expected host:port (an IPv6 address in brackets).", Assert.Single(link.Warnings));
        }

        [Theory]
        [InlineData("0")]
        [InlineData("0,2,4-6")]
        [InlineData("3-3,10")]
        public void So_IsKeptAsGiven(string value)
        {
            MagnetLink link = MagnetUriParser.Parse($"magnet:?{Btih}&so={value}");

            Assert.Equal(value, link.SelectOnly);
            Assert.Empty(link.Warnings);
        }

        [Theory]
        [InlineData("")]
        [InlineData("a")]
        [InlineData("1,,2")]
        [InlineData("4-2")]
        [InlineData("-1")]
        [InlineData("1-")]
        [InlineData("1-2-3")]
        [InlineData("1, 2")]
        public void BadSo_IsIgnoredWithAWarning(string value)
        {
            MagnetLink link = MagnetUriParser.Parse($"magnet:?{Btih}&so={Uri.EscapeDataString(value)}");

            Assert.Null(link.SelectOnly);
            Assert.Equal(
                $"Ignored so '{value}': expected file indexes and ranges such as 0,2,4-6 (BEP 53).",
                Assert.Single(link.Warnings));
        }

        [Theory]
        [InlineData("dn=first&dn=second", "Ignored dn 'second': only the first dn is used.")]
        [InlineData("xl=1&xl=2", "Ignored xl '2': only the first xl is used.")]
        [InlineData("so=1&so=2", "Ignored so '2': only the first so is used.")]
        public void RepeatedSingleValuedParameter_FirstWins(string parameters, string warning)
        {
            MagnetLink link = MagnetUriParser.Parse($"magnet:?{Btih}&{parameters}");

            Assert.Equal(warning, Assert.Single(link.Warnings));
            Assert.True(link.Name is null or "first");
            Assert.True(link.ExactLength is null or 1);
            Assert.True(link.SelectOnly is null or "1");
        }

        [Fact]
        public void EmptyDn_IsAnEmptyName()
        {
            Assert.Equal(string.Empty, MagnetUriParser.Parse($"magnet:?{Btih}&dn=").Name);
        }
    }
}
