namespace TrackerPS.Core.Trackers
{
    /// <summary>What became of one planned announce.</summary>
    public enum AnnounceOutcomeKind
    {
        /// <summary>The tracker answered: <see cref="AnnounceOutcome.Response"/> is set.</summary>
        Answered,

        /// <summary>The request failed: <see cref="AnnounceOutcome.Error"/> is set.</summary>
        Failed,

        /// <summary>
        /// Not sent, because the tracker's <c>min interval</c> (BEP 3) or <c>retry in</c> (BEP 31) has not passed since the
        /// last announce: <see cref="AnnounceOutcome.NotBefore"/> says when it may be sent.
        /// </summary>
        Skipped,
    }
}
