using System;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using TrackerPS.Core.Metainfo;
using TrackerPS.Core.PeerWire;
using TrackerPS.Core.PeerWire.Metadata;
using TrackerPS.Core.Tests.Fakes;
using Xunit;

namespace TrackerPS.Core.Tests.PeerWire
{
    /// <summary>
    /// <see cref="MetadataPeerWorker"/>'s request window against in-process fake peers, which can hold their answers and
    /// see a keep-alive (libtorrent does neither on request): 5 ut_metadata requests in flight per peer, a reject inside
    /// the window, and the keep-alive after each piece once nothing is left to ask.
    /// </summary>
    public sealed class MetadataRequestWindowTests
    {
        // MetadataPeerWorker.RequestWindow, written out: the test states the behaviour, not the constant.
        private const int Window = 5;
        private const int Piece = 16384;

        private static byte[] Info(int length) => Enumerable.Range(0, length).Select(i => (byte)(i * 31 % 251)).ToArray();

        private static MetadataTarget Target(byte[] info) => new MetadataTarget(new InfoHash(SHA1.HashData(info)), null);

        private static MetadataFetcher Fetcher(Action<string, string>? onPeerFailed = null) =>
            new MetadataFetcher(new MetadataFetchOptions { Timeout = TimeSpan.FromSeconds(10) }) { OnPeerFailed = onPeerFailed };

        private static async Task<byte[]> FetchAsync(MetadataFetcher fetcher, byte[] info, params FakePeer[] peers)
        {
            // A worker that loops on a rejecting peer would never time out (each reject restarts the timeout).
            using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            return await fetcher.FetchAsync(Target(info), peers.Select(p => PeerAddress.Parse(p.EndPoint)), bound.Token);
        }

        [Theory]
        [InlineData(1)]
        [InlineData(3)]
        [InlineData(5)]
        [InlineData(6)]
        [InlineData(20)]
        public async Task FirstWrite_HoldsMinOfWindowAndPieceCount_Requests(int pieceCount)
        {
            byte[] info = Info(((pieceCount - 1) * Piece) + 1000);
            var server = new FakeRequestWindowServer(info);
            using var peer = new FakePeer(server.ServeAsync);

            Assert.Equal(info, await FetchAsync(Fetcher(), info, peer));
            Assert.Equal(Math.Min(Window, pieceCount), server.FirstWindow);
        }

        [Fact]
        public async Task KeepAlive_FollowsEachPiece_OnceEveryPieceIsRequested()
        {
            // 7 pieces: 0 to 4 asked at once, 5 after piece 0, 6 after piece 1; then nothing is left to ask for.
            byte[] info = Info((6 * Piece) + 1000);
            var server = new FakeRequestWindowServer(info);
            using var peer = new FakePeer(server.ServeAsync);

            Assert.Equal(info, await FetchAsync(Fetcher(), info, peer));
            Assert.Equal(new[] { "request 5", "request 6", "keep-alive", "keep-alive", "keep-alive", "keep-alive" }, server.AfterPiece);
        }

        [Fact]
        public async Task RejectInsideTheWindow_OnlyThatPieceIsAskedOfAnotherPeer_AndTheFetchCompletes()
        {
            byte[] info = Info((6 * Piece) + 1000);
            var rejectingDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var rejecting = new FakeMetadataServer(info) { RejectPiece = 1 };
            // The second peer starts once the first is done with, so that only what the first could not give is left.
            var good = new FakeMetadataServer(info) { StartAfter = rejectingDone.Task };
            using var first = new FakePeer(async c =>
            {
                try
                {
                    await rejecting.ServeAsync(c);
                }
                finally
                {
                    rejectingDone.TrySetResult();
                }
            });
            using var second = new FakePeer(good.ServeAsync);
            string? dropped = null;

            Assert.Equal(info, await FetchAsync(Fetcher((peer, why) => dropped ??= peer + ": " + why), info, first, second));
            Assert.Equal(Enumerable.Range(0, 7), rejecting.Requested.OrderBy(p => p));
            Assert.Equal(new[] { 1 }, good.Requested);
            Assert.Equal(first.EndPoint + ": rejected piece(s) 1", dropped);
        }
    }
}
