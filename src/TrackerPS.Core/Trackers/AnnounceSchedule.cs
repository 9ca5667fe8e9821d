using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using TrackerPS.Core.Metainfo;

namespace TrackerPS.Core.Trackers
{
    /// <summary>
    /// Interval etiquette per (tracker, info-hash, peer id): when we last announced and when we may announce again. The
    /// peer id is part of the key because a tracker counts intervals per client, and <c>-PeerId</c> speaks as another one. A tracker's
    /// <c>min interval</c> (BEP 3, HTTP only) holds after an answer; <c>retry in</c> (BEP 31) after a failure that sends
    /// it. Thread-safe: every update replaces one immutable entry atomically.
    /// </summary>
    internal sealed class AnnounceSchedule
    {
        private readonly Func<DateTimeOffset> _clock;
        private readonly ConcurrentDictionary<(Uri Tracker, InfoHash InfoHash, string PeerId), Entry> _entries =
            new ConcurrentDictionary<(Uri Tracker, InfoHash InfoHash, string PeerId), Entry>(
                SeededComparer.Triple(SeededComparer.Uri, EqualityComparer<InfoHash>.Default, SeededComparer.Ordinal));

        public AnnounceSchedule(Func<DateTimeOffset> clock)
        {
            _clock = clock;
        }

        /// <summary>The session clock.</summary>
        public DateTimeOffset Now => _clock();

        /// <summary>When an announce may be sent again, if that is still in the future; null when it may be sent now.</summary>
        public DateTimeOffset? NotBefore(Uri tracker, InfoHash infoHash, byte[] peerId) =>
            _entries.TryGetValue(Key(tracker, infoHash, peerId), out Entry? entry) && entry.NotBefore > Now ? entry.NotBefore : null;

        /// <summary>When we last announced to the tracker and it answered or sent <c>retry in</c>; null when never (or after <c>stopped</c>).</summary>
        public DateTimeOffset? LastAnnounce(Uri tracker, InfoHash infoHash, byte[] peerId) =>
            _entries.TryGetValue(Key(tracker, infoHash, peerId), out Entry? entry) ? entry.LastAnnounce : null;

        /// <summary>Records an answer: the <c>min interval</c> runs from now. After <c>stopped</c> we have left the swarm, so nothing is kept.</summary>
        public void Answered(AnnounceRequest request, AnnounceResponse response)
        {
            if (request.Event == TrackerEvent.Stopped)
            {
                _entries.TryRemove(Key(request), out _);
                return;
            }

            Record(request, response.MinInterval ?? TimeSpan.Zero);
        }

        /// <summary>
        /// Records a failure. Only a BEP 31 <c>retry in</c> changes the schedule; a failure without it (timeout, refused
        /// connection) may never have reached the tracker, so the last answer's interval still stands.
        /// </summary>
        public void Failed(AnnounceRequest request, TrackerException error)
        {
            if (error.RetryIn is TimeSpan retryIn)
            {
                Record(request, retryIn);
            }
        }

        private void Record(AnnounceRequest request, TimeSpan wait)
        {
            DateTimeOffset now = Now;

            // retry in: never is TimeSpan.MaxValue, which no DateTimeOffset can add.
            DateTimeOffset notBefore = wait >= DateTimeOffset.MaxValue - now ? DateTimeOffset.MaxValue : now + wait;
            _entries[Key(request)] = new Entry(now, notBefore);
        }

        private static (Uri, InfoHash, string) Key(AnnounceRequest request) => Key(request.Tracker, request.InfoHash, request.PeerId);

        // The peer id in base64: one 28-character string per lookup, as distinct as the bytes.
        private static (Uri, InfoHash, string) Key(Uri tracker, InfoHash infoHash, byte[] peerId) =>
            (tracker, infoHash, Convert.ToBase64String(peerId));

        private sealed class Entry
        {
            public Entry(DateTimeOffset lastAnnounce, DateTimeOffset notBefore)
            {
                LastAnnounce = lastAnnounce;
                NotBefore = notBefore;
            }

            public DateTimeOffset LastAnnounce { get; }

            public DateTimeOffset NotBefore { get; }
        }
    }
}
