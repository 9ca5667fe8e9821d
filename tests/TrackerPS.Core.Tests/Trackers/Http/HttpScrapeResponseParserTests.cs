using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using TrackerPS.Core.Trackers;
using TrackerPS.Core.Trackers.Http;
using Xunit;
using static TrackerPS.Core.Tests.Trackers.Http.BencodeBuilder;

namespace TrackerPS.Core.Tests.Trackers.Http
{
    public class HttpScrapeResponseParserTests
    {
        private static readonly Uri s_tracker = new Uri("http://t.example/announce");
        private static readonly byte[] s_hashA = Enumerable.Repeat((byte)0xAA, 20).ToArray();
        private static readonly byte[] s_hashB = Enumerable.Range(0, 20).Select(i => (byte)i).ToArray();

        private static IReadOnlyList<ScrapeResult> Parse(byte[] body, int status = 200) =>
            HttpScrapeResponseParser.Parse(body, s_tracker, status, TimeSpan.FromMilliseconds(3));

        [Fact]
        public void Parse_ReadsRawHashKeys()
        {
            byte[] body = Body(("files", Dict(
                (s_hashA, Dict(("complete", 3), ("incomplete", 4), ("downloaded", 5), ("name", "ubuntu.iso"), ("downloaders", 2))),
                (s_hashB, Dict(("complete", 0))))));

            IReadOnlyList<ScrapeResult> results = Parse(body);

            Assert.Equal(2, results.Count);
            ScrapeResult b = results.Single(r => r.InfoHash == "000102030405060708090a0b0c0d0e0f10111213");
            Assert.Equal(0, b.Seeders);
            Assert.Null(b.Leechers);
            Assert.Null(b.Downloaded);
            Assert.Null(b.Name);
            ScrapeResult a = results.Single(r => r.InfoHash == new string('a', 40));
            Assert.Equal(3, a.Seeders);
            Assert.Equal(4, a.Leechers);
            Assert.Equal(5, a.Downloaded);
            Assert.Equal("ubuntu.iso", a.Name);
            Assert.Equal(s_tracker, a.Tracker);
            Assert.Equal(TimeSpan.FromMilliseconds(3), a.Elapsed);
        }

        [Fact]
        public void Parse_AcceptsHexKeysAndFlagsAndSkipsOtherKeys()
        {
            byte[] body = Body(
                ("files", Dict(
                    ("000102030405060708090A0B0C0D0E0F10111213", Dict(("complete", 9))),
                    ("short", Dict(("complete", 1))),
                    (new string('z', 40), Dict(("complete", 1))))),
                ("flags", Dict(("min_request_interval", 900))));

            ScrapeResult result = Assert.Single(Parse(body));

            Assert.Equal("000102030405060708090a0b0c0d0e0f10111213", result.InfoHash);
            Assert.Equal(9, result.Seeders);
        }

        [Fact]
        public void Parse_EmptyFilesMeansNoResults()
        {
            Assert.Empty(Parse(Body(("files", Dict(Array.Empty<(string, object)>())))));
        }

        [Fact]
        public void Parse_FailureReasonIsAnError()
        {
            TrackerException error = Assert.Throws<TrackerException>(() => Parse(Body(("failure reason", "scrape disabled"))));

            Assert.Equal(TrackerErrorKind.FailureReason, error.Kind);
            Assert.Equal("scrape disabled", error.FailureReason);
        }

        [Theory]
        [InlineData("d5:filesi1ee")]
        [InlineData("de")]
        public void Parse_MissingFilesIsAViolation(string body)
        {
            TrackerException error = Assert.Throws<TrackerException>(() => Parse(Encoding.ASCII.GetBytes(body)));

            Assert.Equal(TrackerErrorKind.ProtocolViolation, error.Kind);
            Assert.Contains("without a 'files' dictionary", error.Message);
        }
    }
}
