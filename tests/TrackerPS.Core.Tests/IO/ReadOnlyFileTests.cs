using System;
using System.IO;
using TrackerPS.Core.IO;
using Xunit;

namespace TrackerPS.Core.Tests.IO
{
    public sealed class ReadOnlyFileTests : IDisposable
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("trackerps-readonly-").FullName;

        [Fact]
        public void Open_ReadsTheFile_AndLeavesItFreeForAnExclusiveOpen()
        {
            string path = Path.Combine(_folder, "data");
            File.WriteAllBytes(path, new byte[] { 1, 2, 3 });

            using FileStream reading = ReadOnlyFile.Open(path, 1, FileOptions.SequentialScan);
            // .NET's FileStream takes an exclusive flock for FileShare.None on Unix: it fails while anyone holds a lock.
            using (var exclusive = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
            {
                exclusive.WriteByte(9);
            }

            var read = new byte[4];
            Assert.Equal(3, reading.Read(read, 0, 4));
            Assert.Equal(new byte[] { 9, 2, 3, 0 }, read);
            Assert.Equal(3, reading.Length);
        }

        [Fact]
        public void Open_Failures_AreTheExceptionsFileStreamThrows_NamingThePath()
        {
            string missing = Path.Combine(_folder, "missing");
            string inMissingFolder = Path.Combine(_folder, "no-folder", "file");

            Assert.Contains(missing, Assert.Throws<FileNotFoundException>(() => ReadOnlyFile.Open(missing, 1, FileOptions.None)).Message, StringComparison.Ordinal);
            Assert.Contains(inMissingFolder, Assert.Throws<DirectoryNotFoundException>(() => ReadOnlyFile.Open(inMissingFolder, 1, FileOptions.None)).Message, StringComparison.Ordinal);
            Assert.Contains(_folder, Assert.Throws<UnauthorizedAccessException>(() => ReadOnlyFile.Open(_folder, 1, FileOptions.None)).Message, StringComparison.Ordinal);
            Assert.Throws<ArgumentException>(() => ReadOnlyFile.Open(missing + "\0x", 1, FileOptions.None));
        }

        public void Dispose() => Directory.Delete(_folder, recursive: true);
    }
}
