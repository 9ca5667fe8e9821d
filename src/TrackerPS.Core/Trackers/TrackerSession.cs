using System;
using System.Collections.Concurrent;
using System.Text;
using TrackerPS.Core.Metainfo;
using TrackerPS.Core.Trackers.Udp;

namespace TrackerPS.Core.Trackers
{
    /// <summary>
    /// What a BitTorrent client keeps between announces: its peer id, a key per torrent, the <c>tracker id</c> each
    /// tracker handed out, when each (tracker, info-hash) may be announced again, and the order of each BEP 12 tier. <see cref="Default"/> lives as long as the process (for PowerShell: the session), so repeated
    /// announces look like one client to the tracker. Thread-safe.
    /// </summary>
    public sealed class TrackerSession
    {
        /// <summary>Length in bytes of a peer id (BEP 3).</summary>
        public const int PeerIdLength = 20;

        /// <summary>The Azureus-style client code at the start of our peer id: <c>-TP</c> (BEP 20).</summary>
        public const string ClientCode = "TP";

        private readonly byte[] _peerId;
        private readonly ConcurrentDictionary<InfoHash, uint> _keys = new ConcurrentDictionary<InfoHash, uint>();
        private readonly ConcurrentDictionary<Uri, string> _trackerIds = new ConcurrentDictionary<Uri, string>(SeededComparer.Uri);

        /// <summary>Creates a session with a fresh random peer id and no keys or tracker ids, on the system clock.</summary>
        public TrackerSession()
            : this(() => DateTimeOffset.UtcNow)
        {
        }

        /// <summary>Creates a session with a fresh random peer id and no keys or tracker ids.</summary>
        /// <param name="clock">The time now; intervals (BEP 3 <c>min interval</c>, BEP 31 <c>retry in</c>) are measured on it.</param>
        public TrackerSession(Func<DateTimeOffset> clock)
        {
            if (clock is null)
            {
                throw new ArgumentNullException(nameof(clock));
            }

            _peerId = CreatePeerId(typeof(TrackerSession).Assembly.GetName().Version!);
            Schedule = new AnnounceSchedule(clock);
        }

        /// <summary>UDP connection ids per tracker endpoint, shared by every UDP client of the session (BEP 15 §connect: valid for one minute).</summary>
        public UdpConnectionIdCache UdpConnectionIds { get; } = new UdpConnectionIdCache();

        /// <summary>When each (tracker, info-hash) was last announced and may be announced again.</summary>
        internal AnnounceSchedule Schedule { get; }

        /// <summary>The order of the trackers within each BEP 12 tier.</summary>
        internal TierOrder TierOrder { get; } = new TierOrder();

        /// <summary>The session of this process (one per PowerShell session).</summary>
        public static TrackerSession Default { get; } = new TrackerSession();

        /// <summary>
        /// Our 20-byte peer id (a copy): <c>-TP</c>, four version characters of TrackerPS.Core (e.g. <c>0100</c>), <c>-</c>,
        /// then 12 cryptographically random bytes (BEP 20 Azureus style).
        /// </summary>
        public byte[] PeerId => (byte[])_peerId.Clone();

        /// <summary>
        /// The key for a torrent: random, drawn once per info-hash and then stable for the session. The same key is sent
        /// over every address family and to every tracker, so a tracker can tell it is us after an IP change (BEP 7, BEP 15).
        /// </summary>
        /// <param name="infoHash">The info-hash announced (the 20-byte form).</param>
        /// <returns>The key.</returns>
        public uint GetKey(InfoHash infoHash) => _keys.GetOrAdd(infoHash, _ => CryptoRandom.GetUInt32());

        /// <summary>The <c>tracker id</c> this tracker last sent (BEP 3), to echo on the next announce; null when none.</summary>
        /// <param name="tracker">The tracker's announce URI.</param>
        /// <returns>The tracker id, or null.</returns>
        public string? GetTrackerId(Uri tracker) => _trackerIds.TryGetValue(tracker, out string? trackerId) ? trackerId : null;

        /// <summary>Remembers the <c>tracker id</c> a tracker sent (BEP 3: send it back on the next announcements).</summary>
        /// <param name="tracker">The tracker's announce URI.</param>
        /// <param name="trackerId">The tracker id from its response.</param>
        public void SetTrackerId(Uri tracker, string trackerId) => _trackerIds[tracker] = trackerId;

        /// <summary>
        /// When this info-hash may next be announced to this tracker under the session's peer id, if that is still in the
        /// future: the last answer's
        /// <c>min interval</c> (BEP 3) or a failure's <c>retry in</c> (BEP 31) has not passed. Null when it may be announced now.
        /// </summary>
        /// <param name="tracker">The tracker's announce URI.</param>
        /// <param name="infoHash">The info-hash announced (the 20-byte form).</param>
        /// <returns>The earliest time, <see cref="DateTimeOffset.MaxValue"/> after <c>retry in: never</c>, or null.</returns>
        public DateTimeOffset? GetNextAnnounceTime(Uri tracker, InfoHash infoHash) => Schedule.NotBefore(tracker, infoHash, _peerId);

        private static byte[] CreatePeerId(Version version)
        {
            string prefix = "-" + ClientCode + VersionCharacter(version.Major) + VersionCharacter(version.Minor)
                + VersionCharacter(version.Build) + VersionCharacter(version.Revision) + "-";
            byte[] random = CryptoRandom.GetBytes(PeerIdLength - prefix.Length);
            var peerId = new byte[PeerIdLength];
            Encoding.ASCII.GetBytes(prefix, 0, prefix.Length, peerId, 0);
            Buffer.BlockCopy(random, 0, peerId, prefix.Length, random.Length);
            return peerId;
        }

        // Azureus style has one character per version part: 0-9, then A-Z for 10-35 (as libtorrent does).
        private static char VersionCharacter(int part) => part switch
        {
            < 0 => '0',
            < 10 => (char)('0' + part),
            < 36 => (char)('A' + part - 10),
            _ => 'Z',
        };
    }
}
