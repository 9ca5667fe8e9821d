using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using TrackerPS.Core.Network;
using TrackerPS.Core.Tests.Fakes;
using TrackerPS.Core.Tests.Network;
using TrackerPS.Core.Trackers;
using TrackerPS.Core.Trackers.Http;
using Xunit;
using static TrackerPS.Core.Tests.Trackers.Http.BencodeBuilder;

namespace TrackerPS.Core.Tests.Trackers.Http
{
    /// <summary>Announce over a real socket to <see cref="FakeHttpTracker"/> on 127.0.0.1.</summary>
    public class HttpTrackerClientTests
    {
        private static readonly byte[] s_okBody = Body(("interval", 1800), ("peers", new byte[] { 127, 0, 0, 1, 0x1A, 0xE1 }));

        internal static HttpTrackerClient Client(int timeoutMs = 2000, int maxResponseSize = TrackerClientOptions.DefaultMaxResponseSize) =>
            new HttpTrackerClient(new TrackerClientOptions
            {
                Timeout = TimeSpan.FromMilliseconds(timeoutMs),
                MaxResponseSize = maxResponseSize,
                UserAgent = "TrackerPS-test/1.0",

                // The fake tracker listens on loopback but stands in for a tracker on the internet (any path, any redirect);
                // the policy's own rules are tested in NetworkPolicyTests and HttpTrackerPolicyTests.
                NetworkPolicy = TestPolicies.LoopbackAsGlobal,
            });

        private static async Task<AnnounceResponse> Announce(FakeHttpTracker server, string path = "/announce", int timeoutMs = 2000, int maxResponseSize = TrackerClientOptions.DefaultMaxResponseSize)
        {
            using HttpTrackerClient client = Client(timeoutMs, maxResponseSize);
            return await client.AnnounceAsync(HttpAnnounceUriTests.Request(server.Url(path).AbsoluteUri), CancellationToken.None);
        }

        private static async Task<TrackerException> AnnounceFails(FakeHttpTracker server, string path = "/announce", int timeoutMs = 2000, int maxResponseSize = TrackerClientOptions.DefaultMaxResponseSize) =>
            await Assert.ThrowsAsync<TrackerException>(() => Announce(server, path, timeoutMs, maxResponseSize));

        [Fact]
        public async Task Announce_SendsExactlyOurEscapesOnTheRequestLine()
        {
            using var server = new FakeHttpTracker(new FakeHttpResponse { Body = s_okBody });

            AnnounceResponse response = await Announce(server, "/x/announce.php?passkey=abc");

            FakeHttpRequest request = Assert.Single(server.Requests);
            Assert.Equal(
                "GET /x/announce.php?passkey=abc&info_hash=" + HttpAnnounceUriTests.AwkwardHashEscaped
                + "&peer_id=-TP0010-abcdefghijkl&port=6881&uploaded=1&downloaded=2&left=5000000000&compact=1&key=0000BEEF HTTP/1.1",
                request.RequestLine);
            Assert.Equal("TrackerPS-test/1.0", request.Headers["user-agent"]);
            Assert.Equal("127.0.0.1", Assert.Single(response.Peers).IPAddress);
            Assert.Equal(TimeSpan.FromSeconds(1800), response.Interval);
            Assert.True(response.Elapsed > TimeSpan.Zero);
        }

        [Fact]
        public async Task Announce_GunzipsPerContentEncoding()
        {
            using var server = new FakeHttpTracker(new FakeHttpResponse
            {
                Body = HttpContentDecoderTests.Gzip(s_okBody),
                Headers = new[] { new KeyValuePair<string, string>("Content-Encoding", "gzip") },
            });

            Assert.Single((await Announce(server)).Peers);
            Assert.Contains("gzip", server.Requests[0].Headers["accept-encoding"]);
        }

        [Fact]
        public async Task Announce_GunzipsWithoutAContentEncodingHeader()
        {
            using var server = new FakeHttpTracker(new FakeHttpResponse { Body = HttpContentDecoderTests.Gzip(s_okBody) });

            Assert.Single((await Announce(server)).Peers);
        }

        [Fact]
        public async Task Announce_ReadsABodyDelimitedByConnectionClose()
        {
            using var server = new FakeHttpTracker(new FakeHttpResponse { Body = s_okBody, SendContentLength = false });

            Assert.Single((await Announce(server)).Peers);
        }

        [Fact]
        public async Task Announce_FollowsFiveRedirectsWithRelativeAndAbsoluteLocations()
        {
            FakeHttpTracker? server = null;
            server = new FakeHttpTracker(request => request.Path switch
            {
                "/r5" => FakeHttpResponse.Redirect("/r4", 301),
                "/r4" => FakeHttpResponse.Redirect("r3", 302),
                "/r3" => FakeHttpResponse.Redirect(server!.Url("/r2").AbsoluteUri, 303),
                "/r2" => FakeHttpResponse.Redirect("/r1", 307),
                "/r1" => FakeHttpResponse.Redirect("/final?x=1", 308),
                _ => new FakeHttpResponse { Body = s_okBody },
            });
            using (server)
            {
                Assert.Single((await Announce(server, "/r5")).Peers);
                Assert.Equal(new[] { "/r5", "/r4", "/r3", "/r2", "/r1", "/final" }, server.Requests.Select(r => r.Path));
                Assert.Equal("GET /final?x=1 HTTP/1.1", server.Requests[5].RequestLine);
            }
        }

        [Fact]
        public async Task Announce_RefusesASixthRedirect()
        {
            using var server = new FakeHttpTracker(request => request.Path == "/r0"
                ? new FakeHttpResponse { Body = s_okBody }
                : FakeHttpResponse.Redirect("/r" + (int.Parse(request.Path.Substring(2)) - 1)));

            TrackerException error = await AnnounceFails(server, "/r6");

            Assert.Equal(TrackerErrorKind.RefusedByPolicy, error.Kind);
            Assert.Equal(NetworkPolicyRule.RedirectLimit, error.PolicyRule);
            Assert.Contains("redirected more than 5 times", error.Message);
            Assert.Equal(6, server.Requests.Count);
        }

        [Theory]
        [InlineData("ftp://127.0.0.1/announce", "which is not http or https")]
        [InlineData("udp://127.0.0.1:6969/announce", "which is not http or https")]
        public async Task Announce_RefusesARedirectToAnotherScheme(string location, string expected)
        {
            using var server = new FakeHttpTracker(FakeHttpResponse.Redirect(location));

            TrackerException error = await AnnounceFails(server);

            Assert.Equal(TrackerErrorKind.RefusedByPolicy, error.Kind);
            Assert.Equal(NetworkPolicyRule.RedirectScheme, error.PolicyRule);
            Assert.Contains(expected, error.Message);
            Assert.Equal(302, error.HttpStatusCode);
        }

        [Fact]
        public async Task Announce_RefusesARedirectWithoutLocation()
        {
            using var server = new FakeHttpTracker(new FakeHttpResponse { Status = 302 });

            Assert.Contains("without a Location header", (await AnnounceFails(server)).Message);
        }

        [Fact]
        public async Task Announce_Html404IsAViolationQuotingTheBody()
        {
            using var server = new FakeHttpTracker(FakeHttpResponse.Text("<html>\n<h1>Not Found</h1>\n</html>", 404, "text/html"));

            TrackerException error = await AnnounceFails(server);

            Assert.Equal(TrackerErrorKind.ProtocolViolation, error.Kind);
            Assert.Equal(404, error.HttpStatusCode);
            Assert.Contains("HTTP 404", error.Message);
            Assert.Contains("\"<html> <h1>Not Found</h1> </html>\"", error.Message);
        }

        [Fact]
        public async Task Announce_200WithFailureReasonIsAFailure()
        {
            using var server = new FakeHttpTracker(FakeHttpResponse.Bencoded(Dict(("failure reason", "torrent not registered"))));

            TrackerException error = await AnnounceFails(server);

            Assert.Equal(TrackerErrorKind.FailureReason, error.Kind);
            Assert.Equal("torrent not registered", error.FailureReason);
            Assert.Equal(200, error.HttpStatusCode);
        }

        [Fact]
        public async Task Announce_4xxWithBencodedFailureIsAFailureWithTheStatus()
        {
            using var server = new FakeHttpTracker(FakeHttpResponse.Bencoded(Dict(("failure reason", "invalid passkey"), ("retry in", 60)), 403));

            TrackerException error = await AnnounceFails(server);

            Assert.Equal(TrackerErrorKind.FailureReason, error.Kind);
            Assert.Equal("invalid passkey", error.FailureReason);
            Assert.Equal(403, error.HttpStatusCode);
            Assert.Equal(TimeSpan.FromHours(1), error.RetryIn);
        }

        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public async Task Announce_RefusesAnOversizedBody(bool sendContentLength)
        {
            byte[] body = Body(("interval", 60), ("padding", new byte[2000]));
            using var server = new FakeHttpTracker(new FakeHttpResponse { Body = body, SendContentLength = sendContentLength });

            TrackerException error = await AnnounceFails(server, maxResponseSize: 1000);

            Assert.Equal(TrackerErrorKind.ProtocolViolation, error.Kind);
            Assert.Contains("response that exceeds 1000 bytes", error.Message);
        }

        [Fact]
        public async Task Announce_AcceptsABodyOfExactlyTheLimit()
        {
            using var server = new FakeHttpTracker(new FakeHttpResponse { Body = s_okBody });

            Assert.Single((await Announce(server, maxResponseSize: s_okBody.Length)).Peers);
        }

        [Fact]
        public async Task Announce_RefusesABodyThatDecompressesPastTheLimit()
        {
            byte[] body = HttpContentDecoderTests.Gzip(Body(("interval", 60), ("padding", new byte[50_000])));
            using var server = new FakeHttpTracker(new FakeHttpResponse
            {
                Body = body,
                Headers = new[] { new KeyValuePair<string, string>("Content-Encoding", "gzip") },
            });

            TrackerException error = await AnnounceFails(server, maxResponseSize: 10_000);

            Assert.True(body.Length < 10_000);
            Assert.Contains("exceeds 10000 bytes after gzip decompression", error.Message);
        }

        [Fact]
        public async Task Announce_ConnectionClosedMidBodyIsAConnectionFailure()
        {
            using var server = new FakeHttpTracker(new FakeHttpResponse { Body = s_okBody, CloseAfterBodyBytes = 10 });

            TrackerException error = await AnnounceFails(server);

            Assert.Equal(TrackerErrorKind.ConnectionFailed, error.Kind);
        }

        // HttpClient keeps a connection whose reply lacked "Connection: close" and, when the next request on it is reset
        // before any reply, sends that request again on a new connection (RFC 9112 §9.3.1). opentracker closes after
        // every reply without saying so; these two tests pin what the client does with such a server.
        [Fact]
        public async Task Announce_RepeatsOnANewConnectionARequestResetOnAReusedConnection()
        {
            using var server = new FakeHttpTracker(new FakeHttpResponse { Body = s_okBody }, FakeConnectionReuse.ResetNextRequest);
            using HttpTrackerClient client = Client();
            AnnounceRequest request = HttpAnnounceUriTests.Request(server.Url("/announce").AbsoluteUri);

            await client.AnnounceAsync(request, CancellationToken.None);
            AnnounceResponse second = await client.AnnounceAsync(request, CancellationToken.None);

            Assert.Single(second.Peers);
            Assert.Equal(1, server.ResetRequests);
            Assert.Equal(2, server.Requests.Count);
        }

        [Fact]
        public async Task Announce_ATrackerThatResetsEveryRequestIsAConnectionFailure()
        {
            using var server = new FakeHttpTracker(new FakeHttpResponse { Body = s_okBody }, FakeConnectionReuse.ResetEveryRequest);

            TrackerException error = await AnnounceFails(server);

            Assert.Equal(TrackerErrorKind.ConnectionFailed, error.Kind);
            Assert.StartsWith($"Could not reach tracker {server.Url("/announce")}", error.Message);
        }

        [Fact]
        public async Task Announce_ARequestResetEveryTimeIsSentMaxSendsPerHopTimes()
        {
            // HttpClient may send a reset request again on its own: what one send costs is measured on the same server.
            using var server = new FakeHttpTracker(new FakeHttpResponse { Body = s_okBody }, FakeConnectionReuse.ResetEveryRequest);
            using (var plain = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }))
            {
                await Assert.ThrowsAsync<HttpRequestException>(() => plain.GetAsync(server.Url("/announce")));
            }

            int oneSend = server.ResetRequests;
            await AnnounceFails(server);

            Assert.True(oneSend >= 1);
            Assert.Equal(oneSend * (1 + HttpTrackerTransport.MaxSendsPerHop), server.ResetRequests);
        }

        [Fact]
        public void OnlyAResetOrEndedConnectionIsRepeated_NeverARefusedOneANameOrTls()
        {
            static HttpRequestException Failed(Exception inner) => new HttpRequestException("failed", inner);

            Assert.True(HttpTrackerTransport.IsDroppedConnection(Failed(new SocketException((int)SocketError.ConnectionReset))));
            Assert.True(HttpTrackerTransport.IsDroppedConnection(Failed(new IOException("reset", new SocketException((int)SocketError.ConnectionReset)))));
            Assert.True(HttpTrackerTransport.IsDroppedConnection(Failed(new IOException("The response ended prematurely."))));
            Assert.False(HttpTrackerTransport.IsDroppedConnection(Failed(new SocketException((int)SocketError.ConnectionRefused))));
            Assert.False(HttpTrackerTransport.IsDroppedConnection(Failed(new SocketException((int)SocketError.HostNotFound))));
            Assert.False(HttpTrackerTransport.IsDroppedConnection(Failed(new IOException("refused", new SocketException((int)SocketError.ConnectionRefused)))));
            Assert.False(HttpTrackerTransport.IsDroppedConnection(Failed(new System.Security.Authentication.AuthenticationException("tls"))));
            Assert.False(HttpTrackerTransport.IsDroppedConnection(new HttpRequestException("no inner")));
        }

        [Fact]
        public async Task Announce_NoHeadersWithinTheTimeoutIsATimeout()
        {
            using var server = new FakeHttpTracker(new FakeHttpResponse { Body = s_okBody, HeaderDelay = TimeSpan.FromSeconds(10) });

            TrackerException error = await AnnounceFails(server, timeoutMs: 300);

            Assert.Equal(TrackerErrorKind.Timeout, error.Kind);
            Assert.Contains("did not answer within 0.3 s", error.Message);
        }

        [Fact]
        public async Task Announce_ABodyDrippingPastTheTimeoutIsATimeout()
        {
            using var server = new FakeHttpTracker(new FakeHttpResponse { Body = s_okBody, DripInterval = TimeSpan.FromMilliseconds(100) });

            TrackerException error = await AnnounceFails(server, timeoutMs: 500);

            Assert.Equal(TrackerErrorKind.Timeout, error.Kind);
        }

        [Fact]
        public async Task Announce_CallerCancellationIsNotATimeout()
        {
            using var server = new FakeHttpTracker(new FakeHttpResponse { Body = s_okBody, HeaderDelay = TimeSpan.FromSeconds(10) });
            using HttpTrackerClient client = Client(timeoutMs: 10_000);
            using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

            Exception error = await Assert.ThrowsAnyAsync<OperationCanceledException>(
                () => client.AnnounceAsync(HttpAnnounceUriTests.Request(server.Url("/announce").AbsoluteUri), cancellation.Token));

            Assert.Equal(cancellation.Token, ((OperationCanceledException)error).CancellationToken);
        }

        [Fact]
        public async Task Announce_ConnectionRefusedIsAConnectionFailure()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            using HttpTrackerClient client = Client();

            TrackerException error = await Assert.ThrowsAsync<TrackerException>(
                () => client.AnnounceAsync(HttpAnnounceUriTests.Request($"http://127.0.0.1:{port}/announce"), CancellationToken.None));

            Assert.Equal(TrackerErrorKind.ConnectionFailed, error.Kind);
            Assert.Contains($"Could not reach tracker http://127.0.0.1:{port}/announce", error.Message);
            Assert.Single(Regex.Matches(error.Message, "Connection refused"));
        }

        [Theory]
        [InlineData("udp://127.0.0.1:6969/announce")]
        [InlineData("ftp://127.0.0.1/announce")]
        public async Task Announce_RefusesOtherSchemes(string tracker)
        {
            using HttpTrackerClient client = Client();

            TrackerException error = await Assert.ThrowsAsync<TrackerException>(
                () => client.AnnounceAsync(HttpAnnounceUriTests.Request(tracker), CancellationToken.None));

            Assert.Equal(TrackerErrorKind.UnsupportedScheme, error.Kind);
        }
    }
}
