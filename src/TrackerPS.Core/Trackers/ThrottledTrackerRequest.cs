using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using TrackerPS.Core.Network;
using TrackerPS.Core.Threading;

namespace TrackerPS.Core.Trackers
{
    /// <summary>
    /// One tracker request of an orchestrated run (<see cref="TorrentAnnouncer"/>, <see cref="TrackerScraper"/>): waits
    /// for a throttle slot, then sends under a timeout that starts only once the slot is held, so waiting for the
    /// throttle never counts against a tracker.
    /// </summary>
    internal static class ThrottledTrackerRequest
    {
        /// <summary>Sends <paramref name="send"/> once a slot of <paramref name="throttle"/> is free.</summary>
        /// <param name="tracker">The tracker, named by the timeout error.</param>
        /// <param name="throttle">The run's throttle.</param>
        /// <param name="timeout">Bound on the request once it holds a slot.</param>
        /// <param name="onSending">Called once the slot is held, just before sending; may be null.</param>
        /// <param name="send">The request, given a token cancelled by the timeout or by <paramref name="cancellationToken"/>.</param>
        /// <param name="cancellationToken">Cancels the wait and the request.</param>
        /// <returns>The request's result.</returns>
        /// <exception cref="TrackerException">
        /// The request failed; kind <see cref="TrackerErrorKind.Timeout"/>: it outlived <paramref name="timeout"/>; kind
        /// <see cref="TrackerErrorKind.ProtocolViolation"/>: the client threw anything else (kept as the inner exception).
        /// </exception>
        /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
        public static async Task<T> SendAsync<T>(
            Uri tracker, HandoverThrottle throttle, TimeSpan timeout, Action? onSending, Func<CancellationToken, Task<T>> send, CancellationToken cancellationToken)
        {
            await throttle.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                onSending?.Invoke();

                // The clients time out on their own; this bound also holds for a client that does not.
                using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeoutSource.CancelAfter(timeout);
                try
                {
                    return await send(timeoutSource.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException cancelled) when (!cancellationToken.IsCancellationRequested)
                {
                    throw new TrackerException(
                        tracker,
                        TrackerErrorKind.Timeout,
                        string.Format(CultureInfo.InvariantCulture, "Tracker '{0}' did not answer within {1} s.", TrackerUriRedactor.Redact(tracker), timeout.TotalSeconds),
                        cancelled);
                }
                catch (Exception e) when (!(e is TrackerException) && Containment.Contains(e, cancellationToken))
                {
                    // Every request of a run passes here: whatever one tracker's reply made the client throw is that
                    // tracker's error, never the run's (see Containment).
                    throw TrackerReplyContainment.Violation(tracker, e);
                }
            }
            finally
            {
                throttle.Release();
            }
        }
    }
}
