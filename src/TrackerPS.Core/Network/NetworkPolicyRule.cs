namespace TrackerPS.Core.Network
{
    /// <summary>
    /// The server-side request forgery (SSRF) rules of <see cref="NetworkPolicy"/>, after libtorrent's
    /// <c>ssrf_mitigation</c>. Each names a refusal in messages and in <c>TrackerException.PolicyRule</c>.
    /// </summary>
    public enum NetworkPolicyRule
    {
        /// <summary>A request to this host (loopback) whose path does not end as a tracker's must (<c>/announce</c>, <c>/scrape</c>).</summary>
        LoopbackPath,

        /// <summary>A request to a private or link-local address (cloud metadata services among them) without <see cref="NetworkPolicy.AllowLocalNetwork"/>.</summary>
        LocalNetwork,

        /// <summary>A redirect from a global address to a loopback, private or link-local one (never allowed).</summary>
        RedirectToLocal,

        /// <summary>A redirect to a scheme other than http or https.</summary>
        RedirectScheme,

        /// <summary>More redirects than the limit.</summary>
        RedirectLimit,

        /// <summary>A tracker URL whose query already carries a parameter the client adds itself (<c>info_hash</c>, <c>peer_id</c>, ...).</summary>
        ReservedQueryParameter,
    }
}
