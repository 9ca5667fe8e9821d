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
    /// <summary>The metadata fetch against in-process fake peers that misbehave in the ways libtorrent will not.</summary>
    public sealed class MetadataFetcherTests
    {
        // 40,000 bytes: three pieces, the last 7,232 bytes.
        private static readonly byte[] s_info = Enumerable.Range(0, 40_000).Select(i => (byte)(i * 31 % 251)).ToArray();
        private static readonly MetadataTarget s_target = new MetadataTarget(new InfoHash(SHA1.HashData(s_info)), new InfoHash(SHA256.HashData(s_info)));

        private static MetadataFetcher Fetcher(double timeoutSeconds = 3, long maxSize = MetadataFetchOptions.DefaultMaxMetadataSize) =>
            new MetadataFetcher(new MetadataFetchOptions { Timeout = TimeSpan.FromSeconds(timeoutSeconds), MaxMetadataSize = maxSize });

        private static FakePeer Serve(FakeMetadataServer server) => new FakePeer(server.ServeAsync);

        private static Task<byte[]> FetchAsync(MetadataFetcher fetcher, params FakePeer[] peers) =>
            fetcher.FetchAsync(s_target, peers.Select(p => PeerAddress.Parse(p.EndPoint)), CancellationToken.None);

        private static async Task<MetadataFetchException> FailAsync(MetadataFetcher fetcher, params FakePeer[] peers) =>
            await Assert.ThrowsAsync<MetadataFetchException>(() => FetchAsync(fetcher, peers));

        [Fact]
        public async Task HonestPeer_SuppliesTheVerifiedBytes()
        {
            using FakePeer peer = Serve(new FakeMetadataServer(s_info));

            Assert.Equal(s_info, await FetchAsync(Fetcher(), peer));
        }

        [Fact]
        public async Task UnknownMsgType_IsIgnored()
        {
            using FakePeer peer = Serve(new FakeMetadataServer(s_info) { UnknownTypeFirst = true });

            Assert.Equal(s_info, await FetchAsync(Fetcher(), peer));
        }

        [Theory]
        [InlineData(0L)]
        [InlineData(-1L)]
        [InlineData(40_001L)]
        public async Task MetadataSize_OutOfRange_IsRefusedBeforeAllocating(long announced)
        {
            using FakePeer peer = Serve(new FakeMetadataServer(s_info) { AnnouncedSize = announced });

            MetadataFetchException error = await FailAsync(Fetcher(maxSize: 40_000), peer);

            Assert.Equal(MetadataErrorKind.NotFound, error.Kind);
            Assert.Contains($"{peer.EndPoint}: announced metadata_size {announced}, refused: it must be 1 to 40000 bytes", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task MissingMetadataSize_OrUtMetadata_IsNamed()
        {
            using FakePeer noSize = Serve(new FakeMetadataServer(s_info) { OmitSize = true });
            using FakePeer noExtension = Serve(new FakeMetadataServer(s_info) { NoUtMetadata = true });

            MetadataFetchException error = await FailAsync(Fetcher(), noSize, noExtension);

            Assert.Contains($"{noSize.EndPoint}: offers ut_metadata without a metadata_size", error.Message, StringComparison.Ordinal);
            Assert.Contains($"{noExtension.EndPoint}: does not offer ut_metadata", error.Message, StringComparison.Ordinal);
            Assert.Equal(2, error.Failures.Count);
        }

        [Theory]
        [InlineData("total_size", "announced metadata_size 40000 but sent total_size 40001")]
        [InlineData("piece", "sent piece 7 of a 3-piece info dictionary")]
        [InlineData("short", "bytes for piece")]
        [InlineData("long", "bytes for piece")]
        [InlineData("close", "closed the connection after")]
        public async Task LyingPeer_IsDropped_AndAnotherSupplies(string lie, string reason)
        {
            var liar = new FakeMetadataServer(s_info)
            {
                TotalSize = lie == "total_size" ? 40_001 : null,
                PieceIndex = lie == "piece" ? 7 : null,
                LengthChange = lie == "short" ? -1 : lie == "long" ? 1 : 0,
                CloseMidMessage = lie == "close",
            };
            using FakePeer bad = Serve(liar);
            using FakePeer good = Serve(new FakeMetadataServer(s_info) { DelayMilliseconds = 300 });
            string? dropped = null;
            var fetcher = new MetadataFetcher(new MetadataFetchOptions { Timeout = TimeSpan.FromSeconds(3) })
            {
                OnPeerFailed = (peer, why) => dropped = peer + ": " + why,
            };

            Assert.Equal(s_info, await FetchAsync(fetcher, bad, good));
            Assert.StartsWith(bad.EndPoint + ": ", dropped, StringComparison.Ordinal);
            Assert.Contains(reason, dropped, StringComparison.Ordinal);
        }

        [Fact]
        public async Task WrongPieces_OnlyPeer_IsAHashMismatchNamingIt()
        {
            using FakePeer bad = Serve(new FakeMetadataServer(s_info) { Corrupt = true });

            MetadataFetchException error = await FailAsync(Fetcher(), bad);

            Assert.Equal(MetadataErrorKind.HashMismatch, error.Kind);
            Assert.Contains($"{bad.EndPoint}: supplied pieces of a 40000-byte info dictionary that failed the info-hash check", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task WrongPieces_SupplierDropped_AndPiecesFetchedAgainFromOthers()
        {
            using FakePeer bad = Serve(new FakeMetadataServer(s_info) { Corrupt = true });
            using FakePeer good = Serve(new FakeMetadataServer(s_info) { DelayMilliseconds = 300 });

            Assert.Equal(s_info, await FetchAsync(Fetcher(), bad, good));
        }

        [Fact]
        public async Task PeersAnnouncingDifferentSizes_DoNotDisturbEachOther()
        {
            byte[] other = s_info.Take(20_000).ToArray();
            using FakePeer liar = Serve(new FakeMetadataServer(other));
            using FakePeer good = Serve(new FakeMetadataServer(s_info) { DelayMilliseconds = 100 });

            Assert.Equal(s_info, await FetchAsync(Fetcher(), liar, good));
        }

        [Fact]
        public async Task Reject_MakesItAskAnotherPeer_AndAlonelyRejectIsNamed()
        {
            using FakePeer rejecting = Serve(new FakeMetadataServer(s_info) { Reject = true });
            using FakePeer good = Serve(new FakeMetadataServer(s_info) { DelayMilliseconds = 200 });

            Assert.Equal(s_info, await FetchAsync(Fetcher(), rejecting, good));
            MetadataFetchException error = await FailAsync(Fetcher(), rejecting);
            Assert.Contains($"{rejecting.EndPoint}: rejected piece(s) 0, 1, 2", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task SlowDrip_IsDroppedByTheTimeout()
        {
            using FakePeer slow = Serve(new FakeMetadataServer(s_info) { DripMilliseconds = 20 });

            MetadataFetchException error = await FailAsync(Fetcher(timeoutSeconds: 1), slow);

            Assert.Contains($"{slow.EndPoint}: timeout: no message within 1 s", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task ExtensionHandshake_ComesWithTheHandshake_BeforeThePeerAnswers()
        {
            // The fake answers nothing until it has read our handshake and then our extension handshake (BEP 10), so a
            // client that waited for the peer's handshake before sending its own extension handshake would time out.
            bool? pipelined = null;
            using FakePeer peer = new FakePeer(async c =>
            {
                byte[] theirs = await c.ReadAsync(68);
                byte clientId = await c.ReadClientMetadataIdAsync();
                pipelined = true;
                await c.SendAsync(FakePeerConnection.Handshake(theirs[28..48]));
                await c.SendExtensionHandshakeAsync(s_info.Length);
                for (int i = 0; i < 3; i++)
                {
                    (int piece, _) = await c.ReadMetadataRequestAsync(clientId);
                    await c.SendAsync(FakePeerConnection.Data(clientId, piece, s_info.Length, FakePeerConnection.Slice(s_info, piece)));
                }

                // Closing with the client's keep-alives unread would reset the connection under the last piece.
                await Task.Delay(5_000);
            });

            Assert.Equal(s_info, await FetchAsync(Fetcher(timeoutSeconds: 2), peer));
            Assert.True(pipelined);
        }

        [Fact]
        public async Task PeerWithoutTheExtensionBit_IsNamed_ThoughItWasSentTheExtensionHandshake()
        {
            using FakePeer peer = new FakePeer(async c => { await c.HandshakeAsync(reserved5: 0); await Task.Delay(5_000); });

            MetadataFetchException error = await FailAsync(Fetcher(), peer);

            Assert.Contains($"{peer.EndPoint}: does not support the extension protocol (BEP 10), so it cannot send metadata", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task NoPeers_IsNotFound()
        {
            MetadataFetchException error = await FailAsync(Fetcher());

            Assert.Equal(MetadataErrorKind.NotFound, error.Kind);
            Assert.EndsWith("there were no peers to ask.", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Cancellation_EndsAtOnce()
        {
            using FakePeer silent = new FakePeer(async c => { await c.HandshakeAsync(); await Task.Delay(30_000); });
            using var cancel = new CancellationTokenSource(100);
            var clock = System.Diagnostics.Stopwatch.StartNew();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Fetcher(30).FetchAsync(s_target, new[] { PeerAddress.Parse(silent.EndPoint) }, cancel.Token));
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), clock.Elapsed.ToString());
        }
    }
}
