using System;
using System.Threading;
using TrackerPS.Core.Authoring;
using Xunit;

namespace TrackerPS.Core.Tests.Authoring
{
    /// <summary>
    /// Issue 13: preparing a check (Test-Torrent) must cost a bounded number of bytes per file: the torrent is decoded
    /// once, and the layout is built straight from its files. The constructor runs on the test thread only, so
    /// GC.GetAllocatedBytesForCurrentThread counts exactly its allocations.
    /// </summary>
    public sealed class VerifierAllocationTests
    {
        /// <summary>
        /// Per file of a hybrid of small files (one pad after each), measured: 2,385 bytes (the decode and parse, the
        /// output files pads included, each file's path and layout entry). Decoding each v1 path into byte arrays before
        /// its strings, as before, measured 2,505 and fails this (decoding the torrent a second time and building each path
        /// through per-element intermediates, before that, 5,946).
        /// </summary>
        private const int MaxBytesPerFile = 2450;

        [Fact]
        public void PreparingACheckOfAHybridOfManyFiles_AllocatesABoundedNumberOfBytesPerFile()
        {
            using var tree = new ContentTree();
            const int files = 2000;
            byte[] torrent = HybridOfSmallFiles(tree, files);
            // A first run takes the one-time costs (JIT, first-use caches) out of the one measured.
            _ = new TorrentVerifier(torrent, "t", tree.Root);

            long before = GC.GetAllocatedBytesForCurrentThread();
            var verifier = new TorrentVerifier(torrent, "t", tree.Root);
            long perFile = (GC.GetAllocatedBytesForCurrentThread() - before) / files;

            Assert.Equal(2 * files, verifier.Layout.Entries.Count);
            Assert.True(perFile <= MaxBytesPerFile, $"preparing the check allocated {perFile} bytes per file (at most {MaxBytesPerFile} allowed)");
        }

        /// <summary>Adds that many small files (1 to 15,000 bytes, 100 to a folder) to the tree and makes a hybrid of it in 16 KiB pieces.</summary>
        internal static byte[] HybridOfSmallFiles(ContentTree tree, int files)
        {
            for (int i = 0; i < files; i++)
            {
                tree.Add($"folder-{i / 100:00}/file-{i:00000}.dat", 1 + (i * 7919 % 15000));
            }

            return new TorrentCreator(ContentScanner.Scan(tree.Root, new ContentScanOptions()), new TorrentCreateOptions { Version = TorrentVersion.Hybrid, PieceLength = 16384 })
                .Create(CancellationToken.None);
        }
    }
}
