using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using TrackerPS.Core.Threading;
using Xunit;

namespace TrackerPS.Core.Tests.Threading
{
    /// <summary>
    /// A released slot goes to the longest waiter on the releasing thread; nesting is bounded; a cancelled waiter leaves
    /// the queue without taking or losing a slot.
    /// </summary>
    public sealed class HandoverThrottleTests
    {
        [Fact]
        public void FreeSlotsAreTakenAtOnce_ThenWaitersQueue()
        {
            var throttle = new HandoverThrottle(2);

            Assert.True(throttle.WaitAsync(CancellationToken.None).IsCompleted);
            Assert.True(throttle.WaitAsync(CancellationToken.None).IsCompleted);
            Assert.False(throttle.WaitAsync(CancellationToken.None).IsCompleted);
        }

        [Fact]
        public void Release_HandsTheSlotToTheLongestWaiter_OnTheReleasingThread()
        {
            var throttle = new HandoverThrottle(1);
            _ = throttle.WaitAsync(CancellationToken.None);
            var order = new List<(int Waiter, int Thread)>();
            Task first = throttle.WaitAsync(CancellationToken.None).ContinueWith(_ => order.Add((1, Environment.CurrentManagedThreadId)), TaskContinuationOptions.ExecuteSynchronously);
            Task second = throttle.WaitAsync(CancellationToken.None).ContinueWith(_ => order.Add((2, Environment.CurrentManagedThreadId)), TaskContinuationOptions.ExecuteSynchronously);

            throttle.Release();

            // Done before Release returns: the waiter's continuation ran inline, not on the thread pool.
            Assert.Equal(new[] { (1, Environment.CurrentManagedThreadId) }, order);
            Assert.True(first.IsCompleted);
            Assert.False(second.IsCompleted);
            throttle.Release();
            Assert.Equal(2, order.Count);
            Assert.Equal(2, order[1].Waiter);
        }

        [Fact]
        public void Release_WithNoWaiter_FreesTheSlot()
        {
            var throttle = new HandoverThrottle(1);
            _ = throttle.WaitAsync(CancellationToken.None);
            Assert.False(throttle.WaitAsync(CancellationToken.None).IsCompleted);

            throttle.Release();
            throttle.Release();

            Assert.True(throttle.WaitAsync(CancellationToken.None).IsCompleted);
        }

        [Fact]
        public async Task WaitersThatReleaseAtOnce_DoNotNestWithoutBound()
        {
            // 100,000 requests that fail without waiting (a refused tracker, say) each release inside the handover that
            // gave them the slot; nested inline, the stack would overflow and the process die.
            const int Waiters = 100_000;
            var throttle = new HandoverThrottle(1);
            await throttle.WaitAsync(CancellationToken.None);
            int maxDepth = 0;
            using var depth = new ThreadLocal<int>();
            var done = new Task[Waiters];
            for (int i = 0; i < Waiters; i++)
            {
                done[i] = throttle.WaitAsync(CancellationToken.None).ContinueWith(
                    _ =>
                    {
                        // Nesting is per thread: past the bound, the slot moves to a pool thread and the stack unwinds.
                        InterlockedMax(ref maxDepth, ++depth.Value);
                        throttle.Release();
                        depth.Value--;
                    },
                    TaskContinuationOptions.ExecuteSynchronously);
            }

            throttle.Release();
            await Task.WhenAll(done);

            Assert.InRange(maxDepth, 2, HandoverThrottle.MaxNestedHandovers);
        }

        [Fact]
        public async Task CancellingAWaiter_RemovesIt_AndTheNextReleaseGoesToTheNextWaiter()
        {
            var throttle = new HandoverThrottle(1);
            _ = throttle.WaitAsync(CancellationToken.None);
            using var cancel = new CancellationTokenSource();
            Task cancelled = throttle.WaitAsync(cancel.Token);
            Task next = throttle.WaitAsync(CancellationToken.None);

            cancel.Cancel();

            OperationCanceledException error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
            Assert.Equal(cancel.Token, error.CancellationToken);
            Assert.False(next.IsCompleted);
            throttle.Release();
            Assert.True(next.IsCompleted);
            Assert.False(throttle.WaitAsync(CancellationToken.None).IsCompleted);
        }

        [Fact]
        public async Task AWaiterCancelledAfterItGotTheSlot_KeepsIt()
        {
            var throttle = new HandoverThrottle(1);
            _ = throttle.WaitAsync(CancellationToken.None);
            using var cancel = new CancellationTokenSource();
            Task waiter = throttle.WaitAsync(cancel.Token);

            throttle.Release();
            cancel.Cancel();

            await waiter;
            Assert.False(throttle.WaitAsync(CancellationToken.None).IsCompleted);
        }

        [Fact]
        public async Task AnAlreadyCancelledToken_CancelsTheWait_AndTakesNoSlot()
        {
            var throttle = new HandoverThrottle(1);
            using var cancel = new CancellationTokenSource();
            cancel.Cancel();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => throttle.WaitAsync(cancel.Token));
            Assert.True(throttle.WaitAsync(CancellationToken.None).IsCompleted);
        }

        [Fact]
        public void ZeroSlots_IsRefused()
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => new HandoverThrottle(0));
        }

        private static void InterlockedMax(ref int target, int value)
        {
            int seen;
            while (value > (seen = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen)
            {
            }
        }
    }
}
