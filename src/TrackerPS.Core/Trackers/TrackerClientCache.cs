using System;
using System.Collections.Generic;

namespace TrackerPS.Core.Trackers
{
    /// <summary>
    /// The clients of one announce run: one per client kind (http/https share one), created on first use so a run
    /// without UDP trackers opens no UDP socket, and disposed with the run. Thread-safe.
    /// </summary>
    internal sealed class TrackerClientCache : IDisposable
    {
        private readonly TrackerClientFactory _factory;
        private readonly TrackerClientOptions _options;
        private readonly Dictionary<Func<TrackerClientOptions, ITrackerClient>, ITrackerClient> _clients =
            new Dictionary<Func<TrackerClientOptions, ITrackerClient>, ITrackerClient>();

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
            lock (_clients)
            {
                if (!_clients.TryGetValue(create, out ITrackerClient? client))
                {
                    client = create(_options);
                    _clients.Add(create, client);
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
