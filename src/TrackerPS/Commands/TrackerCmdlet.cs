using System;
using System.Management.Automation;
using TrackerPS.Core.Metainfo;
using TrackerPS.Core.Trackers;

namespace TrackerPS.Commands
{
    /// <summary>
    /// The parameters and conventions every cmdlet that talks to trackers shares: the per-tracker timeout, the number of
    /// trackers asked at once, the HTTP User-Agent and response size cap, and the InvalidInfoHash error.
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

        /// <summary>The client options the parameters describe.</summary>
        /// <returns>The options.</returns>
        private protected TrackerClientOptions CreateClientOptions() => new TrackerClientOptions
        {
            Timeout = TimeSpan.FromSeconds(TimeoutSec),
            MaxResponseSize = MaxResponseSize,
            UserAgent = UserAgent ?? s_defaultOptions.UserAgent,
        };

        /// <summary>Parses 40/64 hex or 32 base32 characters; anything else is a non-terminating InvalidInfoHash error.</summary>
        /// <param name="text">The text.</param>
        /// <returns>The info-hash, or null after writing the error.</returns>
        private protected InfoHash? ParseInfoHash(string text)
        {
            try
            {
                return InfoHash.Parse(text);
            }
            catch (FormatException error)
            {
                WriteError(new ErrorRecord(error, "InvalidInfoHash", ErrorCategory.InvalidArgument, text));
                return null;
            }
        }
    }
}
