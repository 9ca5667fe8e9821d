using System;

namespace TrackerPS.Core.Trackers
{
    /// <summary>The result of one announce of one info-hash to one tracker: a response, the reason it failed, or why it was skipped.</summary>
    public sealed class AnnounceOutcome
    {
        internal AnnounceOutcome(
            AnnounceRequest request, int tierIndex, int trackerIndex, AnnounceResponse? response, TrackerException? error, DateTimeOffset? notBefore = null)
        {
            Request = request;
            TierIndex = tierIndex;
            TrackerIndex = trackerIndex;
            Response = response;
            Error = error;
            NotBefore = notBefore;
        }

        /// <summary>The request sent, or that would have been sent when skipped (tracker, 20-byte info-hash, key, tracker id...).</summary>
        public AnnounceRequest Request { get; }

        /// <summary>The tracker announced to.</summary>
        public Uri Tracker => Request.Tracker;

        /// <summary>Zero-based BEP 12 tier of the tracker.</summary>
        public int TierIndex { get; }

        /// <summary>Zero-based position of the tracker within its tier, as given.</summary>
        public int TrackerIndex { get; }

        /// <summary>Whether the tracker answered, failed, or was skipped.</summary>
        public AnnounceOutcomeKind Kind =>
            Response is not null ? AnnounceOutcomeKind.Answered : Error is not null ? AnnounceOutcomeKind.Failed : AnnounceOutcomeKind.Skipped;

        /// <summary>The tracker's response, or null when it failed or was skipped.</summary>
        public AnnounceResponse? Response { get; }

        /// <summary>Why the announce failed, or null when it succeeded or was skipped.</summary>
        public TrackerException? Error { get; }

        /// <summary>
        /// For a skipped announce, the earliest time it may be sent (<see cref="DateTimeOffset.MaxValue"/> after a BEP 31
        /// <c>retry in: never</c>); otherwise null.
        /// </summary>
        public DateTimeOffset? NotBefore { get; }
    }
}
