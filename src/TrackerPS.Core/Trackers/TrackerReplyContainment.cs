using System;
using System.Threading;
using System.Threading.Tasks;
using TrackerPS.Core.Network;

namespace TrackerPS.Core.Trackers
{
    /// <summary>
    /// The <see cref="Containment"/> rule for one tracker request: whatever reading a tracker's reply throws that the
    /// clients did not foresee (a bug a hostile reply found) becomes that tracker's <see cref="TrackerException"/> of kind
    /// <see cref="TrackerErrorKind.ProtocolViolation"/>, with the original as its inner exception. Applied by both clients
    /// to every request (<see cref="Http.HttpTrackerClient"/>, and <c>UdpOperation</c> for <see cref="Udp.UdpTrackerClient"/>)
    /// so that a caller of the public clients gets the documented error, and by <see cref="ThrottledTrackerRequest"/> for
    /// any <see cref="ITrackerClient"/> of a run.
    /// </summary>
    internal static class TrackerReplyContainment
    {
        /// <summary>
        /// True when a client contains <paramref name="exception"/>: not its own <see cref="TrackerException"/>, not the
        /// <see cref="ObjectDisposedException"/> of a disposed client (documented), not fatal and not the caller's cancellation.
        /// </summary>
        public static bool Contains(Exception exception, CancellationToken callerToken) =>
            !(exception is TrackerException || exception is ObjectDisposedException) && Containment.Contains(exception, callerToken);

        /// <summary>Runs one request of a client, its failures contained (see <see cref="Contains"/>).</summary>
        /// <param name="tracker">The tracker, named by the error.</param>
        /// <param name="request">The request: send, receive and read the reply.</param>
        /// <param name="cancellationToken">The caller's token: its cancellation passes through.</param>
        /// <returns>What <paramref name="request"/> returned.</returns>
        /// <exception cref="TrackerException">What the request threw, or a ProtocolViolation holding an unexpected exception.</exception>
        public static async Task<T> RunAsync<T>(Uri tracker, Func<Task<T>> request, CancellationToken cancellationToken)
        {
            try
            {
                return await request().ConfigureAwait(false);
            }
            catch (Exception e) when (Contains(e, cancellationToken))
            {
                throw Violation(tracker, e);
            }
        }

        /// <summary>The ProtocolViolation for an unexpected exception <paramref name="inner"/> while reading <paramref name="tracker"/>'s reply.</summary>
        public static TrackerException Violation(Uri tracker, Exception inner) => new TrackerException(
            tracker,
            TrackerErrorKind.ProtocolViolation,
            $"Tracker '{TrackerUriRedactor.Redact(tracker)}' sent a reply that could not be read ({inner.GetType().Name}: {inner.Message}).",
            inner);
    }
}
