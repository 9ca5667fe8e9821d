using System;
using System.Threading;
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

        /// <summary>
        /// 4,000 files and their pads are 8,000 layout entries, past <see cref="TorrentVerifier.CollectFromEntries"/>: the
        /// preparation's promoted garbage is collected before hashing. Without that collection no full collection happens
        /// while this check runs, and this fails.
        /// </summary>
        [Fact]
        public void CheckingManyFiles_StartsWithAFullCollection()
        {
            Assert.Equal(1, FullCollectionsWhileChecking(4000));
        }

        /// <summary>100 files are 200 entries: a full collection per torrent would cost more than it returns.</summary>
        [Fact]
        public void CheckingAFewFiles_CollectsNothing()
        {
            Assert.Equal(0, FullCollectionsWhileChecking(100));
        }

        private static int FullCollectionsWhileChecking(int files)
        {
            using var tree = new ContentTree();
            var verifier = new TorrentVerifier(VerifierAllocationTests.HybridOfSmallFiles(tree, files), "t", tree.Root);
            Assert.Equal(2 * files >= TorrentVerifier.CollectFromEntries, verifier.Layout.Entries.Count >= TorrentVerifier.CollectFromEntries);
            int before = GC.CollectionCount(2);
            Assert.True(verifier.Verify(CancellationToken.None).Summary.IsComplete);
            return GC.CollectionCount(2) - before;
        }
    }
}
