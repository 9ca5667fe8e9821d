using System;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using TrackerPS.Core.Network;

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
        /// Resolves the host with the policy's resolver (a literal is itself), checks every address against the policy
        /// (the address rules only: BEP 41 URL data reaches a UDP service only after it answered a BEP 15 connect, so the
        /// HTTP loopback path rule is not applied), and takes the first address.
        /// </summary>
        /// <exception cref="TrackerException">RefusedByPolicy, or the name cannot be resolved (ConnectionFailed).</exception>
        /// <exception cref="OperationCanceledException">Cancelled while resolving.</exception>
        internal static async Task<IPEndPoint> ResolveAsync(Uri tracker, NetworkPolicy policy, CancellationToken cancellationToken)
        {
            Validate(tracker);
            CheckedHost host = await TrackerNetworkGuard.ResolveAsync(policy, tracker, tracker, null, null, cancellationToken).ConfigureAwait(false);
            return new IPEndPoint(host.Addresses[0], tracker.Port);
        }
    }
}
