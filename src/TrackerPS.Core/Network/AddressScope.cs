namespace TrackerPS.Core.Network
{
    /// <summary>
    /// Where an IP address leads, as <see cref="NetworkPolicy"/> judges it (the ranges of libtorrent's
    /// <c>ssrf_mitigation</c> and RFC 6890's special-purpose registries). See <see cref="AddressClassifier"/>.
    /// </summary>
    public enum AddressScope
    {
        /// <summary>Any other address: the public internet.</summary>
        Global,

        /// <summary>
        /// Private and local-only unicast: 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 (RFC 1918), 100.64.0.0/10 (RFC 6598
        /// shared address space), fc00::/7 (unique local, RFC 4193), fec0::/10 (deprecated site-local), and multicast
        /// and broadcast addresses, which reach only the local network.
        /// </summary>
        Private,

        /// <summary>Link-local: 169.254.0.0/16 and fe80::/10, where cloud metadata services answer (169.254.169.254, fd00:ec2::254).</summary>
        LinkLocal,

        /// <summary>This host: 127.0.0.0/8, ::1, and the unspecified 0.0.0.0/8 and :: (a connection to them reaches this host).</summary>
        Loopback,
    }
}
