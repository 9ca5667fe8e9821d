using System.Collections.Generic;
using System.Linq;
using System.Text;
using TrackerPS.Core.Bencode;
using TrackerPS.Core.Metainfo;
using Xunit;
using static TrackerPS.Core.Tests.Metainfo.TestTorrent;

namespace TrackerPS.Core.Tests.Metainfo
{
    /// <summary>BEP 52 v2 and hybrid torrents built in code: layout, validation and the hybrid consistency check.</summary>
    public sealed class V2AndHybridTests
    {
        private static BDictionary V2Info() => Dict(
            ("name", Str("v2")),
            ("piece length", Int(PieceLength)),
            ("meta version", Int(2)),
            ("file tree", Dict(("a.bin", V2File(5)), ("dir", Dict(("b.bin", V2File(20000, 2)), ("empty", V2File(0)))))));

        /// <summary><c>piece layers</c> with one entry, for dir/b.bin (pieces root of 0x02 bytes).</summary>
        private static BDictionary Layers(int hashes) => new BDictionary(new[]
        {
            new KeyValuePair<BString, BValue>(Str(Enumerable.Repeat((byte)2, 32).ToArray()), Str(new byte[32 * hashes])),
        });

        private static MetainfoException Fails(byte[] data) => Assert.Throws<MetainfoException>(() => TorrentReader.Read(data, "x.torrent"));

        [Fact]
        public void V2Only_LaysFilesOutOnPieceBoundaries_AndUsesTheTruncatedHash()
        {
            TorrentInfo torrent = TorrentReader.Read(Torrent(V2Info(), ("piece layers", Layers(2))), "x.torrent");

            Assert.Equal(TorrentVersion.V2, torrent.Version);
            Assert.Null(torrent.InfoHashV1);
            Assert.Equal(64, torrent.InfoHashV2!.Length);
            Assert.Equal(torrent.InfoHashV2.Substring(0, 40), torrent.InfoHash);
            Assert.Equal(new[] { ("a.bin", 5L, 0L), ("dir/b.bin", 20000L, 16384L), ("dir/empty", 0L, 49152L) }, torrent.Files.Select(f => (f.Path, f.Length, f.Offset)));
            Assert.Equal(3, torrent.PieceCount);
            Assert.Equal(20005, torrent.TotalSize);
            Assert.Equal(string.Concat(Enumerable.Repeat("01", 32)), torrent.Files[0].PiecesRoot);
            Assert.Null(torrent.Files[2].PiecesRoot);
            Assert.Empty(torrent.Warnings);
            Assert.StartsWith("magnet:?xt=urn:btmh:1220" + torrent.InfoHashV2 + "&dn=v2", torrent.MagnetUri);
        }

        [Fact]
        public void V2_MissingPieceLayers_IsWarning()
        {
            TorrentInfo torrent = TorrentReader.Read(Torrent(V2Info()), "x.torrent");

            Assert.Equal("'piece layers' is missing (BEP 52); v2 pieces cannot be verified from this file", Assert.Single(torrent.Warnings));
        }

        [Fact]
        public void V2_PieceLayerOfTheWrongSize_IsWarning()
        {
            TorrentInfo torrent = TorrentReader.Read(Torrent(V2Info(), ("piece layers", Layers(3))), "x.torrent");

            Assert.EndsWith("'piece layers' entry for 'dir/b.bin' must be a string of 64 bytes", Assert.Single(torrent.Warnings));
        }

        [Fact]
        public void V2_WithUnsortedKeys_IsAlwaysError()
        {
            byte[] canonical = Torrent(V2Info(), ("piece layers", Layers(2)));
            string text = Encoding.Latin1.GetString(canonical);
            byte[] data = Latin1(text.Replace("12:meta versioni2e4:name2:v2", "4:name2:v212:meta versioni2e"));

            MetainfoException error = Fails(data);

            Assert.Equal("a v2 torrent must be canonical bencode (BEP 52), but dictionary keys are not sorted: 'meta version' after 'name'", error.Reason);
            Assert.Equal(IndexOf(data, "12:meta version"), error.Offset);
        }

        [Theory]
        [InlineData(1)]
        [InlineData(3)]
        public void UnknownMetaVersion_IsError(long version)
        {
            MetainfoException error = Fails(Torrent(V2Info().With("meta version", Int(version))));

            Assert.Equal($"'info.meta version' is {version}; only version 2 is defined (BEP 52)", error.Reason);
        }

        [Fact]
        public void FileTreeWithoutMetaVersion_IsIgnoredWithWarning()
        {
            TorrentInfo torrent = TorrentReader.Read(Torrent(SingleFileInfo().With("file tree", Dict(("x", V2File(5))))), "x.torrent");

            Assert.Equal(TorrentVersion.V1, torrent.Version);
            Assert.Contains("'info.file tree' is ignored: 'info.meta version' 2 is missing (BEP 52)", Assert.Single(torrent.Warnings));
        }

        [Theory]
        [InlineData(8192)]
        [InlineData(16385)]
        [InlineData(49152)]
        public void V2PieceLength_MustBeAPowerOfTwoOfAtLeast16KiB(long pieceLength)
        {
            MetainfoException error = Fails(Torrent(V2Info().With("piece length", Int(pieceLength))));

            Assert.Equal($"'info.piece length' is {pieceLength}; v2 requires a power of two of at least 16384 (BEP 52)", error.Reason);
        }

        [Theory]
        [InlineData("root is a file", "'info.file tree' must be a directory, not a file")]
        [InlineData("empty", "'info.file tree' holds no files")]
        [InlineData("node not a dictionary", "'info.file tree/a' must be a dictionary")]
        [InlineData("short pieces root", "'info.file tree/a.pieces root' is 31 bytes, not 32")]
        [InlineData("no pieces root", "'info.file tree/a.pieces root' is missing; BEP 52 requires it for a non-empty file")]
        [InlineData("negative length", "'info.file tree/a.length' is -1; a length cannot be negative")]
        public void MalformedFileTree_IsError(string what, string reason)
        {
            BDictionary tree = what switch
            {
                "root is a file" => V2File(5),
                "empty" => Dict(),
                "node not a dictionary" => Dict(("a", Int(1))),
                "short pieces root" => Dict(("a", Dict(("", Dict(("length", Int(5)), ("pieces root", Str(new byte[31]))))))),
                "no pieces root" => Dict(("a", Dict(("", Dict(("length", Int(5))))))),
                _ => Dict(("a", Dict(("", Dict(("length", Int(-1))))))),
            };

            Assert.Equal(reason, Fails(Torrent(V2Info().With("file tree", tree))).Reason);
        }

        [Fact]
        public void Hybrid_WithDifferentFiles_IsWarning()
        {
            BDictionary info = MultiFileInfo((new[] { "a" }, 5))
                .With("meta version", Int(2))
                .With("file tree", Dict(("b", V2File(5))));

            TorrentInfo torrent = TorrentReader.Read(Torrent(info), "x.torrent");

            Assert.Equal(TorrentVersion.Hybrid, torrent.Version);
            Assert.NotNull(torrent.InfoHashV1);
            Assert.NotNull(torrent.InfoHashV2);
            Assert.Equal("hybrid torrent is inconsistent (BEP 52): file 0 is 'a' (5 bytes) in v1 'files' but 'b' (5 bytes) in v2 'file tree'", Assert.Single(torrent.Warnings));
            Assert.Null(torrent.Files[0].PiecesRoot);
        }

        [Fact]
        public void Hybrid_WithDifferentFileCounts_IsWarning()
        {
            BDictionary info = MultiFileInfo((new[] { "a" }, 5))
                .With("meta version", Int(2))
                .With("file tree", Dict(("a", V2File(5)), ("b", V2File(5))));

            TorrentInfo torrent = TorrentReader.Read(Torrent(info), "x.torrent");

            Assert.Equal("hybrid torrent is inconsistent (BEP 52): v1 'files' has 1 files but v2 'file tree' has 2", Assert.Single(torrent.Warnings));
        }

        [Fact]
        public void Hybrid_WithoutPadFiles_IsWarning()
        {
            BDictionary info = MultiFileInfo((new[] { "a" }, 5), (new[] { "b" }, 5))
                .With("meta version", Int(2))
                .With("file tree", Dict(("a", V2File(5)), ("b", V2File(5))));

            TorrentInfo torrent = TorrentReader.Read(Torrent(info), "x.torrent");

            Assert.Equal("hybrid torrent is inconsistent (BEP 52): 'b' starts at byte 5 of the v1 data, not on a piece boundary (a pad file is missing or wrong)", Assert.Single(torrent.Warnings));
        }

        [Fact]
        public void Hybrid_WithPadFiles_IsConsistent_AndUsesV1Offsets()
        {
            BDictionary info = MultiFileInfo((new[] { "a" }, 5), (new[] { ".pad", "16379" }, 16379), (new[] { "b" }, 5));
            BList files = (BList)info["files"]!;
            info = info
                .With("files", List(files.Items[0], ((BDictionary)files.Items[1]).With("attr", Str("p")), files.Items[2]))
                .With("meta version", Int(2))
                .With("file tree", Dict(("a", V2File(5, 7)), ("b", V2File(5, 8))));

            TorrentInfo torrent = TorrentReader.Read(Torrent(info), "x.torrent");

            Assert.Empty(torrent.Warnings);
            Assert.Equal(new[] { ("a", 0L), ("b", 16384L) }, torrent.Files.Select(f => (f.Path, f.Offset)));
            Assert.Equal(string.Concat(Enumerable.Repeat("08", 32)), torrent.Files[1].PiecesRoot);
            Assert.Equal(2, torrent.PieceCount);
        }
    }
}
