using System;
using TrackerPS.Core.Network;

namespace TrackerPS.Core.Trackers
{
    /// <summary>A failed tracker request. The message names the tracker and the cause.</summary>
    public sealed class TrackerException : Exception
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="tracker">The tracker URI.</param>
        /// <param name="kind">Why it failed.</param>
        /// <param name="message">The cause, naming the tracker.</param>
        /// <param name="innerException">The underlying exception, or null.</param>
        public TrackerException(Uri tracker, TrackerErrorKind kind, string message, Exception? innerException = null)
            : base(message, innerException)
        {
            Tracker = tracker;
            Kind = kind;
        }

        /// <summary>The tracker URI.</summary>
        public Uri Tracker { get; }

        /// <summary>Why it failed.</summary>
        public TrackerErrorKind Kind { get; }

        /// <summary>The tracker's own failure text (<c>failure reason</c> or BEP 15 error message), when it sent one.</summary>
        public string? FailureReason { get; init; }

        /// <summary>The HTTP status code, for HTTP trackers.</summary>
        public int? HttpStatusCode { get; init; }

        /// <summary>
        /// <c>retry in</c> (BEP 31) sent with a <c>failure reason</c>: minutes as a TimeSpan, <see cref="TimeSpan.MaxValue"/>
        /// for <c>never</c>; null when not sent.
        /// </summary>
        public TimeSpan? RetryIn { get; init; }

        /// <summary>The rule that refused the request, for <see cref="TrackerErrorKind.RefusedByPolicy"/>; null otherwise.</summary>
        public NetworkPolicyRule? PolicyRule { get; init; }

        /// <summary>The same failure with another message (the same inner exception, not this one, so its text is not repeated).</summary>
        /// <param name="message">The new message.</param>
        /// <returns>A copy with <paramref name="message"/>.</returns>
        internal TrackerException WithMessage(string message) => new TrackerException(Tracker, Kind, message, InnerException)
        {
            FailureReason = FailureReason,
            HttpStatusCode = HttpStatusCode,
            RetryIn = RetryIn,
            PolicyRule = PolicyRule,
        };
    }
}
