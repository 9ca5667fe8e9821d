using System;
using System.Linq;
using TrackerPS.Core.Metainfo;
using TrackerPS.Core.Trackers;

namespace TrackerPS.Core.Tests.Trackers.Udp
{
    /// <summary>The announce the UDP client tests send, and the client options they send it with.</summary>
    internal static class UdpTestRequests
    {
        /// <summary>Long enough that no retransmission (the first is at Timeout/7) fires under load, so exact packet counts hold.</summary>
        internal static readonly TrackerClientOptions Options = new TrackerClientOptions { Timeout = TimeSpan.FromSeconds(30) };

        internal static readonly InfoHash InfoHash = InfoHash.Parse("0102030405060708090a0b0c0d0e0f1011121314");

        internal static AnnounceRequest Announce(Uri tracker) => new AnnounceRequest
        {
            Tracker = tracker,
            InfoHash = InfoHash,
            PeerId = Enumerable.Repeat((byte)'p', 20).ToArray(),
            Port = 6881,
            Left = 100,
        };
    }
}
