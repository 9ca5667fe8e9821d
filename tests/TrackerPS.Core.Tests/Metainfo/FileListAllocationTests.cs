using System;
using System.Linq;
using TrackerPS.Core.Bencode;
using TrackerPS.Core.Metainfo;
using TrackerPS.Core.Tests.Hostile;
using Xunit;
using static TrackerPS.Core.Tests.Metainfo.TestTorrent;

namespace TrackerPS.Core.Tests.Metainfo
{
    /// <summary>
    /// What reading issue 11's 50,000-file torrents allocates (the shapes of tests/TrackerPS.Benchmarks/make-inputs.py:
    /// 100 files per directory, or a directory per file; 256 KiB pieces, so the file list is nearly all of the input).
    /// A plain, canonical list is checked and added up from its bytes (<see cref="PlainFileList"/>): no decoder token, no
    /// entry and no offset per file; the <see cref="TorrentFile"/> objects are built only when Files is read.
    /// </summary>
    public sealed class FileListAllocationTests
    {
        private const int FileCount = 50_000;
        private const long PieceLength = 256 * 1024;

        /// <summary>Bytes per file that reading Files may add: a TorrentFile (about 120), its path string and its slot (200 measured).</summary>
        private const int FilesBytesPerFile = 240;

        /// <summary>
        /// The read allocates nothing per file: at most <see cref="AllocationBound.Constant"/> (256 KiB), about 5 bytes per
        /// file, for about 2.5 MB of input (2,776 bytes measured). Decoding the list to tokens allocated 2.51 times the
        /// input, 1.58 of it the tokens; reading every entry as objects, 10.7.
        /// </summary>
        [Theory]
        [InlineData(100)]
        [InlineData(1)]
        public void Read_OfFiftyThousandFiles_AllocatesNothingPerFile(int filesPerDirectory)
        {
            byte[] data = FiftyThousandFiles(filesPerDirectory);

            long allocated = AllocationBound.Measure(() => TorrentReader.Read(data, "x.torrent"));

            Assert.True(allocated <= AllocationBound.Constant, $"the read allocated {allocated:N0} bytes for {data.Length:N0}, more than {AllocationBound.Constant:N0}");
        }

        [Theory]
        [InlineData(100)]
        [InlineData(1)]
        public void Files_OfFiftyThousandFiles_AddAtMostAPathAndAnObjectPerFile(int filesPerDirectory)
        {
            byte[] data = FiftyThousandFiles(filesPerDirectory);

            long read = AllocationBound.Measure(() => TorrentReader.Read(data, "x.torrent"));
            long readAndFiles = AllocationBound.Measure(() => _ = TorrentReader.Read(data, "x.torrent").Files);

            long bound = ((long)FilesBytesPerFile * FileCount) + AllocationBound.Constant;
            Assert.True(readAndFiles - read <= bound, $"reading Files allocated {readAndFiles - read:N0} bytes, more than {bound:N0}");
        }

        /// <summary>
        /// Bytes per file that reading each file's RawPath may add: its arrays, the outer one and one per element (two here:
        /// about 150). Decoding each path as bencode, as before, allocated 1,128.
        /// </summary>
        private const int RawPathBytesPerFile = 200;

        [Fact]
        public void RawPath_OfFiftyThousandFiles_AddsOnlyItsArrays()
        {
            byte[] data = FiftyThousandFiles(100);

            // RawPath is kept once built, so each measured run reads the torrent afresh.
            long files = AllocationBound.Measure(() => _ = TorrentReader.Read(data, "x.torrent").Files);
            long filesAndRawPaths = AllocationBound.Measure(() =>
            {
                foreach (TorrentFile file in TorrentReader.Read(data, "x.torrent").Files)
                {
                    _ = file.RawPath;
                }
            });

            long perFile = (filesAndRawPaths - files) / FileCount;
            Assert.True(perFile <= RawPathBytesPerFile, $"reading RawPath allocated {perFile:N0} bytes per file, more than {RawPathBytesPerFile}");
            Assert.Equal(new[] { "dir-00001"u8.ToArray(), "file-00123.bin"u8.ToArray() }, TorrentReader.Read(data, "x.torrent").Files[123].RawPath);
        }

        /// <summary>
        /// The same with every second entry a BEP 47 pad (<c>attr: p</c>, as in every hybrid): nothing per file either
        /// (2.90 times the input from the tokens, 8.56 when pads were read the full way).
        /// </summary>
        [Fact]
        public void Read_OfFiftyThousandFilesHalfOfThemPads_AllocatesNothingPerFile()
        {
            byte[] data = FiftyThousandFiles(100, padEvery: 2);

            long allocated = AllocationBound.Measure(() => TorrentReader.Read(data, "x.torrent"));
            TorrentInfo torrent = TorrentReader.Read(data, "x.torrent", new TorrentReadOptions { IncludePadFiles = true });

            Assert.True(allocated <= AllocationBound.Constant, $"the read allocated {allocated:N0} bytes for {data.Length:N0}, more than {AllocationBound.Constant:N0}");
            TorrentFile pad = torrent.Files[1];
            Assert.True(pad.IsPadding);
            Assert.Equal("p", pad.Attributes);
            Assert.Equal(".pad/1", pad.Path);
            Assert.Equal(new[] { ".pad"u8.ToArray(), "1"u8.ToArray() }, pad.RawPath);
            Assert.Equal(FileCount / 2, torrent.Files.Count(f => f.IsPadding));
            Assert.All(torrent.Files.Where(f => !f.IsPadding), f => Assert.Equal(string.Empty, f.Attributes));
        }

        /// <summary>
        /// Bytes per file a v2 <c>file tree</c> of 50,000 one-piece files in 500 directories may cost to read: 812
        /// measured (the decoder's tokens, a node's path, key and decoded name, the pieces root as hex, the entry); reading
        /// every file node as values cost 1,037.
        /// </summary>
        private const int V2ReadBytesPerFile = 880;

        [Fact]
        public void Read_OfAV2FileTreeOfFiftyThousandFiles_CreatesNoValuePerPlainFile()
        {
            var random = new Random(20261203);
            BValue[] directories = Enumerable.Range(0, FileCount / 100).Select(d => (BValue)Dict(Enumerable.Range(0, 100)
                .Select(f => ($"file-{(d * 100) + f:D5}.bin", (BValue)V2File(random.Next(1, 20_000), (byte)f))).ToArray())).ToArray();
            BDictionary tree = Dict(directories.Select((directory, d) => ($"dir-{d:D5}", directory)).ToArray());
            byte[] data = Torrent(Dict(("file tree", tree), ("meta version", Int(2)), ("name", Str("v2-files")), ("piece length", Int(PieceLength))));

            long allocated = AllocationBound.Measure(() => TorrentReader.Read(data, "x.torrent"));
            TorrentInfo torrent = TorrentReader.Read(data, "x.torrent");

            long perFile = allocated / FileCount;
            Assert.True(perFile <= V2ReadBytesPerFile, $"the read allocated {perFile:N0} bytes per file, more than {V2ReadBytesPerFile}");
            Assert.Equal(FileCount, torrent.Files.Length);
            Assert.Equal("dir-00001/file-00123.bin", torrent.Files[123].Path);
            Assert.Equal(string.Concat(Enumerable.Repeat("17", 32)), torrent.Files[123].PiecesRoot);
        }

        [Fact]
        public void Files_OfPlainEntries_AreTheirPathsAndLengths()
        {
            TorrentInfo torrent = TorrentReader.Read(Torrent(MultiFileInfo((new[] { "é", "日本.txt" }, 5), (new[] { "b" }, 7))), "x.torrent");

            Assert.Equal(new[] { "é/日本.txt", "b" }, torrent.Files.Select(f => f.Path));
            Assert.Equal(new[] { 5L, 7L }, torrent.Files.Select(f => f.Length));
            Assert.Equal(new[] { 0L, 5L }, torrent.Files.Select(f => f.Offset));
            Assert.Equal(new[] { "é"u8.ToArray(), "日本.txt"u8.ToArray() }, torrent.Files[0].RawPath);
            Assert.All(torrent.Files, f => Assert.False(f.HasUnsafePath || f.IsPadding || f.Attributes.Length > 0));
        }

        private static byte[] FiftyThousandFiles(int filesPerDirectory, int padEvery = 0)
        {
            var random = new Random(20260101);
            long total = 0;
            BValue[] files = Enumerable.Range(0, FileCount).Select(i =>
            {
                long length = random.Next(1, 20_000);
                total += length;
                return padEvery > 0 && i % padEvery == padEvery - 1
                    ? Dict(("attr", Str("p")), ("length", Int(length)), ("path", Path(".pad", $"{i}")))
                    : (BValue)Dict(("length", Int(length)), ("path", Path($"dir-{i / filesPerDirectory:D5}", $"file-{i:D5}.bin")));
            }).ToArray();
            return Torrent(Dict(
                ("name", Str("shaped-files")),
                ("piece length", Int(PieceLength)),
                ("files", List(files)),
                ("pieces", Str(new byte[20 * ((total + PieceLength - 1) / PieceLength)]))));
        }
    }
}
