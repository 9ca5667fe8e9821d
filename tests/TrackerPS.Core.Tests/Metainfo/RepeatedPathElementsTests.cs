using System.Linq;
using TrackerPS.Core.Bencode;
using TrackerPS.Core.Metainfo;
using Xunit;
using static TrackerPS.Core.Tests.Metainfo.TestTorrent;

namespace TrackerPS.Core.Tests.Metainfo
{
    /// <summary>
    /// The files of one directory share its decoded name (<see cref="RepeatedPathElements"/>); reuse must give the text
    /// and the warnings that decoding each file's element gives.
    /// </summary>
    public sealed class RepeatedPathElementsTests
    {
        private static readonly byte[] s_latin1Cafe = { 0x63, 0x61, 0x66, 0xE9 };

        [Fact]
        public void TheSameBytesAtTheSameDepth_AreOneString()
        {
            var context = new MetainfoContext("x.torrent", new TorrentReadOptions());
            var elements = new RepeatedPathElements(NameDecoder.Create(null, context));

            string first = elements.Decode(0, Str("dir"), null, "p");
            string again = elements.Decode(0, Str("dir"), null, "p");
            string deeper = elements.Decode(1, Str("dir"), null, "p");
            string other = elements.Decode(0, Str("dis"), null, "p");

            Assert.Same(first, again);
            Assert.Equal("dir", deeper);
            Assert.NotSame(first, deeper);
            Assert.Equal("dis", other);
            Assert.Equal("dir", elements.Decode(0, Str("dir"), null, "p"));
            Assert.Empty(context.Warnings.ToArray());
        }

        [Fact]
        public void ADirectoryNameThatIsNotUtf8_IsWarnedAboutForEveryFile()
        {
            BDictionary info = MultiFileInfo((new[] { "x" }, 5)).With("files", List(
                Dict(("length", Int(5)), ("path", List(Str(s_latin1Cafe), Str("a")))),
                Dict(("length", Int(5)), ("path", List(Str(s_latin1Cafe), Str("b"))))));

            TorrentInfo torrent = TorrentReader.Read(Torrent(info), "x.torrent");

            Assert.Equal(new[] { "caf\uFFFD/a", "caf\uFFFD/b" }, torrent.Files.Select(f => f.Path));
            Assert.Equal(2, torrent.Warnings.Length);
            Assert.Contains("'info.files[0].path[0]' is not valid UTF-8", torrent.Warnings[0], System.StringComparison.Ordinal);
            Assert.Contains("'info.files[1].path[0]' is not valid UTF-8", torrent.Warnings[1], System.StringComparison.Ordinal);
        }

        [Fact]
        public void AnElementTakenFromAUtf8Twin_IsNotReusedForTheNextFile()
        {
            BDictionary info = MultiFileInfo((new[] { "x" }, 5)).With("files", List(
                Dict(("length", Int(5)), ("path", List(Str(s_latin1Cafe), Str("a"))), ("path.utf-8", Path("café", "a"))),
                Dict(("length", Int(5)), ("path", List(Str(s_latin1Cafe), Str("b"))))));

            TorrentInfo torrent = TorrentReader.Read(Torrent(info), "x.torrent");

            Assert.Equal(new[] { "café/a", "caf\uFFFD/b" }, torrent.Files.Select(f => f.Path));
            Assert.Contains("'info.files[1].path[0]' is not valid UTF-8", Assert.Single(torrent.Warnings), System.StringComparison.Ordinal);
        }

        [Fact]
        public void ALegacyEncodedDirectory_DecodesAlikeForEveryFile()
        {
            BDictionary info = MultiFileInfo((new[] { "x" }, 5)).With("files", List(
                Dict(("length", Int(5)), ("path", List(Str(s_latin1Cafe), Str("a")))),
                Dict(("length", Int(5)), ("path", List(Str(s_latin1Cafe), Str("b"))))));

            TorrentInfo torrent = TorrentReader.Read(Torrent(info, ("encoding", Str("ISO-8859-1"))), "x.torrent");

            Assert.Equal(new[] { "café/a", "café/b" }, torrent.Files.Select(f => f.Path));
            Assert.Empty(torrent.Warnings);
        }
    }
}
