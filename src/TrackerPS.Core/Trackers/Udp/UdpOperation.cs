using System;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using TrackerPS.Core.Network;
using TrackerPS.Core.Threading;

namespace TrackerPS.Core.Trackers.Udp
{
    /// <summary>
    /// One announce or scrape against one tracker: its overall timeout (<see cref="TrackerClientOptions.Timeout"/>,
    /// every connect, retransmission and retry included), its cancellation, and the translation of failures into
    /// <see cref="TrackerException"/>s that name the tracker.
    /// </summary>
    internal sealed class UdpOperation
    {
        private readonly long _started = MonotonicTime.Now;
        private readonly TimeSpan _timeout;

        private UdpOperation(Uri tracker, TimeSpan timeout, CancellationToken token)
        {
            Tracker = tracker;
            _timeout = timeout;
            Token = token;
        }

        internal Uri Tracker { get; }

        /// <summary>Cancelled by the caller or when the timeout elapses.</summary>
        internal CancellationToken Token { get; }

        internal TimeSpan Elapsed => MonotonicTime.Since(_started);

        /// <summary>Time left before the timeout, never negative.</summary>
        internal TimeSpan Remaining
        {
            get
            {
                TimeSpan elapsed = Elapsed;
                return _timeout > elapsed ? _timeout - elapsed : TimeSpan.Zero;
            }
        }

        /// <summary>Runs <paramref name="body"/> under the timeout and maps its failures.</summary>
        /// <exception cref="TrackerException">
        /// Timeout, protocol violation (an invalid packet, or any unexpected exception, kept as the inner exception: see
        /// <see cref="TrackerReplyContainment"/>), socket failure, or what the body threw.
        /// </exception>
        /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
        internal static async Task<T> RunAsync<T>(
            Uri tracker, TimeSpan timeout, Func<UdpOperation, Task<T>> body, CancellationToken cancellationToken)
        {
            using (var source = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                source.CancelAfter(timeout);
                try
                {
                    return await body(new UdpOperation(tracker, timeout, source.Token)).ConfigureAwait(false);
                }
                catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested && source.IsCancellationRequested)
                {
                    throw TimedOut(tracker, timeout, e);
                }
                catch (TimeoutException e)
                {
                    throw TimedOut(tracker, timeout, e);
                }
                catch (UdpPacketException e)
                {
                    throw new TrackerException(
                        tracker, TrackerErrorKind.ProtocolViolation, $"UDP tracker {TrackerUriRedactor.Redact(tracker)} sent an invalid reply: {e.Message}", e);
                }
                catch (SocketException e)
                {
                    throw new TrackerException(
                        tracker, TrackerErrorKind.ConnectionFailed, $"UDP tracker {TrackerUriRedactor.Redact(tracker)}: socket error {e.SocketErrorCode}: {e.Message}", e);
                }
                catch (Exception e) when (TrackerReplyContainment.Contains(e, cancellationToken))
                {
                    // Every UDP request runs here: what a hostile reply made a decoder throw unforeseen is this tracker's error.
                    throw TrackerReplyContainment.Violation(tracker, e);
                }
            }
        }

        private static TrackerException TimedOut(Uri tracker, TimeSpan timeout, Exception inner) => new TrackerException(
            tracker, TrackerErrorKind.Timeout, $"UDP tracker {TrackerUriRedactor.Redact(tracker)} did not answer within {timeout.TotalSeconds:0.###} s.", inner);
    }
}
