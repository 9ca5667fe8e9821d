using System;
using System.Collections.Concurrent;

namespace TrackerPS.Core.Trackers
{
    /// <summary>
    /// The clients of one announce run: one per client kind (http/https share one), created on first use so a run
    /// without UDP trackers opens no UDP socket, and disposed with the run. Thread-safe; a client already created is
    /// found without a lock (every request of a run asks).
    /// </summary>
    internal sealed class TrackerClientCache : IDisposable
    {
        private readonly TrackerClientFactory _factory;
        private readonly TrackerClientOptions _options;
        private readonly ConcurrentDictionary<Func<TrackerClientOptions, ITrackerClient>, ITrackerClient> _clients =
            new ConcurrentDictionary<Func<TrackerClientOptions, ITrackerClient>, ITrackerClient>();

        public TrackerClientCache(TrackerClientFactory factory, TrackerClientOptions options)
        {
            _factory = factory;
            _options = options;
        }

        /// <summary>The client for a tracker's scheme.</summary>
        /// <exception cref="TrackerException">Kind <see cref="TrackerErrorKind.UnsupportedScheme"/>.</exception>
        public ITrackerClient Get(Uri tracker)
        {
            Func<TrackerClientOptions, ITrackerClient> create = _factory.Resolve(tracker);
            if (_clients.TryGetValue(create, out ITrackerClient? client))
            {
                return client;
            }

            // Created under the lock, so two first requests do not both open a client (and one leak its socket).
            lock (_clients)
            {
                if (!_clients.TryGetValue(create, out client))
                {
                    client = create(_options);
                    _clients[create] = client;
                }

                return client;
            }
        }

        public void Dispose()
        {
            lock (_clients)
            {
                foreach (ITrackerClient client in _clients.Values)
                {
                    (client as IDisposable)?.Dispose();
                }

                _clients.Clear();
            }
        }
    }
}
