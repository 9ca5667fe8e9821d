using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using TrackerPS.Core.Network;

namespace TrackerPS.Core.Trackers
{
    /// <summary>
    /// Applies <see cref="NetworkPolicy"/> to tracker requests, HTTP and UDP alike: resolves the host with the policy's
    /// resolver, checks every address, and turns a refusal into a <see cref="TrackerErrorKind.RefusedByPolicy"/> error
    /// that names the rule and the tracker (redacted).
    /// </summary>
    internal static class TrackerNetworkGuard
    {
        /// <summary>Resolves and checks the host of one request (an announce, a scrape, or one redirect hop).</summary>
        /// <param name="policy">The policy.</param>
        /// <param name="tracker">The tracker named in errors.</param>
        /// <param name="requestUri">The URI this hop connects to.</param>
        /// <param name="loopbackPathSuffix">See <see cref="NetworkPolicy.Check"/>.</param>
        /// <param name="redirectedFrom">See <see cref="NetworkPolicy.Check"/>.</param>
        /// <param name="cancellationToken">Stops waiting for the resolver.</param>
        /// <returns>The addresses (all allowed) and the scope the hop counts as.</returns>
        /// <exception cref="TrackerException">RefusedByPolicy, or ConnectionFailed when the name does not resolve or is not a valid DNS name.</exception>
        /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
        internal static async Task<CheckedHost> ResolveAsync(
            NetworkPolicy policy, Uri tracker, Uri requestUri, string? loopbackPathSuffix, AddressScope? redirectedFrom, CancellationToken cancellationToken)
        {
            // IdnHost: the name as DNS knows it (Punycode for an internationalised name), a literal without brackets.
            string host = requestUri.IdnHost;
            IPAddress[] addresses;
            try
            {
                addresses = await policy.Resolver.ResolveAsync(host, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is SocketException or ArgumentException)
            {
                // ArgumentException: a name DNS cannot take (longer than 255 characters, say).
                throw new TrackerException(
                    tracker, TrackerErrorKind.ConnectionFailed, $"Could not reach tracker {TrackerUriRedactor.Redact(tracker)}: cannot resolve '{host}': {e.Message}", e);
            }

            NetworkRefusal? refusal = policy.Check(addresses, requestUri.AbsolutePath, loopbackPathSuffix, redirectedFrom);
            if (refusal is not null)
            {
                throw Refused(tracker, refusal);
            }

            return new CheckedHost(addresses, policy.ScopeOf(addresses));
        }

        /// <summary>Refuses an HTTP tracker URL whose query carries a reserved parameter (<see cref="NetworkPolicy.CheckTrackerQuery"/>).</summary>
        /// <param name="tracker">The tracker.</param>
        /// <exception cref="TrackerException">RefusedByPolicy.</exception>
        internal static void CheckQuery(Uri tracker)
        {
            NetworkRefusal? refusal = NetworkPolicy.CheckTrackerQuery(tracker);
            if (refusal is not null)
            {
                throw Refused(tracker, refusal);
            }
        }

        /// <summary>The error for a refusal: "Refused tracker … (rule LoopbackPath): it resolves to …".</summary>
        /// <param name="tracker">The tracker.</param>
        /// <param name="refusal">The rule and reason.</param>
        /// <param name="httpStatus">The status of the redirect refused, if any.</param>
        /// <returns>The exception to throw.</returns>
        internal static TrackerException Refused(Uri tracker, NetworkRefusal refusal, int? httpStatus = null) =>
            new TrackerException(
                tracker,
                TrackerErrorKind.RefusedByPolicy,
                $"Refused tracker {TrackerUriRedactor.Redact(tracker)} by network policy (rule {refusal.Rule}): {refusal.Reason}.")
            {
                PolicyRule = refusal.Rule,
                HttpStatusCode = httpStatus,
            };
    }
}
