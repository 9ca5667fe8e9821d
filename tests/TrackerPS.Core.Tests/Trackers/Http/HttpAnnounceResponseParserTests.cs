using System;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using TrackerPS.Core.Trackers;
using TrackerPS.Core.Trackers.Http;
using Xunit;
using static TrackerPS.Core.Tests.Trackers.Http.BencodeBuilder;

namespace TrackerPS.Core.Tests.Trackers.Http
{
    public class HttpAnnounceResponseParserTests
    {
        private static readonly AnnounceRequest s_request = HttpAnnounceUriTests.Request("http://t.example/announce");
        private static readonly string s_hashHex = "0020252bff417e2d2e5f307a2f3f263d80016139";

        private static AnnounceResponse Parse(byte[] body, int status = 200) =>
            HttpAnnounceResponseParser.Parse(body, s_request, status, TimeSpan.FromMilliseconds(7));

        private static TrackerException ParseFails(byte[] body, int status = 200) =>
            Assert.Throws<TrackerException>(() => Parse(body, status));

        [Fact]
        public void Parse_ReadsEveryScalarField()
        {
            AnnounceResponse response = Parse(Body(
                ("interval", 1800), ("min interval", 900), ("tracker id", "abc"), ("complete", 5), ("incomplete", 7),
                ("downloaded", 42), ("warning message", "be nice"), ("retry in", 3), ("peers", new byte[0])));

            Assert.Equal(TimeSpan.FromSeconds(1800), response.Interval);
            Assert.Equal(TimeSpan.FromSeconds(900), response.MinInterval);
            Assert.Equal("abc", response.TrackerId);
            Assert.Equal(5, response.Seeders);
            Assert.Equal(7, response.Leechers);
            Assert.Equal(42, response.Downloaded);
            Assert.Equal("be nice", response.WarningMessage);
            Assert.Equal(TimeSpan.FromMinutes(3), response.RetryIn);
            Assert.Equal(TimeSpan.FromMilliseconds(7), response.Elapsed);
            Assert.Equal(s_hashHex, response.InfoHash);
            Assert.Equal(s_request.Tracker, response.Tracker);
            Assert.Empty(response.Peers);
            Assert.Empty(response.Warnings);
        }

        [Fact]
        public void Parse_LeavesAbsentOptionalFieldsNull()
        {
            AnnounceResponse response = Parse(Body(("interval", 60)));

            Assert.Null(response.MinInterval);
            Assert.Null(response.TrackerId);
            Assert.Null(response.Seeders);
            Assert.Null(response.Leechers);
            Assert.Null(response.Downloaded);
            Assert.Null(response.ExternalIPAddress);
            Assert.Null(response.WarningMessage);
            Assert.Null(response.RetryIn);
        }

        [Fact]
        public void Parse_WarnsAboutAMissingIntervalOrAWrongType()
        {
            AnnounceResponse response = Parse(Body(("complete", "five")));

            Assert.Equal(TimeSpan.Zero, response.Interval);
            Assert.Null(response.Seeders);
            Assert.Contains(response.Warnings, w => w.Contains("'interval' is missing"));
            Assert.Contains(response.Warnings, w => w.Contains("'complete' is a string, not an integer"));
        }

        [Fact]
        public void Parse_RetryInNeverIsMaxValue()
        {
            Assert.Equal(TimeSpan.MaxValue, Parse(Body(("interval", 60), ("retry in", "never"))).RetryIn);
        }

        [Fact]
        public void Parse_ReadsCompactIPv4Peers()
        {
            byte[] peers = { 10, 0, 0, 1, 0x1A, 0xE1, 192, 168, 1, 2, 0xFF, 0xFF };

            Peer[] result = Parse(Body(("interval", 60), ("peers", peers))).Peers;

            Assert.Equal(2, result.Length);
            Assert.Equal("10.0.0.1", result[0].IPAddress);
            Assert.Equal(6881, result[0].Port);
            Assert.Equal(AddressFamily.InterNetwork, result[0].AddressFamily);
            Assert.Equal(PeerSource.Compact, result[0].Source);
            Assert.Null(result[0].PeerId);
            Assert.Equal(s_hashHex, result[0].InfoHash);
            Assert.Equal(s_request.Tracker, result[0].Tracker);
            Assert.Equal("192.168.1.2", result[1].IPAddress);
            Assert.Equal(65535, result[1].Port);
        }

        [Fact]
        public void Parse_ReadsCompactIPv6PeersAlongsideIPv4()
        {
            byte[] peers6 = IPAddress.Parse("2001:db8::7").GetAddressBytes().Concat(new byte[] { 0x00, 0x50 }).ToArray();

            Peer[] result = Parse(Body(("interval", 60), ("peers", new byte[] { 1, 2, 3, 4, 0, 1 }), ("peers6", peers6))).Peers;

            Assert.Equal(2, result.Length);
            Assert.Equal(PeerSource.Compact, result[0].Source);
            Assert.Equal("2001:db8::7", result[1].IPAddress);
            Assert.Equal(80, result[1].Port);
            Assert.Equal(AddressFamily.InterNetworkV6, result[1].AddressFamily);
            Assert.Equal(PeerSource.Peers6, result[1].Source);
        }

        [Theory]
        [InlineData("peers", 6, 13, 2, "not a multiple of 6; the last 1 bytes")]
        [InlineData("peers6", 18, 40, 2, "not a multiple of 18; the last 4 bytes")]
        [InlineData("peers", 6, 5, 0, "not a multiple of 6; the last 5 bytes")]
        public void Parse_DecodesWholeCompactEntriesAndWarnsAboutTheRest(string key, int stride, int length, int expectedPeers, string expectedWarning)
        {
            AnnounceResponse response = Parse(Body(("interval", 60), (key, new byte[length])));

            Assert.Equal(expectedPeers, response.Peers.Length);
            Assert.All(response.Peers, p => Assert.Equal(stride == 6 ? AddressFamily.InterNetwork : AddressFamily.InterNetworkV6, p.AddressFamily));
            Assert.Contains(response.Warnings, w => w.Contains($"'{key}' is {length} bytes, " + expectedWarning));
        }

        [Fact]
        public void Parse_ReadsDictionaryPeersWithAddressesAndHostNames()
        {
            byte[] peerId = Enumerable.Range(0, 20).Select(i => (byte)(0xF0 + (i % 16))).ToArray();
            object[] peers =
            {
                Dict(("ip", "10.1.2.3"), ("port", 6881), ("peer id", peerId)),
                Dict(("ip", "2001:db8::2"), ("port", 51413)),
                Dict(("ip", "peer.example.org"), ("port", 1)),
            };

            Peer[] result = Parse(Body(("interval", 60), ("peers", peers))).Peers;

            Assert.Equal(3, result.Length);
            Assert.Equal("10.1.2.3", result[0].IPAddress);
            Assert.Equal("f0f1f2f3f4f5f6f7f8f9fafbfcfdfefff0f1f2f3", result[0].PeerId);
            Assert.Equal(PeerSource.Dictionary, result[0].Source);
            Assert.Equal(AddressFamily.InterNetwork, result[0].AddressFamily);
            Assert.Equal("2001:db8::2", result[1].IPAddress);
            Assert.Equal(AddressFamily.InterNetworkV6, result[1].AddressFamily);
            Assert.Null(result[1].PeerId);
            Assert.Equal("peer.example.org", result[2].IPAddress);
            Assert.Equal(AddressFamily.Unspecified, result[2].AddressFamily);
            Assert.Equal(1, result[2].Port);
        }

        [Fact]
        public void Parse_SkipsMalformedDictionaryPeersWithWarnings()
        {
            object[] peers =
            {
                Dict(("ip", "10.0.0.1")),
                Dict(("ip", "10.0.0.2"), ("port", 70000)),
                "not a dictionary",
                Dict(("ip", "10.0.0.3"), ("port", 3)),
            };

            AnnounceResponse response = Parse(Body(("interval", 60), ("peers", peers)));

            Assert.Equal("10.0.0.3", Assert.Single(response.Peers).IPAddress);
            Assert.Contains(response.Warnings, w => w.StartsWith("'peers' entry 0 lacks"));
            Assert.Contains(response.Warnings, w => w.StartsWith("'peers' entry 1 lacks"));
            Assert.Contains(response.Warnings, w => w.StartsWith("'peers' entry 2 is not a dictionary"));
        }

        [Fact]
        public void Parse_WarnsWhenPeersIsNeitherStringNorList()
        {
            AnnounceResponse response = Parse(Body(("interval", 60), ("peers", 5), ("peers6", new object[0])));

            Assert.Empty(response.Peers);
            Assert.Contains(response.Warnings, w => w.StartsWith("'peers' is an integer"));
            Assert.Contains(response.Warnings, w => w.StartsWith("'peers6' is a list"));
        }

        [Theory]
        [InlineData(new byte[] { 203, 0, 113, 9 }, "203.0.113.9")]
        [InlineData(new byte[] { 0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x09 }, "2001:db8::9")]
        public void Parse_ReadsExternalIP(byte[] raw, string expected)
        {
            Assert.Equal(IPAddress.Parse(expected).ToString(), Parse(Body(("interval", 60), ("external ip", raw))).ExternalIPAddress);
        }

        [Fact]
        public void Parse_WarnsAboutAnExternalIPOfAnotherLength()
        {
            AnnounceResponse response = Parse(Body(("interval", 60), ("external ip", "1.2.3.4")));

            Assert.Null(response.ExternalIPAddress);
            Assert.Contains(response.Warnings, w => w.Contains("'external ip' is 7 bytes"));
        }

        [Fact]
        public void Parse_FailureReasonIsAnErrorWithRetryIn()
        {
            TrackerException error = ParseFails(Body(("failure reason", "unregistered torrent"), ("retry in", "never")));

            Assert.Equal(TrackerErrorKind.FailureReason, error.Kind);
            Assert.Equal("unregistered torrent", error.FailureReason);
            Assert.Equal(TimeSpan.MaxValue, error.RetryIn);
            Assert.Equal(200, error.HttpStatusCode);
            Assert.Equal("Tracker http://t.example/announce failed: unregistered torrent", error.Message);
        }

        [Fact]
        public void Parse_FailureReasonOnA4xxNamesTheStatus()
        {
            TrackerException error = ParseFails(Body(("failure reason", "passkey not found")), 403);

            Assert.Equal(TrackerErrorKind.FailureReason, error.Kind);
            Assert.Equal(403, error.HttpStatusCode);
            Assert.Null(error.RetryIn);
            Assert.Contains("(HTTP 403): passkey not found", error.Message);
        }

        [Fact]
        public void Parse_ABencodedNon2xxWithoutFailureReasonIsAViolation()
        {
            TrackerException error = ParseFails(Body(("interval", 60)), 500);

            Assert.Equal(TrackerErrorKind.ProtocolViolation, error.Kind);
            Assert.Equal(500, error.HttpStatusCode);
        }

        [Fact]
        public void Parse_WarnsAboutTrailingBytes()
        {
            byte[] body = Body(("interval", 60)).Concat(Encoding.ASCII.GetBytes("\r\n\n")).ToArray();

            Assert.Contains("3 trailing bytes after the bencoded response", Parse(body).Warnings);
        }

        [Fact]
        public void Parse_LiteralBytesWithUnsortedKeysWarn()
        {
            AnnounceResponse response = Parse(Encoding.Latin1.GetBytes("d8:intervali60e5:peers0:e"));
            Assert.Empty(response.Warnings);

            AnnounceResponse unsorted = Parse(Encoding.Latin1.GetBytes("d5:peers6:\u007f\0\0\u0001\u001a\u00e1" + "8:intervali60ee"));
            Assert.Equal("127.0.0.1", Assert.Single(unsorted.Peers).IPAddress);
            Assert.Contains(unsorted.Warnings, w => w.StartsWith("bencode byte"));
        }

        [Theory]
        [InlineData("<html><body>404 Not Found</body></html>", "not bencode")]
        [InlineData("i42e", "with an integer where a dictionary is required")]
        [InlineData("", "empty body")]
        public void Parse_RejectsBodiesThatAreNotADictionary(string body, string expected)
        {
            TrackerException error = ParseFails(Encoding.ASCII.GetBytes(body));

            Assert.Equal(TrackerErrorKind.ProtocolViolation, error.Kind);
            Assert.Contains(expected, error.Message);
        }

        [Fact]
        public void Parse_QuotesACleanedExcerptOfAnHtmlBody()
        {
            string html = "<html>\r\n\t<title>Oops</title>\u0001" + new string('x', 300);

            TrackerException error = ParseFails(Encoding.UTF8.GetBytes(html), 404);

            Assert.Equal(404, error.HttpStatusCode);
            // At most 200 characters quoted, the ellipsis included.
            string excerpt = "<html> <title>Oops</title> " + new string('x', 200 - 27 - 1) + "…";
            Assert.Contains("\"" + excerpt + "\"", error.Message);
        }
    }
}
