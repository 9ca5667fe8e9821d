using System;
using System.Threading;
using System.Threading.Tasks;
using TrackerPS.Core.Tests.Fakes;
using TrackerPS.Core.Tests.Trackers.Http;
using TrackerPS.Core.Tests.Trackers.Udp;
using TrackerPS.Core.Trackers;
using TrackerPS.Core.Trackers.Http;
using TrackerPS.Core.Trackers.Udp;
using Xunit;
using static TrackerPS.Core.Tests.Trackers.Http.BencodeBuilder;

namespace TrackerPS.Core.Tests.Hostile
{
    /// <summary>
    /// The public clients used directly, not through a run (issue 10): whatever reading one reply throws unforeseen is
    /// that request's ProtocolViolation with the original as the inner exception, and the client keeps working. The
    /// reply reader is replaced by one that fails for the first reply only; the trackers are the in-process fakes.
    /// </summary>
    public sealed class TrackerClientContainmentTests
    {
        private static readonly TrackerClientOptions s_options = new TrackerClientOptions { Timeout = TimeSpan.FromSeconds(30) };

        [Fact]
        public async Task HttpAnUnexpectedExceptionReadingAnAnnounceReplyIsAProtocolViolationAndTheNextAnnounceIsRead()
        {
            using var server = new FakeHttpTracker(new FakeHttpResponse { Body = Body(("interval", 900), ("peers", new byte[] { 127, 0, 0, 1, 0x1A, 0xE1 })) });
            var boom = new IndexOutOfRangeException("boom");
            int replies = 0;
            using var client = new HttpTrackerClient(s_options)
            {
                AnnounceParser = (reply, request) => Interlocked.Increment(ref replies) == 1
                    ? throw boom
                    : HttpAnnounceResponseParser.Parse(reply.Body, request, reply.StatusCode, reply.Elapsed),
            };
            AnnounceRequest announce = HttpAnnounceUriTests.Request(server.Url("/announce").AbsoluteUri);

            TrackerException error = await Assert.ThrowsAsync<TrackerException>(() => client.AnnounceAsync(announce, CancellationToken.None));
            AnnounceResponse next = await client.AnnounceAsync(announce, CancellationToken.None);

            Assert.Equal(TrackerErrorKind.ProtocolViolation, error.Kind);
            Assert.Same(boom, error.InnerException);
            Assert.Equal(announce.Tracker, error.Tracker);
            Assert.Equal(
                $"Tracker '{announce.Tracker}' sent a reply that could not be read (IndexOutOfRangeException: boom).",
                error.Message);
            Assert.Equal(TimeSpan.FromSeconds(900), next.Interval);
            Assert.Equal("127.0.0.1", Assert.Single(next.Peers).IPAddress);
        }

        [Fact]
        public async Task HttpTheClientsOwnErrorsPassThroughUnchanged()
        {
            using var server = new FakeHttpTracker(new FakeHttpResponse { Body = Body(("interval", 900)) });
            var own = new TrackerException(server.Url("/announce"), TrackerErrorKind.FailureReason, "own");
            using var client = new HttpTrackerClient(s_options) { AnnounceParser = (_, _) => throw own };

            TrackerException error = await Assert.ThrowsAsync<TrackerException>(
                () => client.AnnounceAsync(HttpAnnounceUriTests.Request(server.Url("/announce").AbsoluteUri), CancellationToken.None));

            Assert.Same(own, error);
        }

        [Fact]
        public async Task UdpAnUnexpectedExceptionDecodingAnAnnounceReplyIsAProtocolViolationAndTheNextAnnounceIsRead()
        {
            using var tracker = new FakeUdpTracker { CompactPeers = new byte[] { 127, 0, 0, 1, 0x1A, 0xE1 } };
            var boom = new NullReferenceException("boom");
            int replies = 0;
            using var client = new UdpTrackerClient(s_options)
            {
                AnnounceDecoder = (packet, transactionId, family) => Interlocked.Increment(ref replies) == 1
                    ? throw boom
                    : UdpAnnounceResponse.Decode(packet, transactionId, family),
            };
            AnnounceRequest announce = UdpTestRequests.Announce(tracker.Uri);

            TrackerException error = await Assert.ThrowsAsync<TrackerException>(() => client.AnnounceAsync(announce, CancellationToken.None));
            AnnounceResponse next = await client.AnnounceAsync(announce, CancellationToken.None);

            Assert.Equal(TrackerErrorKind.ProtocolViolation, error.Kind);
            Assert.Same(boom, error.InnerException);
            Assert.Equal(tracker.Uri, error.Tracker);
            Assert.Equal($"Tracker '{tracker.Uri}' sent a reply that could not be read (NullReferenceException: boom).", error.Message);
            Assert.Equal("127.0.0.1", Assert.Single(next.Peers).IPAddress);
        }

        [Fact]
        public async Task UdpTheCallersCancellationAndADisposedClientAreNotContained()
        {
            using var tracker = new FakeUdpTracker();
            using var cancelled = new CancellationTokenSource();
            using var client = new UdpTrackerClient(s_options)
            {
                AnnounceDecoder = (_, _, _) =>
                {
                    cancelled.Cancel();
                    throw new OperationCanceledException(cancelled.Token);
                },
            };
            var disposed = new UdpTrackerClient(s_options) { AnnounceDecoder = (_, _, _) => throw new ObjectDisposedException(nameof(UdpTrackerClient)) };

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.AnnounceAsync(UdpTestRequests.Announce(tracker.Uri), cancelled.Token));
            await Assert.ThrowsAsync<ObjectDisposedException>(() => disposed.AnnounceAsync(UdpTestRequests.Announce(tracker.Uri), CancellationToken.None));
            disposed.Dispose();
        }
    }
}
