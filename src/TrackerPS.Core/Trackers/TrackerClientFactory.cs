using System;
using TrackerPS.Core.Network;
using TrackerPS.Core.Trackers.Http;
using TrackerPS.Core.Trackers.Udp;

namespace TrackerPS.Core.Trackers
{
    /// <summary>
    /// Chooses the tracker protocol client for an announce URI: <c>http</c> and <c>https</c> share one client kind
    /// (BEP 3), <c>udp</c> has its own (BEP 15). Any other scheme is refused.
    /// </summary>
    public sealed class TrackerClientFactory
    {
        private readonly Func<TrackerClientOptions, ITrackerClient> _http;
        private readonly Func<TrackerClientOptions, ITrackerClient> _udp;

        /// <summary>Creates a factory from the two client constructors.</summary>
        /// <param name="http">Creates the client for <c>http</c> and <c>https</c> trackers.</param>
        /// <param name="udp">Creates the client for <c>udp</c> trackers.</param>
        /// <exception cref="ArgumentNullException">A constructor is null.</exception>
        public TrackerClientFactory(Func<TrackerClientOptions, ITrackerClient> http, Func<TrackerClientOptions, ITrackerClient> udp)
        {
            _http = http ?? throw new ArgumentNullException(nameof(http));
            _udp = udp ?? throw new ArgumentNullException(nameof(udp));
        }

        /// <summary>The factory of the real HTTP and UDP clients.</summary>
        /// <param name="session">The session whose state the clients share (the UDP connection-id cache).</param>
        /// <returns>The factory.</returns>
        public static TrackerClientFactory CreateDefault(TrackerSession session)
        {
            if (session is null)
            {
                throw new ArgumentNullException(nameof(session));
            }

            return new TrackerClientFactory(o => new HttpTrackerClient(o), o => new UdpTrackerClient(o, session.UdpConnectionIds));
        }

        /// <summary>
        /// The client constructor for a tracker's scheme. Callers create one client per constructor and reuse it for
        /// every tracker of that kind.
        /// </summary>
        /// <param name="tracker">The announce URI.</param>
        /// <returns>The constructor for its scheme.</returns>
        /// <exception cref="TrackerException">Kind <see cref="TrackerErrorKind.UnsupportedScheme"/>: not an absolute http, https or udp URI.</exception>
        public Func<TrackerClientOptions, ITrackerClient> Resolve(Uri tracker)
        {
            if (tracker is null)
            {
                throw new ArgumentNullException(nameof(tracker));
            }

            if (!tracker.IsAbsoluteUri)
            {
                throw new TrackerException(tracker, TrackerErrorKind.UnsupportedScheme, $"Tracker '{TrackerUriRedactor.Redact(tracker)}' is not an absolute URI: expected http://, https:// or udp://.");
            }

            Func<TrackerClientOptions, ITrackerClient>? create = tracker.Scheme switch
            {
                "http" or "https" => _http,
                "udp" => _udp,
                _ => null,
            };
            return create ?? throw new TrackerException(
                tracker,
                TrackerErrorKind.UnsupportedScheme,
                $"Tracker '{TrackerUriRedactor.Redact(tracker)}' uses the scheme '{tracker.Scheme}', which TrackerPS does not support: expected http, https or udp.");
        }
    }
}
