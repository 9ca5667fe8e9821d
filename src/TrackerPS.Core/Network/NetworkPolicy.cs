using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;

namespace TrackerPS.Core.Network
{
    /// <summary>
    /// The server-side request forgery (SSRF) rules every outgoing connection obeys, after libtorrent's
    /// <c>ssrf_mitigation</c> (on by default there too): tracker URLs come from files and magnet links strangers write,
    /// and TrackerPS runs in scripts on servers, where this host and its network hold services (databases, admin pages,
    /// cloud metadata at 169.254.169.254) that a GET must not reach.
    /// <list type="bullet">
    /// <item><see cref="NetworkPolicyRule.LoopbackPath"/>: a loopback address only with the path a tracker has
    /// (libtorrent: HTTP trackers only, path <c>/announce…</c>; here the path must end in <c>/announce</c>, or
    /// <c>/scrape</c> for the BEP 48 scrape URL derived from it).</item>
    /// <item><see cref="NetworkPolicyRule.LocalNetwork"/>: private and link-local addresses (<see cref="AddressScope"/>) only
    /// with <see cref="AllowLocalNetwork"/>. libtorrent lets trackers reach private ranges and restricts only web seeds
    /// there; TrackerPS refuses them by default because, on a server, the private network is where unguarded internal
    /// services live, and a LAN tracker is one switch away.</item>
    /// <item><see cref="NetworkPolicyRule.RedirectToLocal"/>: a hop on a global address never redirects to a loopback,
    /// private or link-local one, whatever <see cref="AllowLocalNetwork"/> says.</item>
    /// <item><see cref="NetworkPolicyRule.ReservedQueryParameter"/>: see <see cref="CheckTrackerQuery"/>.</item>
    /// </list>
    /// Every resolved address of a host is checked, not just the first, so a name cannot pair a global address with a
    /// forbidden one. Pure over its inputs: the resolver and the classifier are injected.
    /// </summary>
    public sealed class NetworkPolicy
    {
        /// <summary>
        /// The query parameters an announce or scrape adds itself (BEP 3 §trackers, BEP 7 <c>key</c>). A tracker URL that
        /// already carries one is refused: its pre-set value would announce another torrent, port or peer than asked.
        /// </summary>
        public static readonly IReadOnlyList<string> ReservedQueryParameters =
            new[] { "info_hash", "peer_id", "port", "left", "event", "key", "uploaded", "downloaded" };

        /// <summary>The default policy: local networks refused, the system resolver, <see cref="AddressClassifier.Classify"/>.</summary>
        public static NetworkPolicy Default { get; } = new NetworkPolicy();

        /// <summary>Allows private and link-local addresses (the cmdlets' <c>-AllowLocalNetwork</c>). Loopback paths and redirects stay checked.</summary>
        public bool AllowLocalNetwork { get; init; }

        /// <summary>Resolves host names; every connection goes to an address it returned and this policy checked.</summary>
        public IHostResolver Resolver { get; init; } = DnsHostResolver.Instance;

        /// <summary>Classifies addresses; tests replace it to stand a loopback server in for a global one.</summary>
        public Func<IPAddress, AddressClassification> Classifier { get; init; } = AddressClassifier.Classify;

        /// <summary>
        /// Checks the query of a tracker URL for <see cref="ReservedQueryParameters"/>: names compared without regard to
        /// case and after percent-decoding (<c>info%5Fhash</c> is <c>info_hash</c> to a tracker).
        /// </summary>
        /// <param name="tracker">An absolute tracker URI.</param>
        /// <returns>The refusal, or null when the query is clean.</returns>
        public static NetworkRefusal? CheckTrackerQuery(Uri tracker)
        {
            string query = (tracker ?? throw new ArgumentNullException(nameof(tracker))).Query.TrimStart('?');
            foreach (string part in query.Split('&'))
            {
                int equals = part.IndexOf('=');
                string name = Uri.UnescapeDataString(equals < 0 ? part : part.Substring(0, equals));
                string? reserved = ReservedQueryParameters.FirstOrDefault(p => string.Equals(p, name, StringComparison.OrdinalIgnoreCase));
                if (reserved is not null)
                {
                    return new NetworkRefusal(
                        NetworkPolicyRule.ReservedQueryParameter,
                        $"its query already carries '{reserved}', which the client adds itself (a pre-set value would announce another torrent, port or peer than asked)");
                }
            }

            return null;
        }

        /// <summary>Checks the addresses one hop will connect to.</summary>
        /// <param name="addresses">Every address the host resolved to.</param>
        /// <param name="path">The escaped path of the request (<see cref="Uri.AbsolutePath"/>).</param>
        /// <param name="loopbackPathSuffix">The ending a loopback request's path needs (<c>/announce</c>, <c>/scrape</c>), or null for none (UDP).</param>
        /// <param name="redirectedFrom">The <see cref="ScopeOf"/> of the hop that redirected here, or null for the first hop.</param>
        /// <returns>The refusal for the first forbidden address, or null when every address is allowed.</returns>
        public NetworkRefusal? Check(IReadOnlyList<IPAddress> addresses, string path, string? loopbackPathSuffix, AddressScope? redirectedFrom)
        {
            foreach (IPAddress address in addresses ?? throw new ArgumentNullException(nameof(addresses)))
            {
                NetworkRefusal? refusal = CheckOne(address, Classifier(address), path, loopbackPathSuffix, redirectedFrom);
                if (refusal is not null)
                {
                    return refusal;
                }
            }

            return null;
        }

        /// <summary>The scope a hop counts as when it redirects: global when any of its addresses is, else its first address's.</summary>
        /// <param name="addresses">The hop's addresses (at least one).</param>
        /// <returns>The scope.</returns>
        public AddressScope ScopeOf(IReadOnlyList<IPAddress> addresses) =>
            addresses.Any(a => Classifier(a).Scope == AddressScope.Global) ? AddressScope.Global : Classifier(addresses[0]).Scope;

        private NetworkRefusal? CheckOne(IPAddress address, AddressClassification classification, string path, string? loopbackPathSuffix, AddressScope? redirectedFrom)
        {
            string where = $"{address} ({classification.Range})";
            if (redirectedFrom == AddressScope.Global && classification.Scope != AddressScope.Global)
            {
                return new NetworkRefusal(
                    NetworkPolicyRule.RedirectToLocal,
                    $"a global address redirected to {where}, and a redirect from the internet into this host or its local network is never followed");
            }

            switch (classification.Scope)
            {
                case AddressScope.Loopback when loopbackPathSuffix is not null && !path.EndsWith(loopbackPathSuffix, StringComparison.Ordinal):
                    return new NetworkRefusal(
                        NetworkPolicyRule.LoopbackPath,
                        $"it resolves to {where}, and a request to this host is sent only when its path ends in {loopbackPathSuffix}");
                case AddressScope.Private or AddressScope.LinkLocal when !AllowLocalNetwork:
                    return new NetworkRefusal(
                        NetworkPolicyRule.LocalNetwork,
                        $"it resolves to {where}, a local network address, which is refused unless local networks are allowed (-AllowLocalNetwork)");
                default:
                    return null;
            }
        }
    }
}
