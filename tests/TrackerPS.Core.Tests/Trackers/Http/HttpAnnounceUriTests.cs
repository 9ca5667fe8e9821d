using System;
using System.Net;
using System.Text;
using TrackerPS.Core.Metainfo;
using TrackerPS.Core.Trackers;
using TrackerPS.Core.Trackers.Http;
using Xunit;

namespace TrackerPS.Core.Tests.Trackers.Http
{
    public class HttpAnnounceUriTests
    {
        // 0x00, space, '%', '+', 0xFF, then unreserved (A ~ - . _ 0 z), reserved (/ ? & =), and high/low bytes.
        internal static readonly byte[] AwkwardHash =
        {
            0x00, 0x20, 0x25, 0x2B, 0xFF, 0x41, 0x7E, 0x2D, 0x2E, 0x5F, 0x30, 0x7A, 0x2F, 0x3F, 0x26, 0x3D, 0x80, 0x01, 0x61, 0x39,
        };

        internal const string AwkwardHashEscaped = "%00%20%25%2B%FFA~-._0z%2F%3F%26%3D%80%01a9";

        internal static AnnounceRequest Request(string tracker) => new AnnounceRequest
        {
            Tracker = new Uri(tracker),
            InfoHash = new InfoHash(AwkwardHash),
            PeerId = Encoding.ASCII.GetBytes("-TP0010-abcdefghijkl"),
            Port = 6881,
            Uploaded = 1,
            Downloaded = 2,
            Left = 5_000_000_000,
            Key = 0xBEEF,
        };

        [Fact]
        public void Build_EscapesEveryReservedByteAndKeepsUnreservedLiteral()
        {
            Uri uri = HttpAnnounceUri.Build(Request("http://tracker.example/announce"));

            string expected = "http://tracker.example/announce?info_hash=" + AwkwardHashEscaped
                + "&peer_id=-TP0010-abcdefghijkl&port=6881&uploaded=1&downloaded=2&left=5000000000&compact=1&key=0000BEEF";
            Assert.Equal(expected, uri.AbsoluteUri);
            Assert.Equal(expected, uri.OriginalString);
            Assert.Equal(expected.Substring("http://tracker.example".Length), uri.PathAndQuery);
        }

        [Fact]
        public void Build_AppendsToAnExistingQuery()
        {
            Uri uri = HttpAnnounceUri.Build(Request("https://t.example:8443/a/announce.php?passkey=abc"));

            Assert.StartsWith("https://t.example:8443/a/announce.php?passkey=abc&info_hash=" + AwkwardHashEscaped + "&peer_id=", uri.AbsoluteUri);
        }

        [Theory]
        [InlineData("http://t.example/announce?", "http://t.example/announce?info_hash=")]
        [InlineData("http://t.example/announce?passkey=abc&", "http://t.example/announce?passkey=abc&info_hash=")]
        [InlineData("http://t.example/announce#frag", "http://t.example/announce?info_hash=")]
        public void Build_NeitherDuplicatesNorLosesSeparators(string tracker, string expectedStart)
        {
            Assert.StartsWith(expectedStart + AwkwardHashEscaped + "&", HttpAnnounceUri.Build(Request(tracker)).AbsoluteUri);
        }

        [Fact]
        public void Build_KeepsAnInfoHashTheUrlAlreadyHas()
        {
            Uri uri = HttpAnnounceUri.Build(Request("http://t.example/announce?info_hash=x"));

            Assert.StartsWith("http://t.example/announce?info_hash=x&info_hash=" + AwkwardHashEscaped + "&", uri.AbsoluteUri);
        }

        [Fact]
        public void Build_WritesEveryOptionalParameter()
        {
            AnnounceRequest request = Request("http://t.example/announce");
            request = new AnnounceRequest
            {
                Tracker = request.Tracker,
                InfoHash = request.InfoHash,
                PeerId = request.PeerId,
                Port = 51413,
                Uploaded = long.MaxValue,
                Event = TrackerEvent.Started,
                NumWant = 0,
                Key = 0xDEADBEEF,
                TrackerId = "id 1+2",
                IPAddress = IPAddress.Parse("2001:db8::1"),
                Compact = false,
            };

            string query = HttpAnnounceUri.Build(request).Query;

            Assert.EndsWith(
                "&port=51413&uploaded=9223372036854775807&downloaded=0&left=0&compact=0&event=started&numwant=0&key=DEADBEEF&trackerid=id%201%2B2&ip=2001%3Adb8%3A%3A1",
                query);
        }

        [Theory]
        [InlineData(TrackerEvent.Started, "&event=started&")]
        [InlineData(TrackerEvent.Completed, "&event=completed&")]
        [InlineData(TrackerEvent.Stopped, "&event=stopped&")]
        [InlineData(TrackerEvent.Paused, "&event=paused&")]
        public void Build_WritesTheEvent(TrackerEvent trackerEvent, string expected)
        {
            AnnounceRequest template = Request("http://t.example/announce");
            var request = new AnnounceRequest { Tracker = template.Tracker, InfoHash = template.InfoHash, Event = trackerEvent };

            Assert.Contains(expected, HttpAnnounceUri.Build(request).Query);
        }

        [Fact]
        public void Build_OmitsEventAndNumWantByDefault()
        {
            string query = HttpAnnounceUri.Build(Request("http://t.example/announce")).Query;

            Assert.DoesNotContain("event=", query);
            Assert.DoesNotContain("numwant=", query);
            Assert.DoesNotContain("trackerid=", query);
            Assert.DoesNotContain("&ip=", query);
        }

        [Fact]
        public void Build_SendsTheTruncatedV2Hash()
        {
            var v2 = new byte[32];
            v2[0] = 0xAB;
            v2[19] = 0xCD;
            v2[20] = 0xEF;
            var request = new AnnounceRequest { Tracker = new Uri("http://t.example/announce"), InfoHash = new InfoHash(v2) };

            Assert.Contains("info_hash=%AB" + string.Concat(System.Linq.Enumerable.Repeat("%00", 18)) + "%CD&", HttpAnnounceUri.Build(request).Query);
        }
    }
}
