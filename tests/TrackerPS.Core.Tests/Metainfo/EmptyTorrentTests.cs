using TrackerPS.Core.Bencode;
using TrackerPS.Core.Metainfo;
using Xunit;
using static TrackerPS.Core.Tests.Metainfo.TestTorrent;

namespace TrackerPS.Core.Tests.Metainfo
{
    /// <summary>
    /// Torrents with no data or no name, checked against python3-libtorrent 2.0.8: it rejects any torrent whose files add
    /// up to 0 bytes ("invalid length of torrent") and a single-file torrent with an empty name ("missing name in
    /// torrent file"), but reads a multi-file torrent with an empty name (as "_").
    /// </summary>
    public sealed class EmptyTorrentTests
    {
        private static MetainfoException Fails(byte[] data) => Assert.Throws<MetainfoException>(() => TorrentReader.Read(data, "x.torrent"));

        [Fact]
        public void SingleFileOfLengthZero_IsError()
        {
            byte[] data = Torrent(SingleFileInfo(length: 0));

            MetainfoException error = Fails(data);

            Assert.Equal("the files add up to 0 bytes; a torrent must hold at least one byte", error.Reason);
            Assert.Equal(IndexOf(data, "4:infod") + 6, error.Offset);
        }

        [Fact]
        public void MultiFileWhoseFilesAreAllEmpty_IsError()
        {
            MetainfoException error = Fails(Torrent(MultiFileInfo((new[] { "a" }, 0), (new[] { "b" }, 0))));

            Assert.Equal("the files add up to 0 bytes; a torrent must hold at least one byte", error.Reason);
        }

        [Fact]
        public void V2FileTreeWhoseFilesAreAllEmpty_IsError()
        {
            BDictionary info = Dict(
                ("name", Str("v2")),
                ("piece length", Int(PieceLength)),
                ("meta version", Int(2)),
                ("file tree", Dict(("a", V2File(0)), ("b", V2File(0)))));

            MetainfoException error = Fails(Torrent(info));

            Assert.Equal("the files add up to 0 bytes; a torrent must hold at least one byte", error.Reason);
        }

        [Fact]
        public void SingleFileWithAnEmptyName_IsError()
        {
            byte[] data = Torrent(SingleFileInfo(name: string.Empty));

            MetainfoException error = Fails(data);

            Assert.Equal("'info.name' is empty; a single-file torrent needs it as the file's name", error.Reason);
            Assert.Equal(IndexOf(data, "4:name0:") + 6, error.Offset);
        }

        [Fact]
        public void SingleFileWithAnEmptyUtf8Name_IsError_SinceTheTwinWins()
        {
            MetainfoException error = Fails(Torrent(SingleFileInfo().With("name.utf-8", Str(string.Empty))));

            Assert.StartsWith("'info.name' is empty", error.Reason);
        }

        [Fact]
        public void SingleFileWithAnEmptyNameButAUtf8Twin_IsRead()
        {
            TorrentInfo torrent = TorrentReader.Read(Torrent(SingleFileInfo(name: string.Empty).With("name.utf-8", Str("twin.bin"))), "x.torrent");

            Assert.Equal("twin.bin", torrent.Name);
        }

        [Fact]
        public void MultiFileWithAnEmptyName_IsRead_WithAnUnsafePathWarning()
        {
            TorrentInfo torrent = TorrentReader.Read(Torrent(MultiFileInfo((new[] { "a" }, 1)).With("name", Str(string.Empty))), "x.torrent");

            Assert.Equal(string.Empty, torrent.Name);
            Assert.True(torrent.HasUnsafePath);
            Assert.Contains("'info.name' has an unsafe path element ''", Assert.Single(torrent.Warnings));
        }
    }
}
