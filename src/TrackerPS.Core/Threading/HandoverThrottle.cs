using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace TrackerPS.Core.Threading
{
    /// <summary>
    /// A counting throttle like <see cref="SemaphoreSlim"/>, except that <see cref="Release"/> hands the slot to the
    /// longest waiter on the releasing thread: the waiter's continuation runs there at once instead of being queued to
    /// the thread pool. A UDP reply completes its request on the receive thread, so the next request is sent from that
    /// thread without a thread switch (one announce in flight is a round trip, not a round trip plus two switches).
    /// A continuation that releases again at once (a request that fails without waiting) would nest; past
    /// <see cref="MaxNestedHandovers"/> nested handovers on one thread the slot goes through the thread pool instead,
    /// so the stack stays bounded whatever the number of waiters.
    /// </summary>
    internal sealed class HandoverThrottle
    {
        /// <summary>Handovers nested on one thread before the next one is queued to the thread pool.</summary>
        internal const int MaxNestedHandovers = 16;

        [ThreadStatic]
        private static int t_nested;

        private readonly object _gate = new object();
        private readonly LinkedList<TaskCompletionSource<bool>> _waiters = new LinkedList<TaskCompletionSource<bool>>();
        private int _free;

        /// <summary>Creates a throttle with <paramref name="slots"/> free slots.</summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="slots"/> is below 1.</exception>
        internal HandoverThrottle(int slots)
        {
            if (slots < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(slots), slots, "A throttle needs at least one slot.");
            }

            _free = slots;
        }

        /// <summary>Completes once a slot is held: at once when one is free, else in the order of the calls.</summary>
        /// <returns>A task that is cancelled when <paramref name="cancellationToken"/> is, before a slot was handed to it (no slot is held then).</returns>
        internal Task WaitAsync(CancellationToken cancellationToken)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                return Task.FromCanceled(cancellationToken);
            }
            LinkedListNode<TaskCompletionSource<bool>> node;
            lock (_gate)
            {
                if (_free > 0)
                {
                    _free--;
                    return Task.CompletedTask;
                }

                node = _waiters.AddLast(new TaskCompletionSource<bool>());
            }

            return cancellationToken.CanBeCanceled ? WaitCancellableAsync(node, cancellationToken) : node.Value.Task;
        }

        /// <summary>Gives a slot back: to the longest waiter if there is one, else to the free slots.</summary>
        internal void Release()
        {
            TaskCompletionSource<bool>? next;
            lock (_gate)
            {
                if (_waiters.First is null)
                {
                    _free++;
                    return;
                }

                next = _waiters.First.Value;
                _waiters.RemoveFirst();
            }

            if (t_nested >= MaxNestedHandovers)
            {
                ThreadPool.QueueUserWorkItem(state => HandOver((TaskCompletionSource<bool>)state!), next);
                return;
            }

            HandOver(next);
        }

        private static void HandOver(TaskCompletionSource<bool> waiter)
        {
            t_nested++;
            try
            {
                waiter.SetResult(true);
            }
            finally
            {
                t_nested--;
            }
        }

        private async Task WaitCancellableAsync(LinkedListNode<TaskCompletionSource<bool>> node, CancellationToken cancellationToken)
        {
            using (cancellationToken.Register(() => Cancel(node, cancellationToken)))
            {
                await node.Value.Task.ConfigureAwait(false);
            }
        }

        // A waiter still in the list is removed and cancelled; one already handed a slot keeps it (its task completed).
        private void Cancel(LinkedListNode<TaskCompletionSource<bool>> node, CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                if (node.List is null)
                {
                    return;
                }

                _waiters.Remove(node);
            }

            node.Value.TrySetCanceled(cancellationToken);
        }
    }
}
