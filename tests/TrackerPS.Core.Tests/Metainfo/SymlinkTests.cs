using System.Linq;
using System.Text;
using TrackerPS.Core.Bencode;
using TrackerPS.Core.Metainfo;
using Xunit;
using static TrackerPS.Core.Tests.Metainfo.TestTorrent;

namespace TrackerPS.Core.Tests.Metainfo
{
    /// <summary>
    /// BEP 47 symlinks built in code, for the cases libtorrent's fixtures (tests/data/symlink-*.torrent) do not show;
    /// each behaviour was checked against python3-libtorrent 2.0.8.
    /// </summary>
    public sealed class SymlinkTests
    {
        private static BDictionary Link(long? length, params string[] target)
        {
            var entries = new System.Collections.Generic.List<(string, BValue)> { ("attr", Str("l")), ("path", Path("link")) };
            if (length is not null)
            {
                entries.Add(("length", Int(length.Value)));
            }

            if (target.Length > 0)
            {
                entries.Add(("symlink path", Path(target)));
            }

            return Dict(entries.ToArray());
        }

        private static BDictionary V1Info(BDictionary link) => Dict(
            ("name", Str("root")),
            ("piece length", Int(PieceLength)),
            ("files", List(Dict(("length", Int(5)), ("path", Path("a"))), link)),
            ("pieces", Pieces(5)));

        private static BDictionary V2Info(BDictionary linkLeaf) => Dict(
            ("name", Str("root")),
            ("piece length", Int(PieceLength)),
            ("meta version", Int(2)),
            ("file tree", Dict(("a", V2File(5)), ("link", Dict((string.Empty, linkLeaf))))));

        [Fact]
        public void V1Symlink_IsReadWithItsTarget_AsDecodedAndRawElements()
        {
            TorrentInfo torrent = TorrentReader.Read(Torrent(V1Info(Link(0, "dir", "t\u00e4rget"))), "x.torrent");

            TorrentFile link = torrent.Files[1];
            Assert.True(link.IsSymlink);
            Assert.Equal("dir/t\u00e4rget", link.SymlinkPath);
            Assert.Equal(new[] { Encoding.UTF8.GetBytes("dir"), Encoding.UTF8.GetBytes("t\u00e4rget") }, link.RawSymlinkPath);
            Assert.False(torrent.Files[0].IsSymlink);
            Assert.Null(torrent.Files[0].SymlinkPath);
            Assert.Null(torrent.Files[0].RawSymlinkPath);
            Assert.Empty(torrent.Warnings);
        }

        [Fact]
        public void V2SymlinkLeaf_WithoutLength_TakesNoSpace()
        {
            TorrentInfo torrent = TorrentReader.Read(Torrent(V2Info(Dict(("attr", Str("l")), ("symlink path", Path("a"))))), "x.torrent");

            Assert.Equal(new[] { ("a", 5L, 0L, false), ("link", 0L, PieceLength, true) }, torrent.Files.Select(f => (f.Path, f.Length, f.Offset, f.IsSymlink)));
            Assert.Equal(5, torrent.TotalSize);
            Assert.Equal(1, torrent.PieceCount);
            Assert.Null(torrent.Files[1].PiecesRoot);
        }

        [Fact]
        public void V2LeafWithoutLength_IsStillAnError_WhenNotASymlink()
        {
            MetainfoException error = Assert.Throws<MetainfoException>(
                () => TorrentReader.Read(Torrent(V2Info(Dict(("symlink path", Path("a"))))), "x.torrent"));

            Assert.Equal("'info.file tree/link.length' is missing", error.Reason);
        }

        [Fact]
        public void SymlinkWithANonZeroLength_CountsZeroBytes_WithAWarning()
        {
            // libtorrent gives it size 0, so 'pieces' covers only the 5 bytes of 'a'.
            TorrentInfo torrent = TorrentReader.Read(Torrent(V1Info(Link(7, "a"))), "x.torrent");

            Assert.Equal(0, torrent.Files[1].Length);
            Assert.Equal(5, torrent.TotalSize);
            Assert.Contains("'info.files[1].length' is 7, but a symlink takes 0 bytes (BEP 47); read as 0", Assert.Single(torrent.Warnings));
        }

        [Fact]
        public void AttrLWithoutSymlinkPath_IsARegularFile_WithAWarning()
        {
            TorrentInfo torrent = TorrentReader.Read(Torrent(V1Info(Link(0))), "x.torrent");

            Assert.False(torrent.Files[1].IsSymlink);
            Assert.Null(torrent.Files[1].SymlinkPath);
            Assert.Contains("'info.files[1].attr' has 'l' (symlink) but 'info.files[1].symlink path' is missing", Assert.Single(torrent.Warnings));
        }

        [Fact]
        public void SymlinkPathWithoutAttrL_IsIgnored()
        {
            BDictionary notALink = Dict(("length", Int(0)), ("path", Path("link")), ("symlink path", Path("a")));

            TorrentInfo torrent = TorrentReader.Read(Torrent(V1Info(notALink)), "x.torrent");

            Assert.False(torrent.Files[1].IsSymlink);
            Assert.Empty(torrent.Warnings);
        }

        [Fact]
        public void SymlinkOutOfTheTorrent_IsAnUnsafePath()
        {
            TorrentInfo torrent = TorrentReader.Read(Torrent(V1Info(Link(0, "..", "etc"))), "x.torrent");

            Assert.True(torrent.Files[1].IsSymlink);
            Assert.True(torrent.Files[1].HasUnsafePath);
            Assert.True(torrent.HasUnsafePath);
            Assert.Contains("'info.files[1].symlink path' has an unsafe path element '..'", Assert.Single(torrent.Warnings));
        }

        [Theory]
        [InlineData(false, "'info.files[1].symlink path' is empty")]
        [InlineData(true, "'info.files[1].symlink path[0]' must be a string")]
        public void MalformedSymlinkPath_IsError(bool integerElement, string reason)
        {
            BDictionary link = Link(0).With("symlink path", integerElement ? List(Int(1)) : List());

            MetainfoException error = Assert.Throws<MetainfoException>(() => TorrentReader.Read(Torrent(V1Info(link)), "x.torrent"));

            Assert.Equal(reason, error.Reason);
        }

        [Fact]
        public void HybridWhoseHalvesLinkToDifferentTargets_IsInconsistent()
        {
            BDictionary info = V2Info(Dict(("attr", Str("l")), ("symlink path", Path("b"))))
                .With("files", List(Dict(("length", Int(5)), ("path", Path("a"))), Link(0, "a")))
                .With("pieces", Pieces(5));

            TorrentInfo torrent = TorrentReader.Read(Torrent(info), "x.torrent");

            Assert.Contains("'link' is a symlink to 'a' in v1 'files' but a symlink to 'b' in v2 'file tree'", Assert.Single(torrent.Warnings));
        }
    }
}
