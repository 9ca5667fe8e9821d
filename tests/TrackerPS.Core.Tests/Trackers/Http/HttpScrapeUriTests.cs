using System;
using TrackerPS.Core.Metainfo;
using TrackerPS.Core.Trackers.Http;
using Xunit;

namespace TrackerPS.Core.Tests.Trackers.Http
{
    public class HttpScrapeUriTests
    {
        [Theory]
        [InlineData("http://t.example/announce", "http://t.example/scrape")]
        [InlineData("http://t.example:6969/announce", "http://t.example:6969/scrape")]
        [InlineData("http://t.example/x/announce.php?passkey=1", "http://t.example/x/scrape.php?passkey=1")]
        [InlineData("https://t.example/announce?passkey=abc&x=%2F", "https://t.example/scrape?passkey=abc&x=%2F")]
        [InlineData("http://t.example/abc123/announce", "http://t.example/abc123/scrape")]
        [InlineData("http://t.example/announcements", "http://t.example/scrapements")]
        [InlineData("http://t.example/announce/announce", "http://t.example/announce/scrape")]
        public void TryDerive_ReplacesALeadingAnnounceInTheLastSegment(string announce, string expected)
        {
            Assert.True(HttpScrapeUri.TryDerive(new Uri(announce), out Uri? scrape));
            Assert.Equal(expected, scrape!.AbsoluteUri);
        }

        [Theory]
        [InlineData("http://t.example/announce/")]
        [InlineData("http://t.example/a")]
        [InlineData("http://t.example/")]
        [InlineData("http://t.example/x/Announce")]
        [InlineData("http://t.example/announce/x?y=announce")]
        [InlineData("http://t.example/x/myannounce")]
        public void TryDerive_RefusesOtherPaths(string announce)
        {
            Assert.False(HttpScrapeUri.TryDerive(new Uri(announce), out Uri? scrape));
            Assert.Null(scrape);
        }

        [Fact]
        public void Build_RepeatsInfoHashAfterTheExistingQuery()
        {
            var first = new InfoHash(HttpAnnounceUriTests.AwkwardHash);
            var second = new InfoHash(new byte[20]);

            Uri uri = HttpScrapeUri.Build(new Uri("http://t.example/scrape?passkey=1"), new[] { first, second });

            Assert.Equal(
                "http://t.example/scrape?passkey=1&info_hash=" + HttpAnnounceUriTests.AwkwardHashEscaped + "&info_hash=" + string.Concat(System.Linq.Enumerable.Repeat("%00", 20)),
                uri.AbsoluteUri);
        }
    }
}
