using System.Net;

namespace TrackerPS.Core.Trackers
{
    /// <summary>
    /// The announce fields that are the same for every tracker and info-hash of one <see cref="TorrentAnnouncer"/> run.
    /// Null overrides are filled from the <see cref="TrackerSession"/>. Sizes are in bytes.
    /// </summary>
    public sealed class AnnounceTemplate
    {
        /// <summary>A 20-byte peer id to use instead of the session's, or null.</summary>
        public byte[]? PeerId { get; init; }

        /// <summary>TCP port we listen on (0–65535).</summary>
        public int Port { get; init; } = 6881;

        /// <summary>Bytes uploaded so far.</summary>
        public long Uploaded { get; init; }

        /// <summary>Bytes downloaded so far.</summary>
        public long Downloaded { get; init; }

        /// <summary>Bytes left to download.</summary>
        public long Left { get; init; }

        /// <summary>The event; <see cref="TrackerEvent.Stopped"/> always sends numwant 0 (we want no peers when leaving).</summary>
        public TrackerEvent Event { get; init; }

        /// <summary>Number of peers wanted, or -1 for the tracker's default.</summary>
        public int NumWant { get; init; } = -1;

        /// <summary>A key to use instead of the session's per-info-hash key (BEP 7/15), or null.</summary>
        public uint? Key { get; init; }

        /// <summary>A <c>tracker id</c> to send instead of the one each tracker last gave (BEP 3), or null.</summary>
        public string? TrackerId { get; init; }

        /// <summary>Ask HTTP trackers for compact peers (BEP 23); false asks for dictionaries.</summary>
        public bool Compact { get; init; } = true;

        /// <summary>
        /// Announce even when the tracker's <c>min interval</c> (BEP 3) or <c>retry in</c> (BEP 31) has not passed; false
        /// skips such announces. A <see cref="TrackerEvent.Stopped"/> announce is never skipped: leaving must always be possible.
        /// </summary>
        public bool Force { get; init; }

        /// <summary>Our address to report (<c>ip</c>), or null to let the tracker use the source address.</summary>
        public IPAddress? IPAddress { get; init; }
    }
}
