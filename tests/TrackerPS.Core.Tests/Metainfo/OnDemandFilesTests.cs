using System;
using System.Linq;
using System.Threading.Tasks;
using TrackerPS.Core.Bencode;
using TrackerPS.Core.Metainfo;
using TrackerPS.Core.Tests.Hostile;
using Xunit;
using static TrackerPS.Core.Tests.Metainfo.TestTorrent;

namespace TrackerPS.Core.Tests.Metainfo
{
    /// <summary>
    /// <see cref="TorrentInfo.Files"/> is built on first read (<see cref="OnDemandFiles"/>): it must hold what the reader
    /// checked and counted while reading, and every error and warning about the files must come from the read itself.
    /// </summary>
    public sealed class OnDemandFilesTests
    {
        public static TheoryData<string> Fixtures() => new TheoryData<string>(Oracle.Fixtures.Keys.OrderBy(k => k, StringComparer.Ordinal));

        [Theory]
        [MemberData(nameof(Fixtures))]
        public void Files_OfEveryFixture_AddUpToWhatTheReadCounted(string fixture)
        {
            foreach (bool pads in new[] { false, true })
            {
                TorrentInfo torrent = TorrentReader.ReadFile(Oracle.FixturePath(fixture), new TorrentReadOptions { IncludePadFiles = pads });

                TorrentFile[] real = torrent.Files.Where(f => !f.IsPadding).ToArray();
                Assert.Equal(torrent.FileCount, real.Length);
                Assert.Equal(torrent.TotalSize, real.Sum(f => f.Length));
                Assert.True(pads ? torrent.Files.Length >= real.Length : torrent.Files.Length == real.Length);
                if (pads)
                {
                    Assert.Equal(torrent.HasUnsafePath, torrent.Files.Any(f => f.HasUnsafePath) || PathSafety.IsUnsafeElement(torrent.Name));
                }

                Assert.Same(torrent.Files, torrent.Files);
            }
        }

        [Fact]
        public void Files_NeverRead_AreNeverBuilt()
        {
            const int count = 5000;
            byte[] data = Torrent(MultiFileInfo(Enumerable.Range(0, count).Select(i => (new[] { "dir", $"file-{i}" }, 1L)).ToArray()));

            long read = AllocationBound.Measure(() => TorrentReader.Read(data, "x.torrent"));
            long readAndFiles = AllocationBound.Measure(() => _ = TorrentReader.Read(data, "x.torrent").Files);

            // A TorrentFile is over 100 bytes; built during the read, the two would allocate about the same.
            Assert.True(readAndFiles - read >= count * 64L, $"reading Files allocated {readAndFiles - read:N0} bytes more than the read alone ({read:N0})");
        }

        [Fact]
        public async Task Files_ReadOnManyThreadsAtOnce_AreOneArray()
        {
            TorrentInfo torrent = TorrentReader.Read(Torrent(MultiFileInfo((new[] { "a" }, 5), (new[] { "b", "c" }, 7))), "x.torrent");

            TorrentFile[][] seen = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => torrent.Files)));

            Assert.All(seen, files => Assert.Same(seen[0], files));
            Assert.Equal(new[] { "a", "b/c" }, seen[0].Select(f => f.Path));
            Assert.Equal(new[] { 0L, 5L }, seen[0].Select(f => f.Offset));
        }

        [Fact]
        public void Files_OfATorrentInfoBuiltInCode_AreWhatWasSetOrEmpty()
        {
            var files = new[] { new TorrentFile { Path = "a" } };

            Assert.Empty(new TorrentInfo().Files);
            Assert.Same(files, new TorrentInfo { Files = files }.Files);
        }

        [Fact]
        public void AMalformedFileList_FailsTheRead()
        {
            BDictionary info = MultiFileInfo((new[] { "x" }, 5)).With("files", List(Dict(("length", Int(5)), ("path", List(Int(1))))));

            MetainfoException error = Assert.Throws<MetainfoException>(() => TorrentReader.Read(Torrent(info), "x.torrent"));

            Assert.Equal("'info.files[0].path[0]' must be a string", error.Reason);
        }

        [Fact]
        public void AnUnsafePath_IsReportedByTheRead_BeforeFilesAreRead()
        {
            TorrentInfo torrent = TorrentReader.Read(Torrent(MultiFileInfo((new[] { "ok" }, 5), (new[] { "..", "x" }, 5))), "x.torrent");

            Assert.True(torrent.HasUnsafePath);
            Assert.Contains("'info.files[1].path' has an unsafe path element '..'", Assert.Single(torrent.Warnings), StringComparison.Ordinal);
            Assert.Equal(new[] { false, true }, torrent.Files.Select(f => f.HasUnsafePath));
        }
    }
}
