using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace TrackerPS.Core.Trackers.Udp
{
    /// <summary>Turns a <c>udp://host:port/...</c> URI into the address to send to (BEP 15).</summary>
    internal static class UdpTrackerAddress
    {
        /// <summary>The URI scheme of UDP trackers.</summary>
        internal const string Scheme = "udp";

        /// <summary>Checks the scheme and port.</summary>
        /// <exception cref="TrackerException">Not <c>udp</c> (UnsupportedScheme), or no port (ConnectionFailed).</exception>
        internal static void Validate(Uri tracker)
        {
            if (!tracker.IsAbsoluteUri || !string.Equals(tracker.Scheme, Scheme, StringComparison.OrdinalIgnoreCase))
            {
                throw new TrackerException(
                    tracker, TrackerErrorKind.UnsupportedScheme, $"'{TrackerUriRedactor.Redact(tracker)}' is not a udp:// tracker URI.");
            }

            if (tracker.Port <= 0)
            {
                throw new TrackerException(
                    tracker, TrackerErrorKind.ConnectionFailed, $"UDP tracker {TrackerUriRedactor.Redact(tracker)} has no port (udp://host:port/...).");
            }
        }

        /// <summary>
        /// Resolves the host: an IPv4 or bracketed IPv6 literal as is, a name through DNS taking the first address returned.
        /// </summary>
        /// <exception cref="TrackerException">The name cannot be resolved (ConnectionFailed).</exception>
        /// <exception cref="OperationCanceledException">Cancelled while resolving.</exception>
        internal static async Task<IPEndPoint> ResolveAsync(Uri tracker, CancellationToken cancellationToken)
        {
            Validate(tracker);
            string host = tracker.DnsSafeHost;
            if (IPAddress.TryParse(host, out IPAddress? literal))
            {
                return new IPEndPoint(literal, tracker.Port);
            }

            IPAddress[] addresses;
            try
            {
                addresses = await TaskCancellation.WaitAsync(Dns.GetHostAddressesAsync(host), cancellationToken).ConfigureAwait(false);
            }
            catch (SocketException e)
            {
                throw new TrackerException(
                    tracker, TrackerErrorKind.ConnectionFailed, $"UDP tracker {TrackerUriRedactor.Redact(tracker)}: cannot resolve '{host}': {e.Message}", e);
            }

            if (addresses.Length == 0)
            {
                throw new TrackerException(tracker, TrackerErrorKind.ConnectionFailed, $"UDP tracker {TrackerUriRedactor.Redact(tracker)}: '{host}' has no address.");
            }

            return new IPEndPoint(addresses[0], tracker.Port);
        }
    }
}
