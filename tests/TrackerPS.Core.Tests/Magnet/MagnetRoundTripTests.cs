using System;
using System.Collections.Generic;
using System.Linq;
using TrackerPS.Core.Magnet;
using TrackerPS.Core.Metainfo;
using Xunit;

namespace TrackerPS.Core.Tests.Magnet
{
    /// <summary>parse(format(x)) == x for links built by hand, covering the characters escaping must survive.</summary>
    public sealed class MagnetRoundTripTests
    {
        private const string V1 = "62c4269d7c89f2fee23a374ca8fa44f3222c2c77";
        private const string V2 = "5dfd8564e0b5189de6a577576156d7c630814b41f9f05a2d3020873087444de2";

        private static readonly Dictionary<string, MagnetLink> s_links = new Dictionary<string, MagnetLink>
        {
            ["v1, trackers, web seed, name with spaces"] = Link(V1, null, "single file name", 50000, new[] { "http://127.0.0.1:6969/announce", "udp://b.example:6969/announce" }, new[] { "http://seed.example/files/" }),
            ["v2 only"] = Link(null, V2, "v2 only", null, new[] { "http://t.example/announce" }, new string[0]),
            ["hybrid"] = Link(V1, V2, "hybrid name", 81920, new[] { "http://a.example/announce", "http://c.example/announce?passkey=abc" }, new[] { "http://w.example/a b/", "https://w2.example/" }),
            ["unicode name"] = Link(V1, null, "\u00dcn\u00efc\u00f6d\u00e9 \u65e5\u672c\u8a9e \u0444\u0430\u0439\u043b \U0001F600", null, new string[0], new string[0]),
            ["& = % + in values"] = Link(V1, null, "a&b=c%d+e%20f #?/\\~'\"<>", 1, new[] { "http://t.example/announce?a=1&b=2%20c&d=e+f" }, new[] { "http://w.example/?x=%41&y=&" }),
            ["v2, no name, xl 0"] = Link(null, V2, null, 0, new string[0], new string[0]),
            ["peers, so, kept parameters"] = new MagnetLink
            {
                InfoHash = V1,
                InfoHashV1 = V1,
                Name = "peers and so",
                Peers = new[] { "10.0.0.1:6881", "[2001:db8::1]:51413", "peer.example:1" },
                SelectOnly = "0,2,4-6",
                Parameters = new[]
                {
                    new MagnetParameter { Name = "xs", Value = "http://x.example/t.torrent?a=b&c" },
                    new MagnetParameter { Name = "kt", Value = "a+b c=d&\u00e4" },
                    new MagnetParameter { Name = "x.flag", Value = string.Empty },
                },
            },
        };

        public static IEnumerable<object[]> Links() => s_links.Keys.Select(name => new object[] { name });

        [Theory]
        [MemberData(nameof(Links))]
        public void ParseOfFormat_IsTheSameLink(string name)
        {
            MagnetLink expected = s_links[name];
            string text = MagnetUriFormatter.Format(expected);

            MagnetLink actual = MagnetUriParser.Parse(text);

            AssertSameLink(expected, actual);
            Assert.Equal(text, actual.MagnetUri);
        }

        [Theory]
        [MemberData(nameof(Links))]
        public void SixArgumentFormat_RoundTripsItsParameters(string name)
        {
            MagnetLink expected = s_links[name];
            string text = MagnetUriFormatter.Format(Hash(expected.InfoHashV1), Hash(expected.InfoHashV2), expected.Name, expected.ExactLength, expected.Tracker, expected.WebSeeds);

            MagnetLink actual = MagnetUriParser.Parse(text);

            AssertSameLink(expected, actual, withNothingExtra: true);
        }

        private static void AssertSameLink(MagnetLink expected, MagnetLink actual, bool withNothingExtra = false)
        {
            Assert.Equal(expected.InfoHash, actual.InfoHash);
            Assert.Equal(expected.InfoHashV1, actual.InfoHashV1);
            Assert.Equal(expected.InfoHashV2, actual.InfoHashV2);
            Assert.Equal(expected.Name, actual.Name);
            Assert.Equal(expected.ExactLength, actual.ExactLength);
            Assert.Equal(expected.Tracker.Select(u => u.OriginalString), actual.Tracker.Select(u => u.OriginalString));
            Assert.Equal(expected.Tracker.Select(u => new[] { u.OriginalString }), actual.TrackerTiers.Select(t => t.Select(u => u.OriginalString).ToArray()));
            Assert.Equal(expected.WebSeeds.Select(u => u.OriginalString), actual.WebSeeds.Select(u => u.OriginalString));
            Assert.Empty(actual.Warnings);
            if (withNothingExtra)
            {
                Assert.Empty(actual.Peers);
                Assert.Null(actual.SelectOnly);
                Assert.Empty(actual.Parameters);
            }
            else
            {
                Assert.Equal(expected.Peers, actual.Peers);
                Assert.Equal(expected.SelectOnly, actual.SelectOnly);
                Assert.Equal(expected.Parameters.Select(p => (p.Name, p.Value)), actual.Parameters.Select(p => (p.Name, p.Value)));
            }
        }

        private static MagnetLink Link(string? v1, string? v2, string? name, long? exactLength, string[] trackers, string[] webSeeds)
        {
            Uri[] trackerUris = trackers.Select(t => new Uri(t)).ToArray();
            return new MagnetLink
            {
                InfoHash = v1 ?? v2!.Substring(0, 40),
                InfoHashV1 = v1,
                InfoHashV2 = v2,
                Name = name,
                ExactLength = exactLength,
                Tracker = trackerUris,
                TrackerTiers = trackerUris.Select(u => new[] { u }).ToArray(),
                WebSeeds = webSeeds.Select(w => new Uri(w)).ToArray(),
            };
        }

        private static InfoHash? Hash(string? hex) => hex is null ? null : InfoHash.Parse(hex);
    }
}
