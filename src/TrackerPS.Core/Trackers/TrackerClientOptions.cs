using System;
using TrackerPS.Core.Network;

namespace TrackerPS.Core.Trackers
{
    /// <summary>Limits and identity for tracker requests. Every limit is explicit.</summary>
    public sealed class TrackerClientOptions
    {
        /// <summary>Default <see cref="MaxResponseSize"/>: 1 MiB.</summary>
        public const int DefaultMaxResponseSize = 1024 * 1024;

        /// <summary>Default <see cref="MaxRedirects"/>: 5.</summary>
        public const int DefaultMaxRedirects = 5;

        /// <summary>Total time allowed for one request to one tracker, retransmissions and redirects included. Default 15 s.</summary>
        public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(15);

        /// <summary>Maximum size in bytes of an HTTP response body (after decompression).</summary>
        public int MaxResponseSize { get; init; } = DefaultMaxResponseSize;

        /// <summary>Maximum HTTP redirects followed (http and https targets only); one more is refused by <see cref="NetworkPolicyRule.RedirectLimit"/>.</summary>
        public int MaxRedirects { get; init; } = DefaultMaxRedirects;

        /// <summary>HTTP User-Agent; default <c>TrackerPS/&lt;version&gt;</c>.</summary>
        public string UserAgent { get; init; } = "TrackerPS/" + typeof(TrackerClientOptions).Assembly.GetName().Version!.ToString(3);

        /// <summary>
        /// UDP retransmission (BEP 15 §time outs): false (default) spreads 3 tries over <see cref="Timeout"/>;
        /// true uses the full BEP 15 schedule of 15·2^n seconds, n = 0…8, still capped by <see cref="Timeout"/>.
        /// </summary>
        public bool UseBep15Retransmission { get; init; }

        /// <summary>The SSRF rules every request obeys (HTTP and UDP alike), and the resolver; <see cref="NetworkPolicy.Default"/> unless set.</summary>
        public NetworkPolicy NetworkPolicy { get; init; } = NetworkPolicy.Default;
    }
}
