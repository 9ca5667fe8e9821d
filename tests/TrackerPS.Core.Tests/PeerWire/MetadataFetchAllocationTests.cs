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
    /// <summary>Runs alone: the allocation bound counts the bytes every thread allocates while it runs.</summary>
    [CollectionDefinition(Name, DisableParallelization = true)]
    public sealed class AllocationCollection
    {
        /// <summary>The collection's name.</summary>
        public const string Name = "Allocation (not in parallel)";
    }

    /// <summary>
    /// What one metadata fetch allocates, from an in-process fake peer serving a 315,000-byte info dictionary (20 pieces,
    /// about the 5,000-file torrent of the benchmark). Each piece is read into the connection's buffer, decoded there and
    /// copied once into the assembly, whose buffer is the result: 1.5 to 1.6 times the size in all (the rest is the
    /// receive buffer, the request and bencode objects, tasks, and what the fake allocates). Five copies a piece (message
    /// body, payload, extended body, data, then the assembled result) allocated 5.6 times the size; one copy more than
    /// now fails the bound of twice the size.
    /// </summary>
    [Collection(AllocationCollection.Name)]
    public sealed class MetadataFetchAllocationTests
    {
        private const int Size = 315_000;

        [Fact]
        public async Task OneFetch_AllocatesAtMostTwiceTheMetadataSize()
        {
            byte[] info = Enumerable.Range(0, Size).Select(i => (byte)(i * 31 % 251)).ToArray();
            var target = new MetadataTarget(new InfoHash(SHA1.HashData(info)), null);
            byte[][] answers = Enumerable.Range(0, (Size + 16383) / 16384)
                .Select(p => FakePeerConnection.Data(FetchClientId, p, Size, FakePeerConnection.Slice(info, p)))
                .ToArray();
            using var peer = new FakePeer(c => ServeAsync(c, answers, info.Length));
            var fetcher = new MetadataFetcher(new MetadataFetchOptions { Timeout = TimeSpan.FromSeconds(10) });
            PeerAddress[] peers = { PeerAddress.Parse(peer.EndPoint) };

            // The first fetch pays for JIT compilation and the thread pool's start.
            Assert.Equal(info, await fetcher.FetchAsync(target, peers, CancellationToken.None));
            long before = GC.GetTotalAllocatedBytes(precise: true);
            byte[] fetched = await fetcher.FetchAsync(target, peers, CancellationToken.None);
            long allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

            Assert.Equal(info, fetched);
            Assert.True(allocated <= 2 * Size, $"one fetch of {Size} bytes allocated {allocated} bytes ({(double)allocated / Size:F2} times the size)");
        }

        // The client's ut_metadata id (MetadataPeerWorker.LocalMetadataId), written out: the answers are built before the fetch.
        private const byte FetchClientId = 1;

        // An honest peer whose answers are built before the fetch, so that what it allocates while serving is small.
        private static async Task ServeAsync(FakePeerConnection connection, byte[][] answers, int size)
        {
            await connection.HandshakeAsync();
            await connection.SendExtensionHandshakeAsync(size);
            byte clientId = await connection.ReadClientMetadataIdAsync();
            Assert.Equal(FetchClientId, clientId);
            while (true)
            {
                (int piece, _) = await connection.ReadMetadataRequestAsync(clientId);
                await connection.SendAsync(answers[piece]);
            }
        }
    }
}
