using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using Xunit;

namespace TrackerPS.Core.Tests.Hostile
{
    /// <summary>
    /// The hash tables keyed by strangers' strings, URIs and addresses hash with <see cref="SeededHash"/>, not the
    /// framework's hash, which .NET Framework (Windows PowerShell 5.1) does not randomise (issue 10).
    /// </summary>
    public sealed class SeededComparerTests
    {
        private static readonly string[] s_urls = Enumerable.Range(0, 1000)
            .Select(i => "http://t.example/announce?k=" + i.ToString(CultureInfo.InvariantCulture))
            .ToArray();

        [Fact]
        public void TheHashOfAStringDependsOnTheSeed()
        {
            IEqualityComparer<string> one = SeededComparer.ForOrdinal(new SeededHash(1));
            IEqualityComparer<string> two = SeededComparer.ForOrdinal(new SeededHash(2));

            // With 32-bit hashes, two seeds agreeing on even a few of 1,000 keys by chance is unlikely (expected 2.3e-7).
            Assert.True(s_urls.Count(u => one.GetHashCode(u) == two.GetHashCode(u)) <= 1);
            Assert.InRange(s_urls.Select(one.GetHashCode).Distinct().Count(), s_urls.Length - 1, s_urls.Length);
        }

        [Fact]
        public void TheHashIsNotTheFrameworksHash()
        {
            IEqualityComparer<string> seeded = SeededComparer.Ordinal;
            IEqualityComparer<Uri> seededUri = SeededComparer.Uri;
            Uri[] uris = s_urls.Select(u => new Uri(u)).ToArray();

            Assert.True(s_urls.Count(u => seeded.GetHashCode(u) == StringComparer.Ordinal.GetHashCode(u)) <= 1);
            Assert.True(uris.Count(u => seededUri.GetHashCode(u) == u.GetHashCode()) <= 1);
            Assert.Equal(SeededHash.Process.Of(s_urls[0]), seeded.GetHashCode(s_urls[0]));
        }

        [Theory]
        [InlineData("http://Tracker.Example:80/announce", "http://tracker.example/announce")]
        [InlineData("HTTP://t.example/a?x=1", "http://t.example/a?x=1")]
        [InlineData("udp://t.example:6969/announce#one", "udp://t.example:6969/announce#two")]
        [InlineData("http://t.example/%7Euser/announce", "http://t.example/~user/announce")]
        [InlineData("http://alice@t.example/announce", "http://alice@t.example/announce")]
        [InlineData("file://server/Share/A", "file://SERVER/share/a")]
        public void UrisThatUriEqualsCallsEqualHashAlike(string left, string right)
        {
            var x = new Uri(left);
            var y = new Uri(right);
            Assert.True(x.Equals(y), "precondition: Uri.Equals");

            Assert.True(SeededComparer.Uri.Equals(x, y));
            Assert.Equal(SeededComparer.Uri.GetHashCode(x), SeededComparer.Uri.GetHashCode(y));
        }

        [Fact]
        public void UrisThatDifferAreNotEqualAndSetsOfThemKeepEach()
        {
            Assert.False(SeededComparer.Uri.Equals(new Uri("http://t.example/a"), new Uri("http://t.example/A")));
            Assert.False(SeededComparer.Uri.Equals(new Uri("x/y", UriKind.Relative), new Uri("http://t.example/x/y")));
            Assert.True(SeededComparer.Uri.Equals(new Uri("x/y", UriKind.Relative), new Uri("x/y", UriKind.Relative)));

            var set = new HashSet<Uri>(s_urls.Concat(s_urls).Select(u => new Uri(u)), SeededComparer.Uri);

            Assert.Equal(s_urls.Length, set.Count);
        }

        [Fact]
        public void OrdinalIgnoreCaseEndPointsAndTuplesHashEqualKeysAlike()
        {
            Assert.True(SeededComparer.OrdinalIgnoreCase.Equals("Peer.Example:6881", "peer.EXAMPLE:6881"));
            Assert.Equal(SeededComparer.OrdinalIgnoreCase.GetHashCode("Peer.Example:6881"), SeededComparer.OrdinalIgnoreCase.GetHashCode("peer.EXAMPLE:6881"));
            Assert.False(SeededComparer.Ordinal.Equals("Peer.Example:6881", "peer.EXAMPLE:6881"));

            var a = new IPEndPoint(IPAddress.Parse("10.0.0.1"), 6969);
            var b = new IPEndPoint(IPAddress.Parse("10.0.0.1"), 6969);
            Assert.True(SeededComparer.EndPoint.Equals(a, b));
            Assert.Equal(SeededComparer.EndPoint.GetHashCode(a), SeededComparer.EndPoint.GetHashCode(b));
            Assert.False(SeededComparer.EndPoint.Equals(a, new IPEndPoint(a.Address, 6970)));

            IEqualityComparer<(string, int, string)> peers = SeededComparer.Triple(SeededComparer.Ordinal, EqualityComparer<int>.Default, SeededComparer.Ordinal);
            Assert.Equal(peers.GetHashCode(("10.0.0.1", 6881, "ab")), peers.GetHashCode((new string("10.0.0.1".ToCharArray()), 6881, "ab")));
            Assert.False(peers.Equals(("10.0.0.1", 6881, "ab"), ("10.0.0.1", 6882, "ab")));
            Assert.Equal(
                1000,
                new HashSet<(string, int, string)>(Enumerable.Range(0, 1000).Select(p => ("10.0.0.1", p, "ab")), peers).Count);
        }
    }
}
