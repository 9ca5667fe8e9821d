namespace TrackerPS.Core.Trackers.Udp
{
    /// <summary>One info-hash's counts in a BEP 15 scrape response.</summary>
    internal readonly struct UdpScrapeEntry
    {
        internal UdpScrapeEntry(uint seeders, uint completed, uint leechers)
        {
            Seeders = seeders;
            Completed = completed;
            Leechers = leechers;
        }

        internal uint Seeders { get; }

        internal uint Completed { get; }

        internal uint Leechers { get; }
    }
}
