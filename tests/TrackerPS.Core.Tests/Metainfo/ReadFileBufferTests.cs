using System;
using System.IO;
using System.Linq;
using System.Text;
using TrackerPS.Core.Bencode;
using TrackerPS.Core.IO;
using TrackerPS.Core.Metainfo;
using Xunit;
using static TrackerPS.Core.Tests.Metainfo.TestTorrent;

namespace TrackerPS.Core.Tests.Metainfo
{
    /// <summary>
    /// Reading into a reused <see cref="FileReadBuffer"/> (<c>Get-TorrentInfoHash</c>) must give what reading each file
    /// into its own array gives, and the torrents read must stay whole after the buffer has been read into again.
    /// </summary>
    public sealed class ReadFileBufferTests : IDisposable
    {
        private readonly string _directory = Directory.CreateTempSubdirectory("trackerps-readbuffer-").FullName;

        public void Dispose() => Directory.Delete(_directory, recursive: true);

        [Fact]
        public void EveryFixture_ReadThroughOneBuffer_IsWhatItsOwnReadGives()
        {
            // Largest first, so each later file leaves stale bytes of an earlier one after its own in the buffer.
            string[] fixtures = Directory.GetFiles(Oracle.DataDirectory, "*.torrent").OrderByDescending(f => new FileInfo(f).Length).ToArray();
            var buffer = new FileReadBuffer();

            TorrentInfo[] buffered = fixtures.Select(f => TorrentReader.ReadFile(f, null, buffer)).ToArray();

            // Described only now, after every read: what each builds on first read comes after the buffer moved on.
            Assert.True(fixtures.Length >= 10);
            for (int i = 0; i < fixtures.Length; i++)
            {
                Assert.Equal(TorrentDescription.Of(TorrentReader.ReadFile(fixtures[i])), TorrentDescription.Of(buffered[i]));
            }
        }

        [Fact]
        public void FilesListThatIsMostOfTheFile_StaysWholeWhenTheBufferIsReadIntoAgain()
        {
            // A list that is most of the input is kept in place when the input is the torrent's own; from a buffer it is copied.
            string first = Write("first.torrent", ManyFiles('a'));
            string second = Write("second.torrent", ManyFiles('b'));
            var buffer = new FileReadBuffer();

            TorrentInfo torrent = TorrentReader.ReadFile(first, null, buffer);
            TorrentReader.ReadFile(second, null, buffer);

            Assert.Equal(TorrentDescription.Of(TorrentReader.ReadFile(first)), TorrentDescription.Of(torrent));
            Assert.StartsWith("aaaa", torrent.Files[0].Path, StringComparison.Ordinal);
            Assert.Equal(Encoding.UTF8.GetBytes(torrent.Files[0].Path), torrent.Files[0].RawPath.Single());
        }

        [Fact]
        public void ReadIntoTheBuffer_ComesHashedAndHoldsNothingOfIt()
        {
            TorrentInfo torrent = TorrentReader.ReadFile(Oracle.FixturePath("hybrid.torrent"), null, new FileReadBuffer());

            Assert.True(torrent.InfoHashesOnDemand!.IsComputed);
            Assert.False(torrent.InfoHashesOnDemand.HoldsBytes);
            Assert.Equal(Oracle.Fixtures["hybrid.torrent"].InfoHashV2, torrent.InfoHashV2);
        }

        [Fact]
        public void SecondReadOfAFile_AllocatesNoArrayForIt()
        {
            string path = Write("large.torrent", Torrent(SingleFileInfo(length: 3000 * PieceLength)));
            long length = new FileInfo(path).Length;
            var buffer = new FileReadBuffer();
            TorrentReader.ReadFile(path, null, buffer);

            long own = Allocated(() => TorrentReader.ReadFile(path));
            long reused = Allocated(() => TorrentReader.ReadFile(path, null, buffer));

            Assert.True(length >= 60_000, $"{length} bytes");
            Assert.True(own > length, $"{own} bytes allocated reading into its own array");
            Assert.True(reused < length / 2, $"{reused} bytes allocated reading into the buffer, the file is {length}");
        }

        [Fact]
        public void Errors_AreThoseOfTheOwnRead()
        {
            var buffer = new FileReadBuffer();
            string missing = System.IO.Path.Combine(_directory, "missing.torrent");
            string invalid = Write("invalid.torrent", Encoding.ASCII.GetBytes("d4:infod4:name1:xee"));
            string empty = Write("empty.torrent", Array.Empty<byte>());
            var small = new TorrentReadOptions { Limits = new BencodeLimits { MaxInputSize = 10 } };
            // The buffer holds a whole torrent's bytes beyond what the broken files fill.
            TorrentReader.ReadFile(Oracle.FixturePath("hybrid.torrent"), null, buffer);

            Assert.Throws<FileNotFoundException>(() => TorrentReader.ReadFile(missing, null, buffer));
            Assert.Equal(
                Assert.Throws<MetainfoException>(() => TorrentReader.ReadFile(invalid)).Message,
                Assert.Throws<MetainfoException>(() => TorrentReader.ReadFile(invalid, null, buffer)).Message);
            Assert.Equal(
                Assert.Throws<BencodeException>(() => TorrentReader.ReadFile(empty)).Message,
                Assert.Throws<BencodeException>(() => TorrentReader.ReadFile(empty, null, buffer)).Message);
            Assert.Equal(
                Assert.Throws<MetainfoException>(() => TorrentReader.ReadFile(invalid, small)).Message,
                Assert.Throws<MetainfoException>(() => TorrentReader.ReadFile(invalid, small, buffer)).Message);
            Assert.Throws<ArgumentNullException>(() => TorrentReader.ReadFile(invalid, null, null!));
        }

        private static long Allocated(Action read)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            read();
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }

        /// <summary>A torrent of 300 files with 60-character names: its files list is most of the file.</summary>
        private static byte[] ManyFiles(char letter) =>
            Torrent(MultiFileInfo(Enumerable.Range(0, 300).Select(i => (new[] { new string(letter, 56) + i.ToString("D4") }, 10L)).ToArray()));

        private string Write(string name, byte[] data)
        {
            string path = System.IO.Path.Combine(_directory, name);
            File.WriteAllBytes(path, data);
            return path;
        }
    }
}
