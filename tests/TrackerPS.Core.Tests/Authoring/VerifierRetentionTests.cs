using System;
using TrackerPS.Core.Authoring;
using TrackerPS.Core.Tests.PeerWire;
using Xunit;

namespace TrackerPS.Core.Tests.Authoring
{
    /// <summary>
    /// Issue 13: what a prepared check (Test-Torrent) keeps alive while the content is hashed. It needs the layout, each
    /// file's pieces root and the torrent's pieces and piece layers, not the decoded document or one output file object
    /// per file. Runs alone: the live heap is counted for the whole process.
    /// </summary>
    [Collection(AllocationCollection.Name)]
    public sealed class VerifierRetentionTests
    {
        /// <summary>
        /// Per file of a hybrid of small files (one pad after each), measured: 922 bytes (the torrent's compact file
        /// entries, each file's layout entries, path strings and pieces root). Keeping the decoded document (for the
        /// piece layers) and the torrent's output files, as before, measured 1,549 and fails this.
        /// </summary>
        private const int MaxLiveBytesPerFile = 1150;

        [Fact]
        public void APreparedCheckOfAHybridOfManyFiles_KeepsABoundedNumberOfBytesPerFileAlive()
        {
            using var tree = new ContentTree();
            const int files = 4000;
            byte[] torrent = VerifierAllocationTests.HybridOfSmallFiles(tree, files);
            _ = new TorrentVerifier(torrent, "t", tree.Root);

            long before = GC.GetTotalMemory(forceFullCollection: true);
            var verifier = new TorrentVerifier(torrent, "t", tree.Root);
            long perFile = (GC.GetTotalMemory(forceFullCollection: true) - before) / files;
            GC.KeepAlive(verifier);

            Assert.True(perFile <= MaxLiveBytesPerFile, $"the prepared check kept {perFile} bytes per file alive (at most {MaxLiveBytesPerFile} allowed)");
        }
    }
}
