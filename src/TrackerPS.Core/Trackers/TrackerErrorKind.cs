namespace TrackerPS.Core.Trackers
{
    /// <summary>Why a tracker request failed; each maps to one cmdlet ErrorId and error category.</summary>
    public enum TrackerErrorKind
    {
        /// <summary>The tracker answered with a <c>failure reason</c> (BEP 3) or an error packet (BEP 15 action 3). ErrorId TrackerFailureReason.</summary>
        FailureReason,

        /// <summary>No complete answer within the timeout. ErrorId TrackerTimeout.</summary>
        Timeout,

        /// <summary>Name resolution, connection or socket failure. ErrorId TrackerConnectionFailed.</summary>
        ConnectionFailed,

        /// <summary>The answer is not a valid tracker response (not bencode, wrong size, too large, a redirect without Location). ErrorId TrackerProtocolViolation.</summary>
        ProtocolViolation,

        /// <summary>The URI scheme is not http, https or udp. ErrorId UnsupportedTrackerScheme.</summary>
        UnsupportedScheme,

        /// <summary>No scrape URI can be derived from the announce URI (BEP 48). ErrorId ScrapeNotSupported.</summary>
        ScrapeNotSupported,

        /// <summary>
        /// The SSRF rules of <see cref="Network.NetworkPolicy"/> refused the request before it was sent (see
        /// <see cref="TrackerException.PolicyRule"/>). ErrorId TrackerRefusedByPolicy.
        /// </summary>
        RefusedByPolicy,
    }
}
