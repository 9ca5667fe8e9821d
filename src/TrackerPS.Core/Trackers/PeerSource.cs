namespace TrackerPS
{
    /// <summary>Which part of a tracker response a peer came from.</summary>
    public enum PeerSource
    {
        /// <summary>Compact IPv4 <c>peers</c> string (BEP 23), or a BEP 15 announce reply.</summary>
        Compact,

        /// <summary>Compact IPv6 <c>peers6</c> string (BEP 7), or a BEP 15 announce reply over IPv6.</summary>
        Peers6,

        /// <summary>A list of dictionaries with <c>ip</c>, <c>port</c> and <c>peer id</c> (BEP 3).</summary>
        Dictionary,
    }
}
