using System.Linq;
using TrackerPS.Core.Bencode;
using TrackerPS.Core.Metainfo;
using Xunit;
using static TrackerPS.Core.Tests.Metainfo.TestTorrent;

namespace TrackerPS.Core.Tests.Metainfo
{
    public sealed class PathSafetyAndPadTests
    {
        [Theory]
        [InlineData("..", "..")]
        [InlineData(".", ".")]
        [InlineData("", "")]
        [InlineData("/etc/passwd", "/etc/passwd")]
        [InlineData("\\windows", "\\windows")]
        [InlineData("C:", "C:")]
        [InlineData("c:evil.exe", "c:evil.exe")]
        [InlineData("a/b", "a/b")]
        [InlineData("a\\b", "a\\b")]
        [InlineData("a\0b", "a\\0b")]
        public void UnsafePathElement_IsFlaggedAndWarned_ButNotRewritten(string element, string shown)
        {
            BDictionary info = MultiFileInfo((new[] { "ok.txt" }, 5), (new[] { "dir", element, "x" }, 5));

            TorrentInfo torrent = TorrentReader.Read(Torrent(info), "x.torrent");

            Assert.True(torrent.HasUnsafePath);
            Assert.False(torrent.Files[0].HasUnsafePath);
            Assert.True(torrent.Files[1].HasUnsafePath);
            Assert.Equal("dir/" + element + "/x", torrent.Files[1].Path);
            Assert.Equal(System.Text.Encoding.UTF8.GetBytes(element), torrent.Files[1].RawPath[1]);
            string warning = Assert.Single(torrent.Warnings);
            Assert.Contains($"'info.files[1].path' has an unsafe path element '{shown}'", warning);
        }

        [Theory]
        [InlineData("...")]
        [InlineData("a..b")]
        [InlineData(".hidden")]
        [InlineData("C")]
        [InlineData("1:2")]
        public void OrdinaryOddNames_AreSafe(string element)
        {
            TorrentInfo torrent = TorrentReader.Read(Torrent(MultiFileInfo((new[] { element }, 5))), "x.torrent");

            Assert.False(torrent.HasUnsafePath);
            Assert.Empty(torrent.Warnings);
        }

        [Fact]
        public void UnsafeName_IsFlagged()
        {
            TorrentInfo torrent = TorrentReader.Read(Torrent(SingleFileInfo(name: "../evil")), "x.torrent");

            Assert.True(torrent.HasUnsafePath);
            Assert.True(torrent.Files[0].HasUnsafePath);
            Assert.Equal("../evil", torrent.Name);
            Assert.Contains("'info.name' has an unsafe path element '../evil'", Assert.Single(torrent.Warnings));
        }

        [Fact]
        public void UnsafeV2TreeElement_IsFlagged()
        {
            BDictionary info = Dict(
                ("name", Str("v2")),
                ("piece length", Int(PieceLength)),
                ("meta version", Int(2)),
                ("file tree", Dict(("..", Dict(("passwd", V2File(5)))))));

            TorrentInfo torrent = TorrentReader.Read(Torrent(info), "x.torrent");

            Assert.True(torrent.HasUnsafePath);
            Assert.Equal("../passwd", torrent.Files[0].Path);
            Assert.Contains("unsafe path element '..'", Assert.Single(torrent.Warnings));
        }

        [Fact]
        public void BitCometPadFile_IsPadding_AndExcludedUnlessAsked()
        {
            BDictionary info = MultiFileInfo(
                (new[] { "a" }, 5),
                (new[] { "_____padding_file_0_if you see this file, please update to BitComet 0.85 or above____" }, 16379),
                (new[] { "b" }, 10));

            TorrentInfo torrent = TorrentReader.Read(Torrent(info), "x.torrent");
            TorrentInfo withPads = TorrentReader.Read(Torrent(info), "x.torrent", new TorrentReadOptions { IncludePadFiles = true });

            Assert.Equal(new[] { ("a", 0L), ("b", 16384L) }, torrent.Files.Select(f => (f.Path, f.Offset)));
            Assert.Equal(2, torrent.FileCount);
            Assert.Equal(15, torrent.TotalSize);
            Assert.Equal(2, torrent.PieceCount);
            Assert.Equal(new[] { false, true, false }, withPads.Files.Select(f => f.IsPadding));
            Assert.Equal(2, withPads.FileCount);
            Assert.Equal(15, withPads.TotalSize);
        }

        [Theory]
        [InlineData("p", true)]
        [InlineData("xp", true)]
        [InlineData("x", false)]
        [InlineData("hl", false)]
        public void Bep47Attributes_AreKept_AndPMarksPadding(string attr, bool padding)
        {
            BDictionary info = MultiFileInfo((new[] { "a" }, 5), (new[] { "b" }, 5));
            BList files = (BList)info["files"]!;
            info = info.With("files", List(files.Items[0], ((BDictionary)files.Items[1]).With("attr", Str(attr))));

            TorrentInfo torrent = TorrentReader.Read(Torrent(info), "x.torrent", new TorrentReadOptions { IncludePadFiles = true });

            Assert.Equal(attr, torrent.Files[1].Attributes);
            Assert.Equal(padding, torrent.Files[1].IsPadding);
            Assert.Equal(string.Empty, torrent.Files[0].Attributes);
            Assert.Equal(padding ? 1 : 2, torrent.FileCount);
        }

        [Fact]
        public void SingleFileAttr_IsRead()
        {
            TorrentInfo torrent = TorrentReader.Read(Torrent(SingleFileInfo().With("attr", Str("x"))), "x.torrent");

            Assert.Equal("x", torrent.Files[0].Attributes);
        }

        [Fact]
        public void AttrOfTheWrongType_IsIgnoredWithWarning()
        {
            TorrentInfo torrent = TorrentReader.Read(Torrent(SingleFileInfo().With("attr", Int(1))), "x.torrent");

            Assert.Equal(string.Empty, torrent.Files[0].Attributes);
            Assert.Contains("'info.attr' ignored: expected a string, found an integer", Assert.Single(torrent.Warnings));
        }
    }
}
