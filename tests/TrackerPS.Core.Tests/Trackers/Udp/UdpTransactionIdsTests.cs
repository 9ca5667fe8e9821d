using System.Linq;
using TrackerPS.Core.Trackers.Udp;
using Xunit;

namespace TrackerPS.Core.Tests.Trackers.Udp
{
    public sealed class UdpTransactionIdsTests
    {
        [Fact]
        public void EachBatchIsFreshRandomness()
        {
            var ids = new UdpTransactionIds();

            uint[] drawn = Enumerable.Range(0, 3 * UdpTransactionIds.BatchSize).Select(_ => ids.Next()).ToArray();

            // A refill that did not happen would repeat the previous batch; unfilled bytes would give zeros. Two equal
            // 64-id batches of real randomness have a chance of 2^-2048.
            uint[][] batches = drawn.Chunk(UdpTransactionIds.BatchSize).ToArray();
            Assert.NotEqual(batches[0], batches[1]);
            Assert.NotEqual(batches[1], batches[2]);
            Assert.True(drawn.Distinct().Count() > drawn.Length - 3, "almost every id differs");
        }
    }
}
