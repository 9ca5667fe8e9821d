using System;
using System.IO;
using System.Linq;
using System.Threading;
using TrackerPS.Core.Authoring;
using Xunit;

namespace TrackerPS.Core.Tests.Authoring
{
    public sealed class AtomicFileWriterTests : IDisposable
    {
        private static readonly byte[] s_original = { 1, 2, 3 };
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "trackerps-atomic-" + Guid.NewGuid().ToString("N"));
        private readonly string _target;

        public AtomicFileWriterTests()
        {
            Directory.CreateDirectory(_folder);
            _target = Path.Combine(_folder, "x.torrent");
            File.WriteAllBytes(_target, s_original);
        }

        public void Dispose() => Directory.Delete(_folder, recursive: true);

        [Fact]
        public void Write_ReplacesTheTarget_AndLeavesNoTemporaryFile()
        {
            AtomicFileWriter.Write(_target, new byte[] { 9, 8 }, CancellationToken.None);

            Assert.Equal(new byte[] { 9, 8 }, File.ReadAllBytes(_target));
            Assert.Equal(new[] { _target }, Directory.GetFiles(_folder));
        }

        [Fact]
        public void Write_NewFile_CreatesIt()
        {
            string path = Path.Combine(_folder, "new.torrent");

            AtomicFileWriter.Write(path, new byte[] { 7 }, CancellationToken.None);

            Assert.Equal(new byte[] { 7 }, File.ReadAllBytes(path));
        }

        [Fact]
        public void Write_InterruptedMidWay_LeavesTheOriginalAndNoTemporaryFile()
        {
            // Ctrl+C while writing: half the bytes are out when the pipeline stops.
            using var stop = new CancellationTokenSource();
            Assert.Throws<OperationCanceledException>(() => AtomicFileWriter.Write(_target, stream =>
            {
                stream.Write(new byte[AtomicFileWriter.ChunkSize], 0, AtomicFileWriter.ChunkSize);
                stop.Cancel();
                stop.Token.ThrowIfCancellationRequested();
            }, stop.Token));

            Assert.Equal(s_original, File.ReadAllBytes(_target));
            Assert.Equal(new[] { _target }, Directory.GetFiles(_folder));
        }

        [Fact]
        public void Write_CancelledAfterTheBytes_ReplacesNothing()
        {
            using var stop = new CancellationTokenSource();

            Assert.Throws<OperationCanceledException>(() => AtomicFileWriter.Write(_target, stream => stop.Cancel(), stop.Token));

            Assert.Equal(s_original, File.ReadAllBytes(_target));
            Assert.Single(Directory.GetFiles(_folder));
        }

        [Fact]
        public void Write_ChunkedBytes_CancelledBeforeStart_ReplacesNothing()
        {
            using var stop = new CancellationTokenSource();
            stop.Cancel();

            Assert.Throws<OperationCanceledException>(() => AtomicFileWriter.Write(_target, new byte[3 * AtomicFileWriter.ChunkSize], stop.Token));

            Assert.Equal(s_original, File.ReadAllBytes(_target));
            Assert.Single(Directory.GetFiles(_folder));
        }

        [Fact]
        public void Write_DiskFull_NamesTheTarget_LeavesTheOriginalAndNoTemporaryFile()
        {
            var e = Assert.Throws<IOException>(() => AtomicFileWriter.Write(_target, stream =>
            {
                stream.Write(new byte[10], 0, 10);
                throw new IOException("No space left on device");
            }, CancellationToken.None));

            Assert.StartsWith($"Cannot write '{_target}'", e.Message, StringComparison.Ordinal);
            Assert.Equal(s_original, File.ReadAllBytes(_target));
            Assert.Single(Directory.GetFiles(_folder));
        }

        [Fact]
        public void Write_MissingFolder_ThrowsDirectoryNotFound()
        {
            string path = Path.Combine(_folder, "missing", "x.torrent");

            Assert.Throws<DirectoryNotFoundException>(() => AtomicFileWriter.Write(path, s_original, CancellationToken.None));

            Assert.False(Directory.Exists(Path.Combine(_folder, "missing")));
        }
    }
}
