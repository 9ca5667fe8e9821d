using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Threading;
using TrackerPS.Core.Authoring;
using Xunit;

namespace TrackerPS.Core.Tests.Authoring
{
    /// <summary>
    /// Issue 13: hashing's memory must not grow with the number of files beyond a small constant per file. The reader and
    /// the hashing run here on the test thread (as the pipeline's reader and workers do, piece by piece), so
    /// GC.GetAllocatedBytesForCurrentThread counts exactly their allocations and nothing of other tests.
    /// </summary>
    public sealed class HashingAllocationTests
    {
        /// <summary>
        /// Per small file, measured: about 1 KiB (the FileStream and its handle, one 32-byte SHA-256 result per block and per
        /// merkle node, one SHA-1 result, the chunk's work items). A 4 KiB buffer per file, as before issue 13, fails this.
        /// </summary>
        private const int MaxBytesPerFile = 2048;

        [Fact]
        public void ReadingAndHashingAHybridOfManySmallFiles_AllocatesABoundedNumberOfBytesPerFile()
        {
            long perFile = AllocatedBytesPerFile(pieceLength: 16384, i => 1000 + (i * 7919 % 15000));
            Assert.True(perFile <= MaxBytesPerFile, $"hashing allocated {perFile} bytes per small file (at most {MaxBytesPerFile} allowed)");
        }

        /// <summary>
        /// Per small file of up to four 16 KiB blocks in 64 KiB pieces (a merkle tree of up to two levels each), measured:
        /// 1,815 bytes. A new array per tree level, as before, measured 1,930 and fails this.
        /// </summary>
        private const int MaxBytesPerMultiBlockFile = 1870;

        [Fact]
        public void HashingAHybridOfSmallMultiBlockFiles_AllocatesNoArrayPerMerkleLevel()
        {
            long perFile = AllocatedBytesPerFile(pieceLength: 65536, i => 16385 + (i * 7919 % 49000));
            Assert.True(perFile <= MaxBytesPerMultiBlockFile, $"hashing allocated {perFile} bytes per small file (at most {MaxBytesPerMultiBlockFile} allowed)");
        }

        /// <summary>Bytes the test thread allocates per file reading and hashing 1,500 files of the given lengths as a hybrid.</summary>
        private static long AllocatedBytesPerFile(int pieceLength, Func<int, int> length)
        {
            using var tree = new ContentTree();
            const int files = 1500;
            for (int i = 0; i < files; i++)
            {
                tree.Add($"small/{i:00000}.dat", length(i));
            }

            ContentLayout layout = ContentLayout.Create(ContentScanner.Scan(tree.Root, new ContentScanOptions()).Files, pieceLength, aligned: true);
            var buffer = new byte[pieceLength];
            using SHA1 sha1 = SHA1.Create();
            using SHA256 sha256 = SHA256.Create();
            // A first run takes the one-time costs (JIT, the hash providers' first use) out of the one measured.
            HashEveryPiece(layout, buffer, sha1, sha256);

            long before = GC.GetAllocatedBytesForCurrentThread();
            PieceHashes hashes = HashEveryPiece(layout, buffer, sha1, sha256);
            long perFile = (GC.GetAllocatedBytesForCurrentThread() - before) / files;

            Assert.All(hashes.Roots, root => Assert.True(root is null || root.Length == 32));
            return perFile;
        }

        private static PieceHashes HashEveryPiece(ContentLayout layout, byte[] buffer, SHA1 sha1, SHA256 sha256)
        {
            var work = new PieceWork(layout, v1: true, v2: true);
            using var reader = new ContentReader(layout, ContentReadMode.Create);
            for (long piece = 0; piece < layout.PieceCount; piece++)
            {
                long length = Math.Min(layout.PieceLength, layout.StreamLength - (piece * layout.PieceLength));
                reader.Fill(buffer, length, CancellationToken.None);
                var chunk = new Chunk(buffer, piece, 1, length);
                List<WorkItem> items = work.Split(chunk, 1);
                foreach (WorkItem item in items)
                {
                    work.Hash(item, sha1, sha256, CancellationToken.None);
                }
            }

            return work.Finish();
        }
    }
}
