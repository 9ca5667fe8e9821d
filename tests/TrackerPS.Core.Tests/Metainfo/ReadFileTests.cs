using System;
using System.IO;
using TrackerPS.Core.Bencode;
using TrackerPS.Core.Metainfo;
using Xunit;

namespace TrackerPS.Core.Tests.Metainfo
{
    public sealed class ReadFileTests : IDisposable
    {
        private readonly string _directory = Directory.CreateTempSubdirectory("trackerps-readfile-").FullName;

        public void Dispose() => Directory.Delete(_directory, recursive: true);

        private string CopyFixture(string name)
        {
            string path = Path.Combine(_directory, name);
            File.Copy(Oracle.FixturePath(name), path);
            return path;
        }

        [Fact]
        public void MissingFile_ThrowsFileNotFound()
        {
            Assert.Throws<FileNotFoundException>(() => TorrentReader.ReadFile(Path.Combine(_directory, "missing.torrent")));
        }

        [Fact]
        public void FileOverTheSizeLimit_IsRejectedBeforeReading()
        {
            string path = CopyFixture("v1-single.torrent");
            var options = new TorrentReadOptions { Limits = new BencodeLimits { MaxInputSize = 100 } };

            MetainfoException error = Assert.Throws<MetainfoException>(() => TorrentReader.ReadFile(path, options));

            Assert.Equal("file is 327 bytes, more than the limit of 100 bytes", error.Reason);
            Assert.Equal(path, error.SourceName);
            Assert.Null(error.Offset);
        }

        [Fact]
        public void FileAtTheSizeLimit_IsRead()
        {
            string path = CopyFixture("v1-single.torrent");
            var options = new TorrentReadOptions { Limits = new BencodeLimits { MaxInputSize = 327 } };

            Assert.Equal("single.bin", TorrentReader.ReadFile(path, options).Name);
        }

        [Fact]
        public void FileLongerThanItsReportedLength_IsReadToTheEnd()
        {
            // Linux reports a length of 0 for the files of /proc, which hold text all the same.
            const string path = "/proc/self/status";
            if (!OperatingSystem.IsLinux())
            {
                return;
            }

            byte[] data = TorrentReader.ReadFileBytes(path);

            Assert.StartsWith("Name:", System.Text.Encoding.ASCII.GetString(data), StringComparison.Ordinal);
            Assert.Contains("\nPid:", System.Text.Encoding.ASCII.GetString(data), StringComparison.Ordinal);
        }

        [Fact]
        public void FileBytes_AreTheFileExactly()
        {
            string path = CopyFixture("hybrid.torrent");

            Assert.Equal(File.ReadAllBytes(path), TorrentReader.ReadFileBytes(path));
        }

        [Fact]
        public void FileOpenForWritingElsewhere_CanBeRead()
        {
            string path = CopyFixture("v1-single.torrent");
            using var writer = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);

            TorrentInfo torrent = TorrentReader.ReadFile(path);

            Assert.Equal("62c4269d7c89f2fee23a374ca8fa44f3222c2c77", torrent.InfoHash);
        }

        [Fact]
        public void FileIsNotLockedAfterReading()
        {
            string path = CopyFixture("v1-single.torrent");

            TorrentReader.ReadFile(path);

            using (var exclusive = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
            {
                exclusive.WriteByte((byte)'d');
            }

            File.Delete(path);
            Assert.False(File.Exists(path));
        }

        [Fact]
        public void RelativePath_IsReportedAsTheFullPath()
        {
            string path = CopyFixture("v1-single.torrent");
            string relative = Path.GetRelativePath(Environment.CurrentDirectory, path);

            TorrentInfo torrent = TorrentReader.ReadFile(relative);

            Assert.Equal(path, torrent.Path);
        }

        [Fact]
        public void ErrorsNameTheFullPath()
        {
            string path = Path.Combine(_directory, "bad.torrent");
            File.WriteAllText(path, "d4:infoi1ee");

            MetainfoException error = Assert.Throws<MetainfoException>(() => TorrentReader.ReadFile(path));

            Assert.Equal($"Invalid torrent '{path}': 'info' must be a dictionary, found an integer (at byte 7)", error.Message);
        }

        [Fact]
        public void ReadFromBytes_HasNoPath()
        {
            TorrentInfo torrent = TorrentReader.Read(File.ReadAllBytes(Oracle.FixturePath("v1-single.torrent")), "v1-single.torrent");

            Assert.Null(torrent.Path);
        }
    }
}
