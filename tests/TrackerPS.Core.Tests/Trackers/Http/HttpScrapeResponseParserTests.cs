using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using TrackerPS.Core.Metainfo;
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
            HttpScrapeResponseParser.Parse(body, s_tracker, new[] { new InfoHash(s_hashA), new InfoHash(s_hashB) }, status, TimeSpan.FromMilliseconds(3)).Results;

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

        [Fact]
        public void Parse_ReadsWebtorrentKeysWrittenAsUtf8TextOfTheLatin1HashAndNotesItOncePerReply()
        {
            // bittorrent-tracker's reply for two requested hashes: 0xAA x 20 (each byte becomes C2 AA: a 40-byte key) and
            // 'A' x 10 + 0xE9 x 10 (30 bytes), beside keys that look alike but are skipped: a valid text key of a hash not
            // requested, one with a code point above U+00FF (C4 80 is U+0100), and a 25-byte key that is not UTF-8. Keys sorted.
            var hashC = new InfoHash(Enumerable.Repeat((byte)0x41, 10).Concat(Enumerable.Repeat((byte)0xE9, 10)).ToArray());
            byte[] body = Concat(
                Ascii("d5:filesd"),
                Ascii("30:AAAAAAAAAA"), Repeat(0xC3, 0xA9, 10), Ascii("d8:completei1e10:downloadedi2e10:incompletei3ee"),
                Ascii("30:BBBBBBBBBB"), Repeat(0xC3, 0xA9, 10), Ascii("d8:completei9ee"),
                Ascii("40:"), Repeat(0xC2, 0xAA, 20), Ascii("d8:completei5e10:downloadedi6e10:incompletei7ee"),
                Ascii("40:"), Repeat(0xC2, 0xAA, 19), new byte[] { 0xC4, 0x80 }, Ascii("d8:completei9ee"),
                Ascii("25:"), Enumerable.Repeat((byte)0xFF, 25).ToArray(), Ascii("d8:completei9ee"),
                Ascii("ee"));

            ScrapeResponse response = HttpScrapeResponseParser.Parse(
                body, new Uri("http://t.example/abcdef0123456789/announce"), new[] { new InfoHash(s_hashA), hashC }, 200, TimeSpan.Zero);

            Assert.Equal(new[] { hashC.ToHex(), new string('a', 40) }, response.Results.Select(r => r.InfoHash));
            Assert.Equal(new long?[] { 1, 5 }, response.Results.Select(r => r.Seeders));
            Assert.Equal(new long?[] { 3, 7 }, response.Results.Select(r => r.Leechers));
            Assert.Equal(new long?[] { 2, 6 }, response.Results.Select(r => r.Downloaded));
            string note = Assert.Single(response.Notes);
            Assert.Equal(
                "Tracker http://t.example/\u2026/announce wrote 2 info-hash key(s) of its scrape reply as UTF-8 text of the hash bytes "
                + "read as Latin-1 (as webtorrent's bittorrent-tracker does), not as 20 raw bytes (BEP 48); they were decoded and "
                + "matched to the requested info-hashes.",
                note);
        }

        [Fact]
        public void Parse_RawKeysMakeNoNote()
        {
            ScrapeResponse response = HttpScrapeResponseParser.Parse(
                Body(("files", Dict((s_hashA, Dict(("complete", 3)))))), s_tracker, new[] { new InfoHash(s_hashA) }, 200, TimeSpan.Zero);

            Assert.Single(response.Results);
            Assert.Empty(response.Notes);
        }

        private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

        private static byte[] Repeat(byte first, byte second, int times) =>
            Enumerable.Range(0, times).SelectMany(_ => new[] { first, second }).ToArray();

        private static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();
    }
}
