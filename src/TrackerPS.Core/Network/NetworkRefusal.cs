namespace TrackerPS.Core.Network
{
    /// <summary>Why <see cref="NetworkPolicy"/> refuses a request: the rule and the reason, without the URI (callers name it, redacted).</summary>
    public sealed class NetworkRefusal
    {
        /// <summary>Creates the refusal.</summary>
        /// <param name="rule">The rule.</param>
        /// <param name="reason">A clause that completes "refused: ...", e.g. "it resolves to 127.0.0.1 (127.0.0.0/8, loopback), ...".</param>
        public NetworkRefusal(NetworkPolicyRule rule, string reason)
        {
            Rule = rule;
            Reason = reason;
        }

        /// <summary>The rule.</summary>
        public NetworkPolicyRule Rule { get; }

        /// <summary>The reason, naming the address and its range.</summary>
        public string Reason { get; }
    }
}
