using System;
using System.Net;
using TrackerPS.Core.Metainfo;

namespace TrackerPS.Core.Trackers
{
    /// <summary>One announce to one tracker (BEP 3 §trackers, BEP 15 §announce). All sizes in bytes.</summary>
    public sealed class AnnounceRequest
    {
        /// <summary>The tracker's announce URI (http, https or udp).</summary>
        public Uri Tracker { get; init; } = null!;

        /// <summary>The 20-byte info-hash to announce (a v2 hash truncated to 20 bytes).</summary>
        public InfoHash InfoHash { get; init; } = null!;

        /// <summary>Our 20-byte peer id.</summary>
        public byte[] PeerId { get; init; } = new byte[20];

        /// <summary>TCP port we listen on.</summary>
        public int Port { get; init; } = 6881;

        /// <summary>Bytes uploaded so far.</summary>
        public long Uploaded { get; init; }

        /// <summary>Bytes downloaded so far.</summary>
        public long Downloaded { get; init; }

        /// <summary>Bytes left to download.</summary>
        public long Left { get; init; }

        /// <summary>The event.</summary>
        public TrackerEvent Event { get; init; }

        /// <summary>Number of peers wanted, or -1 for the tracker's default.</summary>
        public int NumWant { get; init; } = -1;

        /// <summary>The key (BEP 7/15): a random number, the same for every address family, identifying us across IP changes.</summary>
        public uint Key { get; init; }

        /// <summary>The <c>tracker id</c> a previous response from this tracker gave, or null (HTTP only).</summary>
        public string? TrackerId { get; init; }

        /// <summary>Our address to report (<c>ip</c>), or null to let the tracker use the source address.</summary>
        public IPAddress? IPAddress { get; init; }

        /// <summary>Ask for compact peers (BEP 23, HTTP <c>compact=1</c>); UDP is always compact.</summary>
        public bool Compact { get; init; } = true;
    }
}
