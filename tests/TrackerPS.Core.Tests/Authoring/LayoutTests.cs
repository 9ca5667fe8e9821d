using System;
using System.Linq;
using System.Security.Cryptography;
using TrackerPS.Core.Authoring;
using Xunit;

namespace TrackerPS.Core.Tests.Authoring
{
    public sealed class LayoutTests
    {
        [Fact]
        public void PathOrder_ComparesElementsAsRawUtf8Bytes()
        {
            string[] paths = { "b-c", "b/x", "a", "B/y", "\u00e4", "z", "b/a/c", "Case", "case" };
            var files = paths.Select(p => new ContentFile("/x/" + p, p.Split('/'), 1)).ToList();

            files.Sort(PathOrder.Instance);

            // 'b' is a prefix of 'b-c', so the folder b/ comes first; 'B' (0x42) before 'a'; 'ä' (0xc3 0xa4) last.
            Assert.Equal(new[] { "B/y", "Case", "a", "b/a/c", "b/x", "b-c", "case", "z", "\u00e4" }, files.Select(f => f.RelativePath));
        }

        [Theory]
        [InlineData(0L, 16384L)]
        [InlineData(1L, 16384L)]
        [InlineData(2000L * 16384, 16384L)]
        [InlineData((2000L * 16384) + 1, 32768L)]
        [InlineData(2L * 1024 * 1024 * 1024, 2L * 1024 * 1024)]
        [InlineData(32L * 1024 * 1024 * 1024, 16L * 1024 * 1024)]
        [InlineData(1024L * 1024 * 1024 * 1024, 16L * 1024 * 1024)]
        public void PieceLengthRule_ChoosesThePowerOfTwoGivingAtMost2000Pieces(long total, long expected)
        {
            Assert.Equal(expected, PieceLengthRule.Choose(total));
        }

        [Theory]
        [InlineData(16384L, false, true)]
        [InlineData(49152L, true, true)]
        [InlineData(49152L, false, false)]
        [InlineData(8192L, true, false)]
        [InlineData(20000L, true, false)]
        [InlineData(2L * 1024 * 1024 * 1024, false, false)]
        public void PieceLengthRule_Validate(long pieceLength, bool v1Only, bool accepted)
        {
            Exception? error = Record.Exception(() => PieceLengthRule.Validate(pieceLength, v1Only));

            Assert.Equal(accepted, error is null);
        }

        [Fact]
        public void ContentLayout_PadsAfterEveryUnalignedNonEmptyFile_TheLastIncluded_NoneAfterEmptyFiles()
        {
            ContentFile[] files =
            {
                new ContentFile("/a", new[] { "a" }, 100),
                new ContentFile("/b", new[] { "b" }, 0),
                new ContentFile("/c", new[] { "c" }, 16384),
                new ContentFile("/d", new[] { "d" }, 20000),
            };

            ContentLayout layout = ContentLayout.Create(files, 16384, aligned: true);

            Assert.Equal(
                new[] { "a:100@0", "pad:16284@100", "b:0@16384", "c:16384@16384", "d:20000@32768", "pad:12768@52768" },
                layout.Entries.Select(e => $"{e.File?.RelativePath ?? "pad"}:{e.Length}@{e.Offset}"));
            Assert.Equal(4, layout.PieceCount);
        }

        [Fact]
        public void ContentLayout_V1_HasNoPads()
        {
            ContentFile[] files = { new ContentFile("/a", new[] { "a" }, 100), new ContentFile("/b", new[] { "b" }, 200) };

            ContentLayout layout = ContentLayout.Create(files, 16384, aligned: false);

            Assert.Equal(2, layout.Entries.Count);
            Assert.False(layout.IsAligned);
            Assert.Equal(300, layout.StreamLength);
        }

        [Fact]
        public void MerkleTree_PadsLeavesWithZeroHashes_AndHigherLevelsWithTheirHashes()
        {
            using SHA256 sha = SHA256.Create();
            byte[] a = sha.ComputeHash(new byte[] { 1 });
            byte[] b = sha.ComputeHash(new byte[] { 2 });
            byte[] c = sha.ComputeHash(new byte[] { 3 });
            byte[] zero = new byte[32];
            byte[] ab = sha.ComputeHash(a.Concat(b).ToArray());
            byte[] c0 = sha.ComputeHash(c.Concat(zero).ToArray());
            byte[] zz = sha.ComputeHash(zero.Concat(zero).ToArray());

            Assert.Equal(sha.ComputeHash(ab.Concat(c0).ToArray()), MerkleTree.Root(a.Concat(b).Concat(c).ToArray(), 0, 3, 4, zero, sha));
            Assert.Equal(sha.ComputeHash(c0.Concat(zz).ToArray()), MerkleTree.Root(c, 0, 1, 4, zero, sha));
            Assert.Equal(a, MerkleTree.Root(a, 0, 1, 1, zero, sha));
            Assert.Equal(zz, MerkleTree.ZeroSubtree(2, sha));
            Assert.Throws<ArgumentOutOfRangeException>(() => MerkleTree.Root(a, 0, 1, 3, zero, sha));
        }
    }
}
