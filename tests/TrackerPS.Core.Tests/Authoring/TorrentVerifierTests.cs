using System.IO;
using System.Linq;
using System.Threading;
using TrackerPS.Core.Authoring;
using Xunit;

namespace TrackerPS.Core.Tests.Authoring
{
    public sealed class TorrentVerifierTests
    {
        [Theory]
        [InlineData(TorrentVersion.V1)]
        [InlineData(TorrentVersion.V2)]
        [InlineData(TorrentVersion.Hybrid)]
        public void Verify_CleanContent_IsComplete(TorrentVersion version)
        {
            using ContentTree tree = ContentTree.Tricky();
            byte[] torrent = Create(tree, version);

            TorrentVerification result = new TorrentVerifier(torrent, "t", tree.Root).Verify(CancellationToken.None);

            Assert.True(result.Summary.IsComplete);
            Assert.All(result.Files, f => Assert.Equal(FileCheckStatus.Complete, f.Status));
            Assert.Equal(result.Summary.TotalSize, result.Summary.BytesVerified);
            Assert.Empty(result.Summary.DisagreeingPieces);
        }

        [Theory]
        [InlineData(TorrentVersion.V2)]
        [InlineData(TorrentVersion.Hybrid)]
        public void Verify_AFlippedByte_FailsExactlyItsPiece(TorrentVersion version)
        {
            using ContentTree tree = ContentTree.Tricky();
            byte[] torrent = Create(tree, version);
            tree.FlipBits("multi.bin", 50000, 0x10);

            TorrentVerification result = new TorrentVerifier(torrent, "t", tree.Root).Verify(CancellationToken.None);

            FileCheck file = result.Files.Single(f => f.Path == "multi.bin");
            long first = new TorrentVerifier(torrent, "t", tree.Root).Torrent.Files.Single(f => f.Path == "multi.bin").Offset / 16384;
            Assert.Equal(FileCheckStatus.Incomplete, file.Status);
            Assert.Equal(new[] { first + (50000 / 16384) }, file.BadPieces);
            Assert.Equal(70000 - 16384, file.BytesVerified);
            Assert.Single(result.Files, f => f.Status != FileCheckStatus.Complete);
        }

        [Fact]
        public void Verify_V2_AFlippedByteInAOnePieceFile_FailsItsPiecesRoot()
        {
            using ContentTree tree = ContentTree.Tricky();
            byte[] torrent = Create(tree, TorrentVersion.V2);
            tree.FlipBits("e1.bin", 10, 0x01);

            TorrentVerification result = new TorrentVerifier(torrent, "t", tree.Root).Verify(CancellationToken.None);

            FileCheck file = result.Files.Single(f => f.Path == "e1.bin");
            Assert.Equal(FileCheckStatus.Incomplete, file.Status);
            Assert.Single(file.BadPieces);
            Assert.Single(result.Files, f => f.Status != FileCheckStatus.Complete);
        }

        [Fact]
        public void Verify_ALongerFile_IsWrongSize_NeverComplete()
        {
            using ContentTree tree = ContentTree.Tricky();
            byte[] torrent = Create(tree, TorrentVersion.Hybrid);
            File.AppendAllText(Path.Combine(tree.Root, "exact.bin"), "x");

            FileCheck file = new TorrentVerifier(torrent, "t", tree.Root).Verify(CancellationToken.None).Files.Single(f => f.Path == "exact.bin");

            Assert.Equal(FileCheckStatus.WrongSize, file.Status);
            Assert.Equal(16385, file.ActualLength);
            Assert.Empty(file.BadPieces);
        }

        [Theory]
        [InlineData(TorrentVersion.V1)]
        [InlineData(TorrentVersion.V2)]
        [InlineData(TorrentVersion.Hybrid)]
        public void Verify_EmptyFilesAtTheStart_AndAtTheEnd_AreChecked(TorrentVersion version)
        {
            using ContentTree tree = ContentTree.Tricky();
            tree.Add("0-empty", 0);
            tree.Add("\u00ff-empty", 0);
            byte[] torrent = Create(tree, version);

            TorrentVerification present = new TorrentVerifier(torrent, "t", tree.Root).Verify(CancellationToken.None);
            File.Delete(Path.Combine(tree.Root, "\u00ff-empty"));
            File.Delete(Path.Combine(tree.Root, "0-empty"));
            TorrentVerification missing = new TorrentVerifier(torrent, "t", tree.Root).Verify(CancellationToken.None);

            Assert.All(present.Files, f => Assert.Equal(FileCheckStatus.Complete, f.Status));
            Assert.Equal(new[] { "0-empty", "\u00ff-empty" }, missing.Files.Where(f => f.Status == FileCheckStatus.Missing).Select(f => f.Path));
        }

        private static byte[] Create(ContentTree tree, TorrentVersion version) =>
            new TorrentCreator(ContentScanner.Scan(tree.Root, new ContentScanOptions()), new TorrentCreateOptions { Version = version, PieceLength = 16384 }).Create(CancellationToken.None);
    }
}
