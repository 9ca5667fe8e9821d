using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TrackerPS.Core.Metainfo;
using TrackerPS.Core.Tests.Fakes;
using TrackerPS.Core.Trackers;
using TrackerPS.Core.Trackers.Http;
using Xunit;
using static TrackerPS.Core.Tests.Trackers.Http.BencodeBuilder;

namespace TrackerPS.Core.Tests.Trackers.Http
{
    /// <summary>Scrape over a real socket to <see cref="FakeHttpTracker"/> on 127.0.0.1.</summary>
    public class HttpTrackerClientScrapeTests
    {
        private static InfoHash Hash(int n) => new InfoHash(Enumerable.Repeat((byte)0, 18).Concat(new[] { (byte)(n >> 8), (byte)n }).ToArray());

        /// <summary>Answers every hash asked for with complete = its number, reading the hashes back from the escaped query.</summary>
        private static FakeHttpResponse Answer(FakeHttpRequest request)
        {
            IEnumerable<(byte[] Key, object Value)> files = request.Target.Split('?')[1].Split('&')
                .Where(p => p.StartsWith("info_hash=", StringComparison.Ordinal))
                .Select(p => Uri.UnescapeDataString(p.Substring("info_hash=".Length)).Select(c => (byte)c).ToArray())
                .Select(key => (key, (object)Dict(("complete", (key[18] << 8) | key[19]), ("incomplete", 0), ("downloaded", 0))));
            return FakeHttpResponse.Bencoded(Dict(("files", Dict(files.ToArray()))));
        }

        private static ScrapeRequest Request(FakeHttpTracker server, int count, string path = "/announce?passkey=p") => new ScrapeRequest
        {
            Tracker = server.Url(path),
            InfoHashes = Enumerable.Range(1, count).Select(Hash).ToArray(),
        };

        [Fact]
        public async Task Scrape_SendsTheDerivedUriWithEveryHash()
        {
            using var server = new FakeHttpTracker(Answer);
            using HttpTrackerClient client = HttpTrackerClientTests.Client();

            IReadOnlyList<ScrapeResult> results = (await client.ScrapeAsync(Request(server, 2), CancellationToken.None)).Results;

            string zeros = string.Concat(Enumerable.Repeat("%00", 18));
            Assert.Equal($"GET /scrape?passkey=p&info_hash={zeros}%00%01&info_hash={zeros}%00%02 HTTP/1.1", Assert.Single(server.Requests).RequestLine);
            Assert.Equal(new long?[] { 1, 2 }, results.Select(r => r.Seeders));
            Assert.Equal(Hash(2).ToHex(), results[1].InfoHash);
            Assert.Equal(server.Url("/announce?passkey=p"), results[1].Tracker);
        }

        [Fact]
        public async Task Scrape_BatchesFiftyHashesPerRequest()
        {
            using var server = new FakeHttpTracker(Answer);
            using HttpTrackerClient client = HttpTrackerClientTests.Client();

            IReadOnlyList<ScrapeResult> results = (await client.ScrapeAsync(Request(server, 120), CancellationToken.None)).Results;

            Assert.Equal(new[] { 50, 50, 20 }, server.Requests.Select(r => r.CountParameter("info_hash")));
            Assert.Equal(Enumerable.Range(1, 120).Select(i => (long?)i), results.Select(r => r.Seeders));
        }

        [Theory]
        [InlineData(414)]
        [InlineData(400)]
        public async Task Scrape_HalvesTheBatchWhileTheTrackerRefusesIt(int status)
        {
            using var server = new FakeHttpTracker(request => request.CountParameter("info_hash") > 10
                ? FakeHttpResponse.Text("URI too long", status)
                : Answer(request));
            using HttpTrackerClient client = HttpTrackerClientTests.Client();

            IReadOnlyList<ScrapeResult> results = (await client.ScrapeAsync(Request(server, 30), CancellationToken.None)).Results;

            Assert.Equal(new[] { 30, 15, 7, 7, 7, 7, 2 }, server.Requests.Select(r => r.CountParameter("info_hash")));
            Assert.Equal(Enumerable.Range(1, 30).Select(i => (long?)i), results.Select(r => r.Seeders));
        }

        [Fact]
        public async Task Scrape_GivesUpWhenEvenOneHashIsRefused()
        {
            using var server = new FakeHttpTracker(FakeHttpResponse.Bencoded(Dict(("failure reason", "bad request")), 400));
            using HttpTrackerClient client = HttpTrackerClientTests.Client();

            TrackerException error = await Assert.ThrowsAsync<TrackerException>(() => client.ScrapeAsync(Request(server, 4), CancellationToken.None));

            Assert.Equal(TrackerErrorKind.FailureReason, error.Kind);
            Assert.Equal(400, error.HttpStatusCode);
            Assert.Equal(new[] { 4, 2, 1 }, server.Requests.Select(r => r.CountParameter("info_hash")));
        }

        [Fact]
        public async Task Scrape_FailureReasonIsAnError()
        {
            using var server = new FakeHttpTracker(FakeHttpResponse.Bencoded(Dict(("failure reason", "scrape disabled"))));
            using HttpTrackerClient client = HttpTrackerClientTests.Client();

            TrackerException error = await Assert.ThrowsAsync<TrackerException>(() => client.ScrapeAsync(Request(server, 1), CancellationToken.None));

            Assert.Equal(TrackerErrorKind.FailureReason, error.Kind);
            Assert.Equal("scrape disabled", error.FailureReason);
        }

        [Theory]
        [InlineData("/announce/")]
        [InlineData("/a")]
        public async Task Scrape_ATrackerWithoutAnnounceInItsPathCannotBeScraped(string path)
        {
            using var server = new FakeHttpTracker(Answer);
            using HttpTrackerClient client = HttpTrackerClientTests.Client();

            TrackerException error = await Assert.ThrowsAsync<TrackerException>(() => client.ScrapeAsync(Request(server, 1, path), CancellationToken.None));

            Assert.Equal(TrackerErrorKind.ScrapeNotSupported, error.Kind);
            Assert.Empty(server.Requests);
        }

        [Fact]
        public async Task Scrape_NoHashesSendsNothing()
        {
            using var server = new FakeHttpTracker(Answer);
            using HttpTrackerClient client = HttpTrackerClientTests.Client();

            Assert.Empty((await client.ScrapeAsync(Request(server, 0), CancellationToken.None)).Results);
            Assert.Empty(server.Requests);
        }
    }
}
