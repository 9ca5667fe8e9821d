using System.Linq;
using System.Text;
using TrackerPS.Core.Bencode;
using TrackerPS.Core.Metainfo;
using Xunit;
using static TrackerPS.Core.Tests.Metainfo.TestTorrent;

namespace TrackerPS.Core.Tests.Metainfo
{
    public sealed class NameDecodingTests
    {
        private static readonly byte[] s_latin1Cafe = { 0x63, 0x61, 0x66, 0xE9 };

        [Fact]
        public void NameUtf8Twin_IsPreferred_RawBytesKept()
        {
            BDictionary info = SingleFileInfo().With("name", Str(s_latin1Cafe)).With("name.utf-8", Str("café"));

            TorrentInfo torrent = TorrentReader.Read(Torrent(info), "x.torrent");

            Assert.Equal("café", torrent.Name);
            Assert.Equal(s_latin1Cafe, torrent.NameBytes);
            Assert.Empty(torrent.Warnings);
        }

        [Fact]
        public void PathUtf8Twin_IsPreferred_RawPathKept()
        {
            BDictionary info = MultiFileInfo((new[] { "x" }, 5));
            info = info.With("files", List(Dict(
                ("length", Int(5)),
                ("path", List(Str("dir"), Str(s_latin1Cafe))),
                ("path.utf-8", Path("dir", "café")))));

            TorrentInfo torrent = TorrentReader.Read(Torrent(info), "x.torrent");

            Assert.Equal("dir/café", torrent.Files[0].Path);
            Assert.Equal(s_latin1Cafe, torrent.Files[0].RawPath[1]);
            Assert.Empty(torrent.Warnings);
        }

        [Fact]
        public void LegacyEncoding_DecodesNames()
        {
            BDictionary info = SingleFileInfo().With("name", Str(s_latin1Cafe));

            TorrentInfo torrent = TorrentReader.Read(Torrent(info, ("encoding", Str("ISO-8859-1"))), "x.torrent");

            Assert.Equal("café", torrent.Name);
            Assert.Equal("ISO-8859-1", torrent.Encoding);
            Assert.Empty(torrent.Warnings);
        }

        [Fact]
        public void UnknownEncoding_FallsBackToUtf8WithWarning()
        {
            TorrentInfo torrent = TorrentReader.Read(Torrent(SingleFileInfo(name: "ok"), ("encoding", Str("x-klingon"))), "x.torrent");

            Assert.Equal("ok", torrent.Name);
            Assert.Contains("'encoding' 'x-klingon' is not available; names are decoded as UTF-8", Assert.Single(torrent.Warnings));
        }

        [Fact]
        public void InvalidUtf8Name_IsReplacedWithWarning()
        {
            BDictionary info = SingleFileInfo().With("name", Str(s_latin1Cafe));

            TorrentInfo torrent = TorrentReader.Read(Torrent(info), "x.torrent");

            Assert.Equal("caf\uFFFD", torrent.Name);
            Assert.Equal(s_latin1Cafe, torrent.NameBytes);
            Assert.Contains("'info.name' is not valid UTF-8; invalid bytes are shown as U+FFFD", Assert.Single(torrent.Warnings));
        }

        [Fact]
        public void InvalidUtf8Twin_IsIgnoredWithWarning()
        {
            BDictionary info = SingleFileInfo(name: "plain").With("name.utf-8", Str(s_latin1Cafe));

            TorrentInfo torrent = TorrentReader.Read(Torrent(info), "x.torrent");

            Assert.Equal("plain", torrent.Name);
            Assert.Contains("'info.name.utf-8' is not valid UTF-8 and is ignored", Assert.Single(torrent.Warnings));
        }

        [Fact]
        public void PathTwinWithDifferentLength_IsIgnoredWithWarning()
        {
            BDictionary info = MultiFileInfo((new[] { "x" }, 5));
            info = info.With("files", List(Dict(("length", Int(5)), ("path", Path("a", "b")), ("path.utf-8", Path("c")))));

            TorrentInfo torrent = TorrentReader.Read(Torrent(info), "x.torrent");

            Assert.Equal("a/b", torrent.Files[0].Path);
            Assert.Contains("'info.files[0].path.utf-8' has a different number of elements than 'path' and is ignored", Assert.Single(torrent.Warnings));
        }

        [Fact]
        public void NonAsciiUtf8Names_RoundTripThroughTheFixture()
        {
            TorrentInfo torrent = TorrentReader.ReadFile(Oracle.FixturePath("utf8-names.torrent"));

            Assert.Equal(Encoding.UTF8.GetBytes("utf8-näme"), torrent.NameBytes);
            Assert.Equal(Encoding.UTF8.GetBytes("emoji-😀.txt"), torrent.Files.Last().RawPath.Single());
        }
    }
}
