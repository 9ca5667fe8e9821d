using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using TrackerPS.Core.Metainfo;
using TrackerPS.Core.Tests.Fakes;
using TrackerPS.Core.Tests.Trackers.Http;
using TrackerPS.Core.Tests.Trackers.Udp;
using TrackerPS.Core.Threading;
using TrackerPS.Core.Trackers;
using TrackerPS.Core.Trackers.Http;
using TrackerPS.Core.Trackers.Udp;
using Xunit;

namespace TrackerPS.Core.Tests.Trackers
{
    /// <summary>
    /// Every failure message of the HTTP and UDP clients names the tracker without its secrets: a passkey in the path
    /// or the query never reaches the message, while <see cref="TrackerException.Tracker"/> keeps the real URI.
    /// </summary>
    public sealed class TrackerMessageRedactionTests
    {
        private const string PathKey = "0123456789abcdef0123456789abcdef";
        private const string QueryKey = "Zm9vYmFy-YmF6_cXV4LTEy";
        private const string Secrets = "/" + PathKey + "/announce?passkey=" + QueryKey;

        private static readonly TrackerClientOptions s_shortTimeout = new TrackerClientOptions { Timeout = TimeSpan.FromMilliseconds(350) };

        [Fact]
        public async Task Http_ConnectionRefused()
        {
            Uri tracker = new Uri($"http://127.0.0.1:{ClosedTcpPort()}{Secrets}");

            await AssertRedacted(tracker, TrackerErrorKind.ConnectionFailed, () => Announce(tracker));
        }

        [Fact]
        public async Task Http_FailureReason()
        {
            using var server = new FakeHttpTracker(FakeHttpResponse.Bencoded(BencodeBuilder.Dict(("failure reason", "unregistered torrent"))));

            await AssertRedacted(server.Url(Secrets), TrackerErrorKind.FailureReason, () => Announce(server.Url(Secrets)));
        }

        [Fact]
        public async Task Http_HtmlAnswer()
        {
            using var server = new FakeHttpTracker(FakeHttpResponse.Text("<html>login</html>", 403, "text/html"));

            await AssertRedacted(server.Url(Secrets), TrackerErrorKind.ProtocolViolation, () => Announce(server.Url(Secrets)));
        }

        [Fact]
        public async Task Http_RedirectToAnotherScheme_HidesTheLocationsSecretsToo()
        {
            using var server = new FakeHttpTracker(FakeHttpResponse.Redirect("ftp://elsewhere.example" + Secrets));

            await AssertRedacted(server.Url(Secrets), TrackerErrorKind.RefusedByPolicy, () => Announce(server.Url(Secrets)));
        }

        [Fact]
        public async Task Http_ScrapeNotSupported()
        {
            Uri tracker = new Uri("http://127.0.0.1:1/" + PathKey + "/a?passkey=" + QueryKey);
            using HttpTrackerClient client = HttpTrackerClientTests.Client();

            await AssertRedacted(tracker, TrackerErrorKind.ScrapeNotSupported, () => client.ScrapeAsync(Scrape(tracker), CancellationToken.None));
        }

        [Fact]
        public async Task UnsupportedScheme()
        {
            Uri tracker = new Uri("wss://t.example" + Secrets);

            await AssertRedacted(tracker, TrackerErrorKind.UnsupportedScheme, () => Task.FromResult(TrackerClientFactory.CreateDefault(new TrackerSession()).Resolve(tracker)));
        }

        [Fact]
        public async Task Udp_Timeout()
        {
            using var fake = new FakeUdpTracker { DropFirst = int.MaxValue };
            Uri tracker = new Uri($"udp://127.0.0.1:{fake.EndPoint.Port}{Secrets}");
            using var client = new UdpTrackerClient(s_shortTimeout);

            await AssertRedacted(tracker, TrackerErrorKind.Timeout, () => client.AnnounceAsync(UdpTestRequests.Announce(tracker), CancellationToken.None));
        }

        [Fact]
        public async Task Udp_ErrorPacket()
        {
            using var fake = new FakeUdpTracker { ErrorMessage = "unregistered torrent" };
            Uri tracker = new Uri($"udp://127.0.0.1:{fake.EndPoint.Port}{Secrets}");
            using var client = new UdpTrackerClient(UdpTestRequests.Options);

            await AssertRedacted(tracker, TrackerErrorKind.FailureReason, () => client.AnnounceAsync(UdpTestRequests.Announce(tracker), CancellationToken.None));
        }

        [Fact]
        public async Task Udp_NoPort()
        {
            Uri tracker = new Uri("udp://t.example" + Secrets);
            using var client = new UdpTrackerClient(UdpTestRequests.Options);

            await AssertRedacted(tracker, TrackerErrorKind.ConnectionFailed, () => client.ScrapeAsync(Scrape(tracker), CancellationToken.None));
        }

        [Fact]
        public async Task RunTimeout_OfAClientThatDoesNotTimeOut()
        {
            Uri tracker = new Uri("udp://127.0.0.1:1" + Secrets);
            var throttle = new HandoverThrottle(1);

            await AssertRedacted(tracker, TrackerErrorKind.Timeout, () => ThrottledTrackerRequest.SendAsync(
                tracker, throttle, TimeSpan.FromMilliseconds(50), null, token => Task.Delay(Timeout.Infinite, token).ContinueWith(_ => 0, token), CancellationToken.None));
        }

        [Fact]
        public async Task Udp_UrlDataTooLong()
        {
            Uri tracker = new Uri("udp://127.0.0.1:1" + Secrets + "&pad=" + new string('x', UdpUrlData.MaxUrlDataLength));
            using var client = new UdpTrackerClient(UdpTestRequests.Options);

            ArgumentException error = await Assert.ThrowsAsync<ArgumentException>(() => client.AnnounceAsync(UdpTestRequests.Announce(tracker), CancellationToken.None));

            Assert.Contains("…", error.Message, StringComparison.Ordinal);
            AssertNoSecret(error);
        }

        private static async Task AssertRedacted<T>(Uri tracker, TrackerErrorKind kind, Func<Task<T>> run)
        {
            TrackerException error = await Assert.ThrowsAsync<TrackerException>(() => run());

            Assert.Equal(kind, error.Kind);
            Assert.Equal(tracker, error.Tracker);
            Assert.Contains("…", error.Message, StringComparison.Ordinal);
            AssertNoSecret(error);
        }

        private static void AssertNoSecret(Exception error)
        {
            for (Exception? e = error; e is not null; e = e.InnerException)
            {
                Assert.True(e.Message.IndexOf(PathKey, StringComparison.OrdinalIgnoreCase) < 0, e.Message);
                Assert.True(e.Message.IndexOf(QueryKey, StringComparison.OrdinalIgnoreCase) < 0, e.Message);
            }
        }

        private static async Task<AnnounceResponse> Announce(Uri tracker)
        {
            using HttpTrackerClient client = HttpTrackerClientTests.Client();
            return await client.AnnounceAsync(HttpAnnounceUriTests.Request(tracker.AbsoluteUri), CancellationToken.None);
        }

        private static ScrapeRequest Scrape(Uri tracker) => new ScrapeRequest
        {
            Tracker = tracker,
            InfoHashes = new[] { UdpTestRequests.InfoHash },
        };

        private static int ClosedTcpPort()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            int port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            return port;
        }
    }
}
