using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using TrackerPS.Core.Authoring;
using TrackerPS.Core.Bencode;
using Xunit;

namespace TrackerPS.Core.Tests.Authoring
{
    /// <summary>
    /// <see cref="TorrentCreator"/> against libtorrent 2.0.8 itself (tests/libtorrent/create-torrent.py, run with
    /// Debian's /usr/bin/python3): for the same content, version and piece length the info dictionaries and piece layers
    /// must be byte for byte the same.
    /// </summary>
    public sealed class TorrentCreatorLibtorrentTests
    {
        [Theory]
        [InlineData(TorrentVersion.V1, 16384)]
        [InlineData(TorrentVersion.V1, 49152)]
        [InlineData(TorrentVersion.V2, 16384)]
        [InlineData(TorrentVersion.V2, 65536)]
        [InlineData(TorrentVersion.Hybrid, 16384)]
        [InlineData(TorrentVersion.Hybrid, 32768)]
        public void TrickyTree_InfoDictionaryIsLibtorrents(TorrentVersion version, long pieceLength)
        {
            using ContentTree tree = ContentTree.Tricky();

            AssertSameAsLibtorrent(tree.Root, version, pieceLength);
        }

        [Theory]
        [InlineData(TorrentVersion.V1)]
        [InlineData(TorrentVersion.V2)]
        [InlineData(TorrentVersion.Hybrid)]
        public void SingleFile_InfoDictionaryIsLibtorrents(TorrentVersion version)
        {
            using var tree = new ContentTree();
            string file = tree.Add("single.bin", 40000);

            AssertSameAsLibtorrent(file, version, 16384);
        }

        [Theory]
        [InlineData(TorrentVersion.V1)]
        [InlineData(TorrentVersion.V2)]
        [InlineData(TorrentVersion.Hybrid)]
        public void StoredSymlinks_InfoDictionaryIsLibtorrents(TorrentVersion version)
        {
            using ContentTree tree = LinkTree();

            AssertSameAsLibtorrent(tree.Root, version, 16384, SymlinkMode.Store);
        }

        [Theory]
        [InlineData(TorrentVersion.V1)]
        [InlineData(TorrentVersion.V2)]
        [InlineData(TorrentVersion.Hybrid)]
        public void ExecutableFiles_GetTheXAttributeAsInLibtorrent(TorrentVersion version)
        {
            using ContentTree tree = ContentTree.Tricky();
            tree.MakeExecutable("e1.bin");
            tree.MakeExecutable("multi.bin");
            tree.MakeExecutable("e2-empty");

            AssertSameAsLibtorrent(tree.Root, version, 16384);
            Assert.Contains("4:attr1:x", System.Text.Encoding.Latin1.GetString(Create(tree.Root, version, 16384, SymlinkMode.Follow)));
        }

        [Theory]
        [InlineData(TorrentVersion.V1)]
        [InlineData(TorrentVersion.V2)]
        public void ExecutableSingleFile_GetsTheXAttributeAsInLibtorrent(TorrentVersion version)
        {
            using var tree = new ContentTree();
            string file = tree.Add("run.sh", 5000);
            tree.MakeExecutable("run.sh");

            AssertSameAsLibtorrent(file, version, 16384);
        }

        /// <summary>Files, an executable, and links at the root (where libtorrent's targets, relative to the link, are also from the root).</summary>
        private static ContentTree LinkTree()
        {
            var tree = new ContentTree();
            tree.Add("a.bin", 40000);
            tree.Add("sub/run.sh", 5000);
            tree.MakeExecutable("sub/run.sh");
            tree.Add("sub/x.bin", 20000);
            tree.Link("link-a", "a.bin");
            tree.Link("dirlink", "sub");
            tree.Link("deep", "sub/x.bin");
            tree.Link("missing", "not-there");
            return tree;
        }

        private static byte[] Create(string content, TorrentVersion version, long pieceLength, SymlinkMode symlinks)
        {
            ContentSet set = ContentScanner.Scan(content, new ContentScanOptions { Symlinks = symlinks });
            return new TorrentCreator(set, new TorrentCreateOptions { Version = version, PieceLength = pieceLength }).Create(CancellationToken.None);
        }

        private static void AssertSameAsLibtorrent(string content, TorrentVersion version, long pieceLength, SymlinkMode symlinks = SymlinkMode.Follow)
        {
            byte[] ours = Create(content, version, pieceLength, symlinks);
            var root = (BDictionary)BencodeDecoder.Decode(ours).Root;
            JsonElement theirs = Libtorrent(content, version, pieceLength, symlinks);

            Assert.Equal(theirs.GetProperty("info").GetString(), Hex(root["info"]!.RawBytes));
            JsonElement layers = theirs.GetProperty("piece_layers");
            Assert.Equal(layers.ValueKind == JsonValueKind.Null ? null : layers.GetString(), root["piece layers"] is BValue value ? Hex(value.RawBytes) : null);
        }

        private static JsonElement Libtorrent(string content, TorrentVersion version, long pieceLength, SymlinkMode symlinks)
        {
            string script = Path.Combine(RepoRoot(), "tests", "libtorrent", "create-torrent.py");
            var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (string argument in new[] { script, content, version.ToString().ToLowerInvariant(), pieceLength.ToString(System.Globalization.CultureInfo.InvariantCulture) })
            {
                start.ArgumentList.Add(argument);
            }

            if (symlinks == SymlinkMode.Store)
            {
                start.ArgumentList.Add("symlinks");
            }

            using Process process = Process.Start(start)!;
            string output = process.StandardOutput.ReadToEnd();
            string error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, error);
            return JsonDocument.Parse(output).RootElement.Clone();
        }

        private static string RepoRoot()
        {
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            while (!File.Exists(Path.Combine(folder.FullName, "TrackerPS.sln")))
            {
                folder = folder.Parent ?? throw new InvalidOperationException("TrackerPS.sln not found above the test assembly.");
            }

            return folder.FullName;
        }

        private static string Hex(ArraySegment<byte> bytes) => Convert.ToHexString(bytes.Array!, bytes.Offset, bytes.Count).ToLowerInvariant();
    }
}
