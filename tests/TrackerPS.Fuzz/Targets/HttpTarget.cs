using System;
using TrackerPS.Core.Metainfo;
using TrackerPS.Core.Trackers;
using TrackerPS.Core.Trackers.Http;

namespace TrackerPS.Fuzz.Targets
{
    /// <summary>
    /// An HTTP tracker reply body (BEP 3, 23, 7, 24, 31, 48) through both <see cref="HttpAnnounceResponseParser"/> and
    /// <see cref="HttpScrapeResponseParser"/>, as if it came with HTTP 200.
    /// </summary>
    public sealed class HttpTarget : FuzzTarget
    {
        private static readonly Uri s_tracker = new Uri("http://127.0.0.1:6969/announce");
        private static readonly InfoHash s_infoHash = new InfoHash(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20 });
        private static readonly AnnounceRequest s_request = new AnnounceRequest { Tracker = s_tracker, InfoHash = s_infoHash };

        /// <inheritdoc/>
        public override string Name => "http";

        /// <inheritdoc/>
        public override string Contract =>
            "HttpAnnounceResponseParser.Parse and HttpScrapeResponseParser.Parse (HTTP 200): TrackerException, nothing else.";

        /// <inheritdoc/>
        public override void Run(byte[] input)
        {
            Attempt<TrackerException>(() => HttpAnnounceResponseParser.Parse(input, s_request, 200, TimeSpan.Zero));
            Attempt<TrackerException>(() => HttpScrapeResponseParser.Parse(input, s_tracker, new[] { s_infoHash }, 200, TimeSpan.Zero));
        }
    }
}
