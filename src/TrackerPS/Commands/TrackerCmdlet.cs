using System;
using System.Management.Automation;
using TrackerPS.Core.Metainfo;
using TrackerPS.Core.Network;
using TrackerPS.Core.Trackers;

namespace TrackerPS.Commands
{
    /// <summary>
    /// The parameters and conventions every cmdlet that talks to trackers shares: the per-tracker timeout, the number of
    /// trackers asked at once, the HTTP User-Agent and response size cap, the network policy switch, the source of a
    /// piped input, and the InvalidInfoHash and NoTracker errors.
    /// </summary>
    public abstract class TrackerCmdlet : AsyncCmdlet
    {
        private const int MaxThrottleLimit = 1024;
        private const int MaxTimeoutSec = 3600;

        private static readonly TrackerClientOptions s_defaultOptions = new TrackerClientOptions();

        /// <summary>Seconds allowed per tracker request (retransmissions and redirects included).</summary>
        [Parameter]
        [ValidateRange(1, MaxTimeoutSec)]
        public int TimeoutSec { get; set; } = 15;

        /// <summary>Maximum tracker requests in flight.</summary>
        [Parameter]
        [ValidateRange(1, MaxThrottleLimit)]
        public int ThrottleLimit { get; set; } = TorrentAnnouncer.DefaultThrottleLimit;

        /// <summary>HTTP User-Agent. Default: <c>TrackerPS/&lt;version&gt;</c>.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? UserAgent { get; set; }

        /// <summary>Maximum HTTP response body size in bytes.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int MaxResponseSize { get; set; } = TrackerClientOptions.DefaultMaxResponseSize;

        /// <summary>
        /// Allows trackers on private and link-local addresses (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, fc00::/7,
        /// 169.254.0.0/16, fe80::/10, cloud metadata services), which the SSRF policy refuses by default. Loopback trackers
        /// still need a path ending in /announce, and a global tracker still may not redirect into the local network.
        /// </summary>
        [Parameter]
        public SwitchParameter AllowLocalNetwork { get; set; }

        /// <summary>
        /// The .torrent file a piped input came from (a TorrentInfo's or TorrentInfoHash's <c>Path</c>). It only names
        /// that input in errors; hidden because nothing is read from it.
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true, DontShow = true)]
        [Alias("Path")]
        public string? TorrentPath { get; set; }

        /// <summary>The magnet link a piped input came from (a MagnetLink's <c>MagnetUri</c>). It only names that input in errors.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true, DontShow = true)]
        public string? MagnetUri { get; set; }

        /// <summary>The client options the parameters describe.</summary>
        /// <returns>The options.</returns>
        private protected TrackerClientOptions CreateClientOptions() => new TrackerClientOptions
        {
            Timeout = TimeSpan.FromSeconds(TimeoutSec),
            MaxResponseSize = MaxResponseSize,
            UserAgent = UserAgent ?? s_defaultOptions.UserAgent,
            NetworkPolicy = AllowLocalNetwork ? new NetworkPolicy { AllowLocalNetwork = true } : NetworkPolicy.Default,
        };

        /// <summary>Parses 40/64 hex or 32/52 base32 characters; anything else is a non-terminating InvalidInfoHash error.</summary>
        /// <param name="text">The text.</param>
        /// <returns>The info-hash, or null after writing the error.</returns>
        private protected InfoHash? ParseInfoHash(string text) => InfoHashArgument.Parse(this, text);

        /// <summary>
        /// Writes the non-terminating NoTracker error for an input that names no tracker. Its target is where the input
        /// came from: the torrent's path, else the magnet link, else the info-hashes as given.
        /// </summary>
        /// <param name="infoHashes">The input's info-hashes as given.</param>
        /// <param name="remedy">What the user can add, e.g. <c>-Tracker</c>.</param>
        private protected void WriteNoTracker(string[] infoHashes, string remedy)
        {
            object target = TorrentPath ?? MagnetUri ?? (infoHashes.Length == 1 ? infoHashes[0] : (object)infoHashes);
            string source = TorrentPath is not null
                ? $"'{TorrentPath}' brought no tracker (a trackerless torrent relies on DHT or peer exchange)"
                : MagnetUri is not null ? "the magnet link has no tracker (tr)" : "no tracker was given";
            var error = new ArgumentException($"Nothing to ask about {string.Join(", ", infoHashes)}: {source}. Give {remedy}.");
            WriteError(new ErrorRecord(error, ErrorIds.NoTracker, ErrorCategory.InvalidArgument, target));
        }
    }
}
