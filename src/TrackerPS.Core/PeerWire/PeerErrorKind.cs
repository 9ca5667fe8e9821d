namespace TrackerPS.Core.PeerWire
{
    /// <summary>Why talking to a peer failed.</summary>
    public enum PeerErrorKind
    {
        /// <summary>The connection was refused (nothing listens on the port).</summary>
        Refused,

        /// <summary>The peer did not answer within the timeout.</summary>
        Timeout,

        /// <summary>The address is unreachable or does not resolve.</summary>
        Unreachable,

        /// <summary>The peer closed the connection before its handshake: it may require encryption (MSE).</summary>
        ClosedAtHandshake,

        /// <summary>The peer closed the connection after the handshake.</summary>
        Closed,

        /// <summary>The peer answered for another info-hash.</summary>
        WrongInfoHash,

        /// <summary>The network policy (SSRF rules, <see cref="Network.NetworkPolicy"/>) refused the address before any connection.</summary>
        RefusedByPolicy,

        /// <summary>The peer broke the protocol: a bad handshake, an oversized or malformed message.</summary>
        ProtocolViolation,
    }
}
