namespace TrackerPS.Core.Trackers.Udp
{
    /// <summary>The BEP 15 <c>action</c> field: the second 32-bit word of a request, the first of a response.</summary>
    internal enum UdpAction : uint
    {
        /// <summary>BEP 15 §connect.</summary>
        Connect = 0,

        /// <summary>BEP 15 §announce.</summary>
        Announce = 1,

        /// <summary>BEP 15 §scrape.</summary>
        Scrape = 2,

        /// <summary>BEP 15 §errors: a response only.</summary>
        Error = 3,
    }
}
