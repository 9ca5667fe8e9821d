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
        /// preparation's promoted garbage is collected before hashing. Without that collection no full blocking collection
        /// happens while this check runs, and this fails. (The runtime's own full collections run in the background, so
        /// counting gen-2 collections instead counted one of those now and then.)
        /// </summary>
        [Fact]
        public void CheckingManyFiles_StartsWithAFullCollection()
        {
            Assert.True(CollectsFullyWhileChecking(4000));
        }

        /// <summary>100 files are 200 entries: a full collection per torrent would cost more than it returns.</summary>
        [Fact]
        public void CheckingAFewFiles_CollectsNothing()
        {
            Assert.False(CollectsFullyWhileChecking(100));
        }

        /// <summary>Whether a full blocking collection (what <c>GC.Collect()</c> makes) ran while the files were checked.</summary>
        private static bool CollectsFullyWhileChecking(int files)
        {
            using var tree = new ContentTree();
            var verifier = new TorrentVerifier(VerifierAllocationTests.HybridOfSmallFiles(tree, files), "t", tree.Root);
            Assert.Equal(2 * files >= TorrentVerifier.CollectFromEntries, verifier.Layout.Entries.Count >= TorrentVerifier.CollectFromEntries);
            long before = GC.GetGCMemoryInfo(GCKind.FullBlocking).Index;
            Assert.True(verifier.Verify(CancellationToken.None).Summary.IsComplete);
            return GC.GetGCMemoryInfo(GCKind.FullBlocking).Index != before;
        }
    }
}
