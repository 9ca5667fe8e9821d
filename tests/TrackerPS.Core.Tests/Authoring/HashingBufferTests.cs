using System;
using System.Threading;
using TrackerPS.Core.Authoring;
using TrackerPS.Core.Tests.PeerWire;
using Xunit;

namespace TrackerPS.Core.Tests.Authoring
{
    /// <summary>
    /// Issue 13: the pipeline's chunk buffers are sized to what there is to read, so making or checking a small torrent
    /// (as a loop over many small folders does) does not allocate the 4 MiB buffers of a large one. The buffers are
    /// allocated on the reader threads, so this counts every thread's allocations and runs alone.
    /// </summary>
    [Collection(AllocationCollection.Name)]
    public sealed class HashingBufferTests
    {
        /// <summary>
        /// A 100,000-byte file in 16 KiB pieces, measured: 107 KB allocated in all as v1, 137 KB as a hybrid (one
        /// 100,000-byte buffer, the piece hashes, the threads' tasks). A 4 MiB buffer whatever the content, as before,
        /// measured 4.2 MB and fails this.
        /// </summary>
        private const long MaxBytes = 512 * 1024;

        [Theory]
        [InlineData(TorrentVersion.V1)]
        [InlineData(TorrentVersion.Hybrid)]
        public void HashingASmallFile_AllocatesNoBufferLargerThanTheFile(TorrentVersion version)
        {
            using var tree = new ContentTree();
            tree.Add("small.dat", 100_000);
            ContentLayout layout = ContentLayout.Create(ContentScanner.Scan(tree.Root, new ContentScanOptions()).Files, 16384, aligned: version != TorrentVersion.V1);
            Hash(layout, version);

            long before = GC.GetTotalAllocatedBytes(precise: true);
            PieceHashes hashes = Hash(layout, version);
            long allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

            Assert.Equal(7 * 20, hashes.V1!.Length);
            Assert.True(allocated <= MaxBytes, $"hashing 100,000 bytes allocated {allocated} bytes (at most {MaxBytes} allowed)");
        }

        private static PieceHashes Hash(ContentLayout layout, TorrentVersion version)
        {
            using var reader = new ContentReader(layout, ContentReadMode.Create);
            return new HashingPipeline(layout, v1: true, v2: version != TorrentVersion.V1).Run(reader, CancellationToken.None);
        }
    }
}
