using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Net;

namespace TrackerPS.Core.Trackers.Udp
{
    /// <summary>
    /// Connection ids of UDP trackers, per tracker address (BEP 15 §connect), kept for
    /// <see cref="LifetimeSeconds"/> seconds after they were received so later announces and scrapes skip the connect
    /// round trip. Thread-safe, and lock-free to read (every announce reads it, on the receive thread at 64 in flight);
    /// one instance can be shared by many <see cref="UdpTrackerClient"/>s (a PowerShell session keeps one, so ids are
    /// reused across cmdlet calls).
    /// </summary>
    public sealed class UdpConnectionIdCache
    {
        /// <summary>How long a connection id is used: BEP 15 says a client can use it "until one minute after it has received it".</summary>
        public const int LifetimeSeconds = 60;

        private static readonly TimeSpan s_lifetime = TimeSpan.FromSeconds(LifetimeSeconds);
        private readonly ConcurrentDictionary<IPEndPoint, Entry> _entries = new ConcurrentDictionary<IPEndPoint, Entry>(SeededComparer.EndPoint);
        private readonly Func<DateTimeOffset> _clock;

        /// <summary>Creates an empty cache that uses the system clock.</summary>
        public UdpConnectionIdCache()
            : this(() => DateTimeOffset.UtcNow)
        {
        }

        /// <summary>Creates an empty cache with a test clock.</summary>
        internal UdpConnectionIdCache(Func<DateTimeOffset> clock)
        {
            _clock = clock;
        }

        /// <summary>Gets the tracker's connection id if one was received less than a minute ago.</summary>
        internal bool TryGet(IPEndPoint tracker, out ulong connectionId)
        {
            if (_entries.TryGetValue(tracker, out Entry? entry) && !IsExpired(entry, _clock()))
            {
                connectionId = entry.ConnectionId;
                return true;
            }

            connectionId = 0;
            return false;
        }

        /// <summary>Stores a connection id received now, and drops expired ones so the cache does not grow without bound.</summary>
        internal void Set(IPEndPoint tracker, ulong connectionId)
        {
            DateTimeOffset now = _clock();
            foreach (KeyValuePair<IPEndPoint, Entry> pair in _entries)
            {
                if (IsExpired(pair.Value, now))
                {
                    RemoveEntry(pair);
                }
            }

            _entries[tracker] = new Entry(connectionId, now);
        }

        /// <summary>Forgets the tracker's connection id, unless another request already replaced it.</summary>
        internal void Remove(IPEndPoint tracker, ulong connectionId)
        {
            if (_entries.TryGetValue(tracker, out Entry? entry) && entry.ConnectionId == connectionId)
            {
                RemoveEntry(new KeyValuePair<IPEndPoint, Entry>(tracker, entry));
            }
        }

        private static bool IsExpired(Entry entry, DateTimeOffset now) => now - entry.ReceivedAt >= s_lifetime;

        // Removes the entry only if it is still this one (entries are compared by reference): one stored meanwhile stays.
        private void RemoveEntry(KeyValuePair<IPEndPoint, Entry> pair) => ((ICollection<KeyValuePair<IPEndPoint, Entry>>)_entries).Remove(pair);

        private sealed class Entry
        {
            internal Entry(ulong connectionId, DateTimeOffset receivedAt)
            {
                ConnectionId = connectionId;
                ReceivedAt = receivedAt;
            }

            internal ulong ConnectionId { get; }

            internal DateTimeOffset ReceivedAt { get; }
        }
    }
}
