using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TrackerPS.Core.Trackers.Http;
using Xunit;

namespace TrackerPS.Core.Tests.Trackers.Http
{
    public sealed class CappedReaderTests
    {
        [Theory]
        [InlineData(0)]
        [InlineData(1)]
        [InlineData(CappedReader.InitialUnknownLength - 1)]
        [InlineData(CappedReader.InitialUnknownLength)]
        [InlineData(CappedReader.InitialUnknownLength + 1)]
        [InlineData(5 * CappedReader.InitialUnknownLength)]
        public async Task ReadsTheWholeStream_WithTheLengthKnownOrNot(int size)
        {
            byte[] data = Bytes(size);

            Assert.Equal(data, await CappedReader.ReadAsync(new TrickleStream(data), size, maxSize: 100_000, CancellationToken.None));
            Assert.Equal(data, await CappedReader.ReadAsync(new TrickleStream(data), length: null, maxSize: 100_000, CancellationToken.None));
        }

        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public async Task AllowsExactlyTheLimit_AndRefusesOneByteMore(bool lengthKnown)
        {
            byte[] limit = Bytes(10_000);
            byte[] over = Bytes(10_001);

            Assert.Equal(limit, await CappedReader.ReadAsync(new TrickleStream(limit), lengthKnown ? limit.Length : null, 10_000, CancellationToken.None));
            Assert.Null(await CappedReader.ReadAsync(new TrickleStream(over), lengthKnown ? over.Length : null, 10_000, CancellationToken.None));
        }

        [Fact]
        public async Task AStreamLongerThanItsLength_IsStillReadToItsEnd()
        {
            // The length only sizes the array: what the stream holds is what counts.
            byte[] data = Bytes(3_000);

            Assert.Equal(data, await CappedReader.ReadAsync(new TrickleStream(data), 100, 100_000, CancellationToken.None));
            Assert.Equal(data.Take(100).ToArray(), await CappedReader.ReadAsync(new TrickleStream(data.Take(100).ToArray()), 3_000, 100_000, CancellationToken.None));
        }

        [Fact]
        public async Task NeverAsksForMoreThanOneBytePastTheLimit()
        {
            var stream = new TrickleStream(Bytes(1_000_000));

            Assert.Null(await CappedReader.ReadAsync(stream, length: null, maxSize: 50_000, CancellationToken.None));
            Assert.True(stream.Position <= 50_001, $"read {stream.Position} bytes");
        }

        [Fact]
        public async Task ABodyOfKnownLength_AllocatesAboutItsLength()
        {
            // An announce reply of a few dozen bytes: it used to cost a 16 KiB chunk and a MemoryStream each.
            byte[] data = Bytes(60);

            (byte[]? read, long allocated) = await ReadMeasuredAsync(data, data.Length, 100_000);

            Assert.Equal(data, read);
            Assert.True(allocated < 1_024, $"{allocated} bytes allocated");
        }

        [Fact]
        public async Task AClaimedLength_IsNotAllocatedBeforeTheBytesCome()
        {
            // A hostile tracker claims the whole limit and sends ten bytes: 64 such replies in flight must not cost 64 MiB.
            byte[] data = Bytes(10);

            (byte[]? read, long allocated) = await ReadMeasuredAsync(data, 1024 * 1024, 1024 * 1024);

            Assert.Equal(data, read);
            Assert.True(allocated < CappedReader.MaxTrustedLength + 1_024, $"{allocated} bytes allocated");
        }

        [Fact]
        public async Task ABodyLongerThanTheTrustedLength_GrowsToItsEnd()
        {
            byte[] data = Bytes(3 * CappedReader.MaxTrustedLength + 5);

            Assert.Equal(data, await CappedReader.ReadAsync(new TrickleStream(data), data.Length, 1024 * 1024, CancellationToken.None));
        }

        /// <summary>
        /// Reads <paramref name="data"/> once to warm up, then again: what the second read gave and allocated on this
        /// thread (the test's streams complete every read at once, so the whole read runs here).
        /// </summary>
        private static async Task<(byte[]? Read, long Allocated)> ReadMeasuredAsync(byte[] data, long? length, int maxSize)
        {
            _ = await CappedReader.ReadAsync(new TrickleStream(data), length, maxSize, CancellationToken.None);
            var stream = new TrickleStream(data);
            long before = GC.GetAllocatedBytesForCurrentThread();
            byte[]? read = await CappedReader.ReadAsync(stream, length, maxSize, CancellationToken.None);
            return (read, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        private static byte[] Bytes(int count) => Enumerable.Range(0, count).Select(i => (byte)(i * 7)).ToArray();

        /// <summary>A stream that gives at most 1,000 bytes a read and completes each at once, as a network stream may.</summary>
        private sealed class TrickleStream : MemoryStream
        {
            public TrickleStream(byte[] data)
                : base(data, writable: false)
            {
            }

            public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
                Task.FromResult(Read(buffer, offset, Math.Min(count, 1_000)));
        }
    }
}
