using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using TrackerPS.Core.Magnet;
using Xunit;

namespace TrackerPS.Core.Tests.Magnet
{
    /// <summary>Our parser and formatter against libtorrent 2.0.8 (<c>lt.parse_magnet_uri</c>, <c>lt.make_magnet_uri</c>).</summary>
    public sealed class MagnetLibtorrentOracleTests
    {
        /// <summary>
        /// Expected values came from libtorrent 2.0.8 (<c>/usr/bin/python3</c>, <c>lt.parse_magnet_uri(link)</c>: info_hashes
        /// v1/v2, name, trackers, url_seeds, peers as (host, port) written here as host:port). libtorrent gives each tr its
        /// own tier (tracker_tiers [0, 1, ...]), as we do. Where we deliberately differ from libtorrent (MAGNET: in upper
        /// case is rejected by libtorrent; a second btih wins there; '+' is a space in every value there; a malformed
        /// escape truncates the value there), the vectors are in MagnetUriParserTests, not here.
        /// </summary>
        public static IEnumerable<object?[]> LibtorrentVectors()
        {
            yield return new object?[]
            {
                "magnet:?xt=urn:btih:62C4269D7C89F2FEE23A374CA8FA44F3222C2C77&dn=single+file%20name&tr=http%3A%2F%2F127.0.0.1%3A6969%2Fannounce"
                    + "&tr=udp://b.example:6969/announce&ws=http%3a%2f%2fseed.example%2ff%2f&x.pe=10.0.0.1:6881&xl=50000",
                "62c4269d7c89f2fee23a374ca8fa44f3222c2c77", null, "single file name",
                new[] { "http://127.0.0.1:6969/announce", "udp://b.example:6969/announce" },
                new[] { "http://seed.example/f/" },
                new[] { "10.0.0.1:6881" },
            };
            yield return new object?[]
            {
                "magnet:?xt=urn:btih:MLCCNHL4RHZP5YR2G5GKR6SE6MRCYLDX&dn=b32",
                "62c4269d7c89f2fee23a374ca8fa44f3222c2c77", null, "b32", new string[0], new string[0], new string[0],
            };
            yield return new object?[]
            {
                "magnet:?xt=urn:btih:a9b2d6dba31feb8b59ebaf98d70d550dcf09f49d&xt=urn:btmh:1220315bed578e7c71f1da450cb143370945635873de69d6680b4f430fa28c95be03"
                    + "&dn=hybrid&tr.2=http://y.example/b&tr=http://x.example/a&tr.1=http://z.example/c",
                "a9b2d6dba31feb8b59ebaf98d70d550dcf09f49d", "315bed578e7c71f1da450cb143370945635873de69d6680b4f430fa28c95be03", "hybrid",
                new[] { "http://y.example/b", "http://x.example/a", "http://z.example/c" }, new string[0], new string[0],
            };
            yield return new object?[]
            {
                "magnet:?xt=urn:btmh:12205dfd8564e0b5189de6a577576156d7c630814b41f9f05a2d3020873087444de2&dn=utf8-n%c3%a4me%20%F0%9F%98%80&x.pe=[::1]:6881",
                null, "5dfd8564e0b5189de6a577576156d7c630814b41f9f05a2d3020873087444de2", "utf8-n\u00e4me \U0001F600",
                new string[0], new string[0], new[] { "[::1]:6881" },
            };
            yield return new object?[]
            {
                "magnet:?xt=urn:btih:62c4269d7c89f2fee23a374ca8fa44f3222c2c77&dn=100%25+%26+more&tr=http%3A%2F%2Ft.example%2Fannounce%3Fa%3D1%26b%3D2&",
                "62c4269d7c89f2fee23a374ca8fa44f3222c2c77", null, "100% & more",
                new[] { "http://t.example/announce?a=1&b=2" }, new string[0], new string[0],
            };
        }

        [Theory]
        [MemberData(nameof(LibtorrentVectors))]
        public void Parse_AgreesWithLibtorrent(string text, string? v1, string? v2, string name, string[] trackers, string[] webSeeds, string[] peers)
        {
            MagnetLink link = MagnetUriParser.Parse(text);

            Assert.Equal(v1, link.InfoHashV1);
            Assert.Equal(v2, link.InfoHashV2);
            Assert.Equal(name, link.Name);
            Assert.Equal(trackers, link.Tracker.Select(u => u.OriginalString));
            Assert.Equal(trackers.Select(t => new[] { t }), link.TrackerTiers.Select(tier => tier.Select(u => u.OriginalString).ToArray()));
            Assert.Equal(webSeeds, link.WebSeeds.Select(u => u.OriginalString));
            Assert.Equal(peers, link.Peers);
            Assert.Empty(link.Warnings);
        }

        public static IEnumerable<object[]> Fixtures() => Oracle().EnumerateObject().Select(f => new object[] { f.Name });

        /// <summary>The formatter, given a fixture's values, writes libtorrent's <c>make_magnet_uri</c> text (escapes compared case-insensitively).</summary>
        [Theory]
        [MemberData(nameof(Fixtures))]
        public void FormatOfFixture_MatchesLibtorrentMakeMagnetUri(string fixture)
        {
            JsonElement oracle = Oracle().GetProperty(fixture);
            var torrent = new TorrentInfo
            {
                Name = oracle.GetProperty("name").GetString()!,
                InfoHashV1 = oracle.GetProperty("info_hash_v1").GetString(),
                InfoHashV2 = oracle.GetProperty("info_hash_v2").GetString(),
                Tracker = oracle.GetProperty("trackers").EnumerateArray().Select(t => new Uri(t.GetProperty("url").GetString()!)).ToArray(),
                WebSeeds = oracle.GetProperty("web_seeds").EnumerateArray().Select(w => new Uri(w.GetString()!)).ToArray(),
            };

            string expected = oracle.GetProperty("magnet").GetString()!;
            Assert.Equal(UpperCaseEscapes(expected), UpperCaseEscapes(MagnetUriFormatter.Format(torrent)));
        }

        /// <summary>Our parser reads libtorrent's <c>make_magnet_uri</c> text back to the fixture's values.</summary>
        [Theory]
        [MemberData(nameof(Fixtures))]
        public void ParseOfLibtorrentMagnet_GivesTheFixtureValues(string fixture)
        {
            JsonElement oracle = Oracle().GetProperty(fixture);

            MagnetLink link = MagnetUriParser.Parse(oracle.GetProperty("magnet").GetString()!);

            string? v1 = oracle.GetProperty("info_hash_v1").GetString();
            string? v2 = oracle.GetProperty("info_hash_v2").GetString();
            Assert.Equal(v1, link.InfoHashV1);
            Assert.Equal(v2, link.InfoHashV2);
            Assert.Equal(v1 ?? v2!.Substring(0, 40), link.InfoHash);
            Assert.Equal(oracle.GetProperty("name").GetString(), link.Name);
            Assert.Equal(oracle.GetProperty("trackers").EnumerateArray().Select(t => t.GetProperty("url").GetString()), link.Tracker.Select(u => u.OriginalString));
            Assert.Equal(oracle.GetProperty("web_seeds").EnumerateArray().Select(w => w.GetString()), link.WebSeeds.Select(u => u.OriginalString));
            Assert.Empty(link.Warnings);
        }

        private static JsonElement Oracle()
        {
            string path = Path.Combine(AppContext.BaseDirectory, "data", "oracle.json");
            using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path));
            return document.RootElement.GetProperty("fixtures").Clone();
        }

        private static string UpperCaseEscapes(string text) => Regex.Replace(text, "%[0-9a-fA-F]{2}", m => m.Value.ToUpperInvariant());
    }
}
