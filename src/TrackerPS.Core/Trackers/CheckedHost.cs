using System.Net;
using TrackerPS.Core.Network;

namespace TrackerPS.Core.Trackers
{
    /// <summary>A host's addresses after <see cref="NetworkPolicy"/> allowed every one, and the scope it counts as when it redirects.</summary>
    internal sealed class CheckedHost
    {
        internal CheckedHost(IPAddress[] addresses, AddressScope scope)
        {
            Addresses = addresses;
            Scope = scope;
        }

        /// <summary>The addresses, in the resolver's order (at least one).</summary>
        internal IPAddress[] Addresses { get; }

        /// <summary>See <see cref="NetworkPolicy.ScopeOf"/>.</summary>
        internal AddressScope Scope { get; }
    }
}
