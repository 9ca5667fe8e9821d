using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;
using TrackerPS.Core.Authoring;
using Xunit;

namespace TrackerPS.Core.Tests.Authoring
{
    public sealed class HashingTests
    {
        [Theory]
        [InlineData(1)]
        [InlineData(2)]
        [InlineData(4)]
        public void Pipeline_V1Hashes_AreTheSha1OfEachPiece_WhateverTheWorkerCount(int workers)
        {
            using var tree = new ContentTree();
            string a = tree.Add("a", 5_000_000);
            string b = tree.Add("b", 1_234_567);
            ContentSet set = ContentScanner.Scan(tree.Root, new ContentScanOptions());
            ContentLayout layout = ContentLayout.Create(set.Files, 65536, aligned: false);
            byte[] stream = File.ReadAllBytes(a).Concat(File.ReadAllBytes(b)).ToArray();
            using SHA1 sha1 = SHA1.Create();
            byte[] expected = Enumerable.Range(0, (int)layout.PieceCount)
                .SelectMany(p => sha1.ComputeHash(stream, p * 65536, Math.Min(65536, stream.Length - (p * 65536))))
                .ToArray();

            using var reader = new ContentReader(layout, ContentReadMode.Create);
            var pipeline = new HashingPipeline(layout, v1: true, v2: false, workers);
            PieceHashes hashes = pipeline.Run(reader, CancellationToken.None);

            Assert.Equal(expected, hashes.V1);
            Assert.Equal(stream.Length, pipeline.BytesHashed);
        }

        [Fact]
        public void Pipeline_V2Root_OfAFileOfOneBlock_IsTheSha256OfItsBytes()
        {
            using var tree = new ContentTree();
            string file = tree.Add("a", 1000);
            ContentLayout layout = ContentLayout.Create(ContentScanner.Scan(file, new ContentScanOptions()).Files, 65536, aligned: false);

            using var reader = new ContentReader(layout, ContentReadMode.Create);
            PieceHashes hashes = new HashingPipeline(layout, v1: false, v2: true).Run(reader, CancellationToken.None);

            using SHA256 sha = SHA256.Create();
            Assert.Equal(sha.ComputeHash(File.ReadAllBytes(file)), hashes.Roots[0]);
        }

        [Fact]
        public void Pipeline_AlignedHybrid_V1HashesCoverThePadZeros_AndV2RootsMatchAV2Run_OverReusedBuffers()
        {
            using var tree = new ContentTree();
            tree.Add("big", 20_000_000);
            for (int i = 0; i < 300; i++)
            {
                tree.Add($"s/{i:000}", 1000 + i);
            }

            ContentLayout layout = ContentLayout.Create(ContentScanner.Scan(tree.Root, new ContentScanOptions()).Files, 16384, aligned: true);
            var stream = new byte[layout.StreamLength];
            foreach (LayoutEntry entry in layout.Entries.Where(e => e.File is not null))
            {
                File.ReadAllBytes(entry.File!.FullPath).CopyTo(stream, entry.Offset);
            }

            using SHA1 sha1 = SHA1.Create();
            byte[] expected = Enumerable.Range(0, (int)layout.PieceCount).SelectMany(p => sha1.ComputeHash(stream, p * 16384, 16384)).ToArray();
            PieceHashes hybrid;
            using (var reader = new ContentReader(layout, ContentReadMode.Create))
            {
                hybrid = new HashingPipeline(layout, v1: true, v2: true, workers: 2).Run(reader, CancellationToken.None);
            }

            using var v2Reader = new ContentReader(layout, ContentReadMode.Create);
            PieceHashes v2 = new HashingPipeline(layout, v1: false, v2: true, workers: 2).Run(v2Reader, CancellationToken.None);

            Assert.True(layout.StreamLength > 5L * HashingPipeline.ChunkTarget, "the run must reuse chunk buffers (2 workers keep at most 4 in flight)");
            Assert.Equal(expected, hybrid.V1);
            Assert.Equal(hybrid.Roots, v2.Roots);
            Assert.Equal(hybrid.V2, v2.V2);
        }

        [Fact]
        public void Pipeline_VerifyMode_WithSeveralReaders_MergesWhatEachFoundOfAFileTheyShare()
        {
            using var tree = new ContentTree();
            string big = tree.Add("big", 3 * HashingPipeline.ChunkTarget);
            string gone = tree.Add("gone", 2 * HashingPipeline.ChunkTarget);
            ContentLayout layout = ContentLayout.Create(ContentScanner.Scan(tree.Root, new ContentScanOptions()).Files, 16384, aligned: true);
            using (var stream = new FileStream(big, FileMode.Open))
            {
                stream.SetLength(HashingPipeline.ChunkTarget + 5);
            }

            File.Delete(gone);
            using var reader = new ContentReader(layout, ContentReadMode.Verify);
            new HashingPipeline(layout, v1: true, v2: false, workers: 2).Run(reader, CancellationToken.None);

            Assert.True(reader.States[0]!.Exists);
            Assert.Equal(HashingPipeline.ChunkTarget + 5, reader.States[0]!.ActualLength);
            Assert.False(reader.States[1]!.Exists);
        }

        [Fact]
        public void Reader_Seek_ReadsFromThere_AndLeavesTheEmptyFilesAtAnOffsetToTheReadThatEndsThere()
        {
            using var tree = new ContentTree();
            ContentFile[] files =
            {
                new ContentFile(tree.Add("0", 0), new[] { "0" }, 0),
                new ContentFile(tree.Add("a", 100), new[] { "a" }, 100),
                new ContentFile(tree.Add("e", 0), new[] { "e" }, 0),
                new ContentFile(tree.Add("b", 50), new[] { "b" }, 50),
            };
            ContentLayout layout = ContentLayout.Create(files, 16384, aligned: false);
            byte[] stream = File.ReadAllBytes(files[1].FullPath).Concat(File.ReadAllBytes(files[3].FullPath)).ToArray();
            var buffer = new byte[150];

            using var fromTheMiddle = new ContentReader(layout, ContentReadMode.Verify);
            fromTheMiddle.Seek(40);
            Assert.Equal(60, fromTheMiddle.Fill(buffer, 60, CancellationToken.None));
            Assert.Equal(stream.Skip(40).Take(60), buffer.Take(60));
            Assert.NotNull(fromTheMiddle.States[2]);
            fromTheMiddle.Seek(120);
            Assert.Equal(30, fromTheMiddle.Fill(buffer, 30, CancellationToken.None));
            Assert.Equal(stream.Skip(120), buffer.Take(30));

            using var afterTheEmpty = new ContentReader(layout, ContentReadMode.Verify);
            afterTheEmpty.Seek(100);
            Assert.Equal(50, afterTheEmpty.Fill(buffer, 50, CancellationToken.None));
            Assert.Null(afterTheEmpty.States[2]);

            using var fromTheStart = new ContentReader(layout, ContentReadMode.Verify);
            fromTheStart.Seek(0);
            fromTheStart.Fill(buffer, 10, CancellationToken.None);
            Assert.True(fromTheStart.States[0]!.Exists);
            Assert.Throws<ArgumentOutOfRangeException>(() => fromTheStart.Seek(151));
        }

        [Fact]
        public void Pipeline_Cancelled_ThrowsOperationCanceled()
        {
            using var tree = new ContentTree();
            tree.Add("a", 3_000_000);
            ContentLayout layout = ContentLayout.Create(ContentScanner.Scan(tree.Root, new ContentScanOptions()).Files, 16384, aligned: true);
            using var cancelled = new CancellationTokenSource();
            cancelled.Cancel();

            using var reader = new ContentReader(layout, ContentReadMode.Create);
            Assert.ThrowsAny<OperationCanceledException>(() => new HashingPipeline(layout, v1: true, v2: true).Run(reader, cancelled.Token));
        }

        [Theory]
        [InlineData(5000, "now ends at 4000")]
        [InlineData(3000, "has grown")]
        public void Reader_CreateMode_AFileThatChangedSize_IsAContentReadExceptionNamingIt(int recordedLength, string message)
        {
            using var tree = new ContentTree();
            string file = tree.Add("a", 4000);
            ContentLayout layout = ContentLayout.Create(new[] { new ContentFile(file, new[] { "a" }, recordedLength) }, 16384, aligned: false);

            using var reader = new ContentReader(layout, ContentReadMode.Create);
            ContentReadException error = Assert.Throws<ContentReadException>(() => new HashingPipeline(layout, v1: true, v2: false).Run(reader, CancellationToken.None));

            Assert.Equal(file, error.FilePath);
            Assert.Contains(file, error.Message, StringComparison.Ordinal);
            Assert.Contains(message, error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Reader_VerifyMode_MissingAndShortFilesReadAsZeros_AndAreRecorded()
        {
            using var tree = new ContentTree();
            string present = tree.Add("a", 100);
            ContentFile[] files =
            {
                new ContentFile(present, new[] { "a" }, 200),
                new ContentFile(Path.Combine(tree.Root, "missing"), new[] { "missing" }, 50),
            };
            ContentLayout layout = ContentLayout.Create(files, 16384, aligned: false);
            var buffer = new byte[250];

            using var reader = new ContentReader(layout, ContentReadMode.Verify);
            Assert.Equal(250, reader.Fill(buffer, 250, CancellationToken.None));

            Assert.Equal(File.ReadAllBytes(present), buffer.Take(100));
            Assert.All(buffer.Skip(100), b => Assert.Equal(0, b));
            Assert.True(reader.States[0]!.Exists);
            Assert.Equal(100, reader.States[0]!.ActualLength);
            Assert.False(reader.States[1]!.Exists);
            Assert.False(File.Exists(files[1].FullPath));
        }

        [Fact]
        public void Scanner_AnEmptyFolder_IsAnArgumentExceptionNamingIt()
        {
            using var tree = new ContentTree();

            ArgumentException error = Assert.Throws<ArgumentException>(() => ContentScanner.Scan(tree.Root, new ContentScanOptions()));

            Assert.Contains(tree.Root, error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Creator_ContentOfOnlyEmptyFiles_IsRefused()
        {
            using var tree = new ContentTree();
            tree.Add("a", 0);

            Assert.Throws<ArgumentException>(() => new TorrentCreator(ContentScanner.Scan(tree.Root, new ContentScanOptions()), new TorrentCreateOptions()));
        }
    }
}
