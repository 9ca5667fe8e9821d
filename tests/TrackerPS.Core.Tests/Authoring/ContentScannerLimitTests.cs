using System;
using System.IO;
using System.Linq;
using TrackerPS.Core.Authoring;
using Xunit;

namespace TrackerPS.Core.Tests.Authoring
{
    /// <summary>
    /// The scanner's limits, at the limit and one past it: folder depth (<see cref="ContentScanOptions.MaxDepth"/>) and
    /// a chain of followed links (<see cref="SymbolicLinks.MaxLinkHops"/>, the kernel's own 40).
    /// </summary>
    public sealed class ContentScannerLimitTests
    {
        [Fact]
        public void MaxDepth_FoldersAsDeepAsTheLimitAreWalked_OneDeeperIsAnErrorNamingTheFolder()
        {
            using var tree = new ContentTree();
            var options = new ContentScanOptions { MaxDepth = 3 };
            tree.Add("a/b/c/file.bin", 10);

            ContentSet set = ContentScanner.Scan(tree.Root, options);
            Assert.Equal(new[] { "a", "b", "c", "file.bin" }, set.Files.Single().PathElements);

            tree.Add("a/b/c/d/deeper.bin", 10);
            IOException error = Assert.Throws<IOException>(() => ContentScanner.Scan(tree.Root, options));
            Assert.Equal($"'{Path.Combine(tree.Root, "a", "b", "c", "d")}' is nested more than 3 folders deep.", error.Message);
        }

        [Fact]
        public void MaxDepth_DefaultsTo64()
        {
            Assert.Equal(64, new ContentScanOptions().MaxDepth);
        }

        [Fact]
        public void MaxLinkHops_AChainOf40LinksIsFollowed_41IsAnError()
        {
            using var tree = new ContentTree();
            tree.Add("data.bin", 10);
            Chain(tree, "a", SymbolicLinks.MaxLinkHops);

            ContentSet set = ContentScanner.Scan(tree.Root, new ContentScanOptions());
            Assert.All(set.Files, f => Assert.Equal(10, f.Length));

            using var longer = new ContentTree();
            longer.Add("data.bin", 10);
            Chain(longer, "a", SymbolicLinks.MaxLinkHops + 1);
            IOException error = Assert.Throws<IOException>(() => ContentScanner.Scan(longer.Root, new ContentScanOptions()));
            Assert.Contains($"more than {SymbolicLinks.MaxLinkHops} symbolic links deep", error.Message, StringComparison.Ordinal);
        }

        /// <summary>Links <c>{prefix}00</c> to <c>{prefix}01</c> and so on, <paramref name="count"/> links, the last to data.bin.</summary>
        private static void Chain(ContentTree tree, string prefix, int count)
        {
            for (int i = 0; i < count; i++)
            {
                tree.Link($"{prefix}{i:00}", i == count - 1 ? "data.bin" : $"{prefix}{i + 1:00}");
            }
        }
    }
}
