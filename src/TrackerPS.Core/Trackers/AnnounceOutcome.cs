using System;

namespace TrackerPS.Core.Trackers
{
    /// <summary>The result of one announce of one info-hash to one tracker: a response, or the reason it failed.</summary>
    public sealed class AnnounceOutcome
    {
        internal AnnounceOutcome(AnnounceRequest request, int tierIndex, int trackerIndex, AnnounceResponse? response, TrackerException? error)
        {
            Request = request;
            TierIndex = tierIndex;
            TrackerIndex = trackerIndex;
            Response = response;
            Error = error;
        }

        /// <summary>The request sent (tracker, 20-byte info-hash, key, tracker id...).</summary>
        public AnnounceRequest Request { get; }

        /// <summary>The tracker announced to.</summary>
        public Uri Tracker => Request.Tracker;

        /// <summary>Zero-based BEP 12 tier of the tracker.</summary>
        public int TierIndex { get; }

        /// <summary>Zero-based position of the tracker within its tier, as given.</summary>
        public int TrackerIndex { get; }

        /// <summary>The tracker's response, or null when it failed.</summary>
        public AnnounceResponse? Response { get; }

        /// <summary>Why the announce failed, or null when it succeeded.</summary>
        public TrackerException? Error { get; }
    }
}
