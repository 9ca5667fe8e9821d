using System;
using Xunit;

namespace TrackerPS.Core.Tests.Hostile
{
    /// <summary>
    /// Asserts that parsing an input allocates at most <c>factor × input size + constant</c> bytes, measured with
    /// <see cref="GC.GetAllocatedBytesForCurrentThread"/> (exact and deterministic, unlike timing). The parsers are
    /// synchronous, so everything they allocate is on this thread.
    /// </summary>
    internal static class AllocationBound
    {
        /// <summary>Slack for what does not grow with the input (first-call caches, small arrays).</summary>
        public const long Constant = 256 * 1024;

        /// <summary>Bytes allocated per input byte, at most, on every adversarial input (see README, Limits).</summary>
        public const int Factor = 40;

        public static long Measure(Action parse)
        {
            parse();
            long before = GC.GetAllocatedBytesForCurrentThread();
            parse();
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }

        public static void AtMost(int factor, long inputSize, Action parse)
        {
            long allocated = Measure(parse);
            long bound = (factor * inputSize) + Constant;
            Assert.True(allocated <= bound, $"allocated {allocated:N0} bytes for {inputSize:N0} bytes of input ({(double)allocated / inputSize:0.0}×), more than {factor}× + {Constant:N0} = {bound:N0}");
        }
    }
}
