using System;
using System.IO;
using System.Linq;
using System.Threading;
using TrackerPS.Core.Authoring;
using Xunit;

namespace TrackerPS.Core.Tests.Authoring
{
    /// <summary>
    /// What <see cref="ContentScanner"/> does with symbolic links and file modes where libtorrent 2.0.8 is no oracle:
    /// targets from the torrent's root (BEP 47), targets outside the content, loops, links to nothing.
    /// </summary>
    public sealed class ContentScannerSymlinkTests
    {
        private static readonly ContentScanOptions s_store = new ContentScanOptions { Symlinks = SymlinkMode.Store };

        [Fact]
        public void Store_TargetsAreWrittenFromTheTorrentsRoot()
        {
            using var tree = new ContentTree();
            tree.Add("a.bin", 100);
            tree.Add("sub/run.sh", 100);
            tree.Link("sub/up", "../a.bin");
            tree.Link("sub/same", "run.sh");
            tree.Link("absolute", Path.Combine(tree.Root, "sub", "run.sh"));

            ContentSet set = ContentScanner.Scan(tree.Root, s_store);

            // libtorrent 2.0.8 writes the raw target ("..", "a.bin"), which BEP 47 reads from the root (outside the torrent).
            Assert.Equal(new[] { "a.bin" }, Link(set, "sub/up").SymlinkTarget);
            Assert.Equal(new[] { "sub", "run.sh" }, Link(set, "sub/same").SymlinkTarget);
            Assert.Equal(new[] { "sub", "run.sh" }, Link(set, "absolute").SymlinkTarget);
            Assert.All(set.Files.Where(f => f.IsSymlink), f => Assert.Equal(0, f.Length));
            Assert.Equal("xl", Link(set, "sub/up").Attributes);
        }

        [Theory]
        [InlineData("../../outside.bin")]
        [InlineData("/etc/hostname")]
        [InlineData("..")]
        [InlineData("../sub/../..")]
        public void Store_ATargetOutsideTheContent_IsAnErrorNamingTheLink(string target)
        {
            using var tree = new ContentTree();
            tree.Add("a.bin", 100);
            string link = tree.Link("sub/out", target);

            IOException error = Assert.Throws<IOException>(() => ContentScanner.Scan(tree.Root, s_store));

            Assert.Contains($"'{link}'", error.Message, StringComparison.Ordinal);
            Assert.Contains($"'{target}'", error.Message, StringComparison.Ordinal);
            Assert.Contains("not inside the content", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Store_AnExcludedLinkOutsideTheContent_IsLeftOutWithoutError()
        {
            using var tree = new ContentTree();
            tree.Add("a.bin", 100);
            tree.Link("out", "/etc/hostname");

            ContentSet set = ContentScanner.Scan(tree.Root, new ContentScanOptions { Symlinks = SymlinkMode.Store, Filter = (path, name) => name != "out" });

            Assert.Equal(new[] { "a.bin" }, set.Files.Select(f => f.RelativePath));
        }

        [Theory]
        [InlineData("sub/loop", "..")]
        [InlineData("sub/deeper/loop", "../..")]
        [InlineData("self", ".")]
        public void Follow_ALinkToAFolderHoldingIt_IsALoopErrorNamingTheLink(string relative, string target)
        {
            using var tree = new ContentTree();
            tree.Add("sub/a.bin", 100);
            string link = tree.Link(relative, target);

            IOException error = Assert.Throws<IOException>(() => ContentScanner.Scan(tree.Root, new ContentScanOptions()));

            Assert.Contains($"'{link}'", error.Message, StringComparison.Ordinal);
            Assert.Contains("never end", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Follow_ALinkToASiblingFolder_IsFollowedOnce()
        {
            using var tree = new ContentTree();
            tree.Add("sub/a.bin", 100);
            tree.Link("other", "sub");

            ContentSet set = ContentScanner.Scan(tree.Root, new ContentScanOptions());

            Assert.Equal(new[] { "other/a.bin", "sub/a.bin" }, set.Files.Select(f => f.RelativePath));
        }

        [Fact]
        public void Follow_ALinkToNothing_IsFileNotFoundNamingIt()
        {
            using var tree = new ContentTree();
            tree.Add("a.bin", 100);
            string link = tree.Link("dangling", "not-there");

            FileNotFoundException error = Assert.Throws<FileNotFoundException>(() => ContentScanner.Scan(tree.Root, new ContentScanOptions()));

            Assert.Equal(link, error.FileName);
        }

        [Fact]
        public void Follow_ALinkHasItsTargetsLengthAndExecutableBit()
        {
            using var tree = new ContentTree();
            tree.Add("plain.bin", 100);
            tree.Add("run.sh", 200);
            tree.MakeExecutable("run.sh");
            tree.Link("to-plain", "plain.bin");
            tree.Link("to-run", "run.sh");

            ContentSet set = ContentScanner.Scan(tree.Root, new ContentScanOptions());

            // libtorrent 2.0.8 reads the link's own mode (0777 on Linux) and marks every followed link 'x'.
            Assert.False(Link(set, "to-plain").IsExecutable);
            Assert.Equal(100, Link(set, "to-plain").Length);
            Assert.True(Link(set, "to-run").IsExecutable);
            Assert.Equal(200, Link(set, "to-run").Length);
            Assert.All(set.Files, f => Assert.False(f.IsSymlink));
        }

        [Fact]
        public void Verify_StoredLinks_AreCheckedAsLinks()
        {
            using var tree = new ContentTree();
            tree.Add("a.bin", 40000);
            tree.Add("b.bin", 100);
            tree.Link("same", "a.bin");
            tree.Link("moved", "a.bin");
            string gone = tree.Link("gone", "a.bin");
            ContentSet set = ContentScanner.Scan(tree.Root, s_store);
            byte[] torrent = new TorrentCreator(set, new TorrentCreateOptions { Version = TorrentVersion.Hybrid, PieceLength = 16384 }).Create(CancellationToken.None);
            File.Delete(Path.Combine(tree.Root, "moved"));
            tree.Link("moved", "b.bin");
            File.Delete(gone);

            TorrentVerification result = new TorrentVerifier(torrent, "t", tree.Root).Verify(CancellationToken.None);

            Assert.Equal(FileCheckStatus.Complete, Status(result, "same"));
            Assert.Equal(FileCheckStatus.Incomplete, Status(result, "moved"));
            Assert.Equal(FileCheckStatus.Missing, Status(result, "gone"));
            Assert.Equal(FileCheckStatus.Complete, Status(result, "a.bin"));
            Assert.Equal(40100, result.Summary.BytesVerified);
        }

        private static ContentFile Link(ContentSet set, string relative) => set.Files.Single(f => f.RelativePath == relative);

        private static FileCheckStatus Status(TorrentVerification result, string path) => result.Files.Single(f => f.Path == path).Status;
    }
}
