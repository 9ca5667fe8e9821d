namespace TrackerPS
{
    /// <summary>How <c>Invoke-TrackerAnnounce</c> walks the BEP 12 tiers (<c>announce-list</c>).</summary>
    public enum TierMode
    {
        /// <summary>Every tracker of every tier at once: shows what each tracker says.</summary>
        All,

        /// <summary>
        /// As a downloading client does (BEP 12): tiers in order, trackers of a tier one at a time in the session's order
        /// (shuffled the first time), stopping at the first tracker that answers, which then moves to the front of its tier.
        /// </summary>
        FirstSuccess,
    }
}
