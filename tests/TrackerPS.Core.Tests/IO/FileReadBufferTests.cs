using TrackerPS.Core.IO;
using Xunit;

namespace TrackerPS.Core.Tests.IO
{
    /// <summary>The reused read buffer's one limit: it grows to at most 1.5 times the largest read, and only when too small.</summary>
    public sealed class FileReadBufferTests
    {
        [Fact]
        public void Take_GrowsOnlyWhenTooSmall_ToAtMostOneAndAHalfTimesTheLargestRead()
        {
            var buffer = new FileReadBuffer();

            byte[] first = buffer.Take(100);
            Assert.Equal(100, first.Length);
            Assert.Same(first, buffer.Take(100));
            Assert.Same(first, buffer.Take(0));

            Assert.Equal(150, buffer.Take(101).Length);
            Assert.Equal(1000, buffer.Take(1000).Length);
            Assert.Equal(1500, buffer.Take(1001).Length);
        }
    }
}
