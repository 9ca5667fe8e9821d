using System;

namespace TrackerPS
{
    /// <summary>
    /// A tracker's answer to one announce (BEP 3, 15, 23, 24, 31): what <c>Invoke-TrackerAnnounce -AsResponse</c> emits.
    /// A <c>failure reason</c> is never a response: it is raised as a <see cref="TrackerPS.Core.Trackers.TrackerException"/>.
    /// </summary>
    public sealed class AnnounceResponse
    {
        /// <summary>The tracker announced to.</summary>
        public Uri Tracker { get; init; } = null!;

        /// <summary>The 20-byte info-hash announced, as 40 hex characters.</summary>
        public string InfoHash { get; init; } = string.Empty;

        /// <summary><c>interval</c>: how long to wait before the next regular announce.</summary>
        public TimeSpan Interval { get; init; }

        /// <summary><c>min interval</c>: the minimum wait before announcing again, or null when not sent (HTTP only).</summary>
        public TimeSpan? MinInterval { get; init; }

        /// <summary><c>tracker id</c> to echo on the next announce to this tracker, or null (HTTP only).</summary>
        public string? TrackerId { get; init; }

        /// <summary><c>complete</c> (BEP 3) / seeders (BEP 15), or null when not sent.</summary>
        public long? Seeders { get; init; }

        /// <summary><c>incomplete</c> (BEP 3) / leechers (BEP 15), or null when not sent.</summary>
        public long? Leechers { get; init; }

        /// <summary><c>downloaded</c>: completed downloads the tracker has seen, or null when not sent.</summary>
        public long? Downloaded { get; init; }

        /// <summary><c>external ip</c> (BEP 24): the address the tracker saw the request come from, as text (an IPv4 or IPv6 literal), or null.</summary>
        public string? ExternalIPAddress { get; init; }

        /// <summary><c>warning message</c>, or null.</summary>
        public string? WarningMessage { get; init; }

        /// <summary><c>retry in</c> (BEP 31) in minutes as a TimeSpan; <see cref="TimeSpan.MaxValue"/> for <c>never</c>; null when not sent.</summary>
        public TimeSpan? RetryIn { get; init; }

        /// <summary>The peers, in the order the tracker sent them.</summary>
        public Peer[] Peers { get; init; } = Array.Empty<Peer>();

        /// <summary>Wall time from sending the request to decoding the reply (redirects and retransmissions included).</summary>
        public TimeSpan Elapsed { get; init; }

        /// <summary>
        /// Non-fatal findings about the reply (e.g. a compact string whose length is not a multiple of 6, trailing bytes). At most 100 (WarningList.MaxWarnings), then one line saying how many more were dropped.
        /// </summary>
        public string[] Warnings { get; init; } = Array.Empty<string>();
    }
}
