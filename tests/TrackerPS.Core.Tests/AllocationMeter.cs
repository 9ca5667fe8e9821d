using System;
using System.Threading.Tasks;

namespace TrackerPS.Core.Tests
{
    /// <summary>What a call allocates, every thread counted, for the allocation bounds of repeated operations.</summary>
    internal static class AllocationMeter
    {
        /// <summary>
        /// Makes the call once (it pays for JIT compilation, connections and the thread pool's start), then
        /// <paramref name="calls"/> times one after another, and gives the mean of those.
        /// </summary>
        /// <param name="call">The operation, e.g. one announce.</param>
        /// <param name="calls">How many calls are measured.</param>
        /// <returns>Bytes allocated per call, by every thread of the process.</returns>
        public static async Task<long> PerCallAsync(Func<Task> call, int calls)
        {
            await call();
            long before = GC.GetTotalAllocatedBytes(precise: true);
            for (int i = 0; i < calls; i++)
            {
                await call();
            }

            return (GC.GetTotalAllocatedBytes(precise: true) - before) / calls;
        }
    }
}
