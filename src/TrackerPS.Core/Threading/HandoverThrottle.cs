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
        private readonly LinkedList<Waiter> _waiters = new LinkedList<Waiter>();
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

            lock (_gate)
            {
                if (_free > 0)
                {
                    _free--;
                    return Task.CompletedTask;
                }

                // Registered under the lock, so no Release hands the waiter a slot before it holds its registration; a token
                // cancelled meanwhile runs Cancel at once on this thread, which re-enters the lock and removes the waiter.
                var waiter = new Waiter(this, cancellationToken);
                waiter.Node = _waiters.AddLast(waiter);
                waiter.ListenForCancellation();
                return waiter.Task;
            }
        }

        /// <summary>Gives a slot back: to the longest waiter if there is one, else to the free slots.</summary>
        internal void Release()
        {
            Waiter? next;
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
                ThreadPool.QueueUserWorkItem(state => HandOver((Waiter)state!), next);
                return;
            }

            HandOver(next);
        }

        private static void HandOver(Waiter waiter)
        {
            t_nested++;
            try
            {
                waiter.HandOver();
            }
            finally
            {
                t_nested--;
            }
        }

        // A waiter still in the list is removed and cancelled; one already handed a slot keeps it (its task completed).
        private void Cancel(Waiter waiter)
        {
            lock (_gate)
            {
                if (waiter.Node!.List is null)
                {
                    return;
                }

                _waiters.Remove(waiter.Node);
            }

            waiter.TrySetCanceled(waiter.Token);
        }

        // One waiting call: its task (continuations run where the slot is handed over), its place in the queue and its
        // cancellation registration, in one object and with no closure, since every request of a run may wait.
        private sealed class Waiter : TaskCompletionSource<bool>
        {
            private readonly HandoverThrottle _throttle;
            private CancellationTokenRegistration _registration;

            internal Waiter(HandoverThrottle throttle, CancellationToken token)
            {
                _throttle = throttle;
                Token = token;
            }

            internal CancellationToken Token { get; }

            internal LinkedListNode<Waiter>? Node { get; set; }

            internal void ListenForCancellation()
            {
                if (Token.CanBeCanceled)
                {
                    _registration = Token.Register(state => ((Waiter)state!).CancelWait(), this);
                }
            }

            // The registration is dropped first, so the waiter's continuation runs with it gone, as it did when it was
            // disposed before the wait returned.
            internal void HandOver()
            {
                _registration.Dispose();
                SetResult(true);
            }

            private void CancelWait() => _throttle.Cancel(this);
        }
    }
}
