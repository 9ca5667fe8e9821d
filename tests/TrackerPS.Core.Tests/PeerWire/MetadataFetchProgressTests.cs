using System;
using System.Collections.Generic;
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
    /// <summary><see cref="MetadataFetcher.OnProgress"/> over several pieces, and after a failed hash check (the Pester test's libtorrent seeds have one piece and never lie).</summary>
    public sealed class MetadataFetchProgressTests
    {
        private const int Piece = 16384;

        private static byte[] Info(int length) => Enumerable.Range(0, length).Select(i => (byte)(i * 31 % 251)).ToArray();

        private static async Task<List<MetadataFetchProgress>> FetchAsync(byte[] info, params FakePeer[] peers)
        {
            var seen = new List<MetadataFetchProgress>();
            var fetcher = new MetadataFetcher(new MetadataFetchOptions { Timeout = TimeSpan.FromSeconds(10) }) { OnProgress = seen.Add };
            using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            byte[] fetched = await fetcher.FetchAsync(new MetadataTarget(new InfoHash(SHA1.HashData(info)), null), peers.Select(p => PeerAddress.Parse(p.EndPoint)), bound.Token);
            Assert.Equal(info, fetched);
            return seen;
        }

        private static string Describe(MetadataFetchProgress p) => $"{p.Tried}/{p.Peers} tried, {p.Connected} connected, {p.PiecesReceived}/{p.PieceCount}";

        [Fact]
        public async Task OnePeer_EachCountMovesOnce_InOrder()
        {
            byte[] info = Info((6 * Piece) + 1000);
            using var peer = new FakePeer(new FakeMetadataServer(info).ServeAsync);

            List<MetadataFetchProgress> seen = await FetchAsync(info, peer);

            string[] expected = new[] { "0/1 tried, 0 connected, 0/0", "1/1 tried, 0 connected, 0/0", "1/1 tried, 1 connected, 0/0" }
                .Concat(Enumerable.Range(0, 8).Select(n => $"1/1 tried, 1 connected, {n}/7"))
                .ToArray();
            Assert.Equal(expected, seen.Select(Describe));
        }

        [Fact]
        public async Task PiecesThatFailTheHashCheck_AreCountedOffAgain()
        {
            byte[] info = Info((2 * Piece) + 1000);
            var corruptDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using var corrupt = new FakePeer(async c =>
            {
                try
                {
                    await new FakeMetadataServer(info) { Corrupt = true }.ServeAsync(c);
                }
                finally
                {
                    corruptDone.TrySetResult();
                }
            });
            using var good = new FakePeer(new FakeMetadataServer(info) { StartAfter = corruptDone.Task }.ServeAsync);

            List<MetadataFetchProgress> seen = await FetchAsync(info, corrupt, good);

            // Consecutive repeats (reports of peers tried and connected) collapsed: 3 pieces, discarded, 3 again.
            IEnumerable<int> pieces = seen.Select(p => p.PiecesReceived).Where((n, i) => i == 0 || n != seen[i - 1].PiecesReceived);
            Assert.Equal(new[] { 0, 1, 2, 3, 0, 1, 2, 3 }, pieces);
            Assert.All(seen.SkipWhile(p => p.PieceCount == 0), p => Assert.Equal(3, p.PieceCount));
            Assert.Equal(2, seen[^1].Tried);
        }
    }
}
