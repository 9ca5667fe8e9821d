using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TrackerPS.Core.Metainfo;
using TrackerPS.Core.Network;

namespace TrackerPS.Core.Trackers.Http
{
    /// <summary>
    /// The HTTP and HTTPS tracker client: announce (BEP 3 §trackers, with BEP 7, 23, 24 and 31 fields) and scrape
    /// (BEP 48). One instance holds one HTTP connection pool; dispose it when done. Thread-safe.
    /// </summary>
    public sealed class HttpTrackerClient : ITrackerClient, IDisposable
    {
        /// <summary>Info-hashes per scrape request at first; halved each time the tracker answers 414 or 400.</summary>
        internal const int InitialScrapeBatchSize = 50;

        // The path endings a loopback tracker needs (NetworkPolicyRule.LoopbackPath): an announce URL's, and the BEP 48
        // scrape URL derived from it ("/announce" becomes "/scrape").
        private const string LoopbackAnnouncePath = "/announce";
        private const string LoopbackScrapePath = "/scrape";

        private readonly HttpTrackerTransport _transport;

        /// <summary>Creates the client.</summary>
        /// <param name="options">Timeout, response size and redirect limits, and User-Agent.</param>
        /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
        public HttpTrackerClient(TrackerClientOptions options)
        {
            _transport = new HttpTrackerTransport(options ?? throw new ArgumentNullException(nameof(options)));
        }

        /// <summary>Reads an announce reply: <see cref="HttpAnnounceResponseParser"/>; tests put one in that fails unexpectedly.</summary>
        internal Func<HttpTrackerReply, AnnounceRequest, AnnounceResponse> AnnounceParser { get; init; } =
            (reply, request) => HttpAnnounceResponseParser.Parse(reply.Body, request, reply.StatusCode, reply.Elapsed);

        /// <summary>
        /// Announces with an HTTP GET. The tracker's status, compression, redirects and any peer form it chooses are
        /// handled; a <c>failure reason</c> (with any status) is raised as <see cref="TrackerErrorKind.FailureReason"/>.
        /// </summary>
        /// <param name="request">The announce; its tracker must be http or https.</param>
        /// <param name="cancellationToken">Cancels at once.</param>
        /// <returns>The response.</returns>
        /// <exception cref="TrackerException">
        /// UnsupportedScheme, RefusedByPolicy, FailureReason, Timeout, ConnectionFailed or ProtocolViolation (also for any
        /// unexpected exception reading the reply, kept as the inner exception: see <see cref="TrackerReplyContainment"/>).
        /// </exception>
        /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
        public async Task<AnnounceResponse> AnnounceAsync(AnnounceRequest request, CancellationToken cancellationToken)
        {
            RequireHttp((request ?? throw new ArgumentNullException(nameof(request))).Tracker);
            TrackerNetworkGuard.CheckQuery(request.Tracker);
            Uri uri = HttpAnnounceUri.Build(request);
            return await TrackerReplyContainment.RunAsync(
                request.Tracker,
                async () => AnnounceParser(await _transport.GetAsync(uri, request.Tracker, LoopbackAnnouncePath, cancellationToken).ConfigureAwait(false), request),
                cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Scrapes with one or more GETs of the BEP 48 scrape URI, several <c>info_hash</c> per request. Batches start at
        /// 50 hashes and halve (down to 1) whenever the tracker answers 414 URI Too Long or 400 Bad Request. Each GET has
        /// its own <see cref="TrackerClientOptions.Timeout"/>.
        /// </summary>
        /// <param name="request">The scrape; its tracker must be http or https.</param>
        /// <param name="cancellationToken">Cancels at once.</param>
        /// <returns>
        /// One result per torrent the tracker reported on, in the order reported (a tracker may omit a torrent it does not
        /// track); empty for no hashes. A note per reply whose keys had to be decoded (see <see cref="HttpScrapeResponseParser"/>).
        /// </returns>
        /// <exception cref="TrackerException">
        /// UnsupportedScheme, RefusedByPolicy, ScrapeNotSupported, FailureReason, Timeout, ConnectionFailed or
        /// ProtocolViolation (also for any unexpected exception reading a reply, as for <see cref="AnnounceAsync"/>).
        /// </exception>
        /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
        public async Task<ScrapeResponse> ScrapeAsync(ScrapeRequest request, CancellationToken cancellationToken)
        {
            Uri tracker = (request ?? throw new ArgumentNullException(nameof(request))).Tracker;
            RequireHttp(tracker);
            TrackerNetworkGuard.CheckQuery(tracker);
            if (!HttpScrapeUri.TryDerive(tracker, out Uri? scrape))
            {
                throw new TrackerException(tracker, TrackerErrorKind.ScrapeNotSupported,
                    $"Tracker {TrackerUriRedactor.Redact(tracker)} cannot be scraped: the last segment of its path does not start with 'announce' (BEP 48).");
            }

            return await TrackerReplyContainment.RunAsync(tracker, () => ScrapeInBatchesAsync(request, scrape!, cancellationToken), cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Closes the HTTP connections.</summary>
        public void Dispose() => _transport.Dispose();

        private async Task<ScrapeResponse> ScrapeInBatchesAsync(ScrapeRequest request, Uri scrape, CancellationToken cancellationToken)
        {
            Uri tracker = request.Tracker;
            var results = new List<ScrapeResult>();
            var notes = new List<string>();
            int batchSize = InitialScrapeBatchSize;
            int done = 0;
            while (done < request.InfoHashes.Count)
            {
                List<InfoHash> batch = request.InfoHashes.Skip(done).Take(batchSize).ToList();
                HttpTrackerReply reply = await _transport.GetAsync(HttpScrapeUri.Build(scrape, batch), tracker, LoopbackScrapePath, cancellationToken).ConfigureAwait(false);
                if (batch.Count > 1 && (reply.StatusCode == 414 || reply.StatusCode == 400))
                {
                    // The tracker refused the URI length or hash count: retry the same hashes in smaller requests.
                    batchSize = batch.Count / 2;
                    continue;
                }

                ScrapeResponse parsed = HttpScrapeResponseParser.Parse(reply.Body, tracker, batch, reply.StatusCode, reply.Elapsed);
                results.AddRange(parsed.Results);
                notes.AddRange(parsed.Notes);
                done += batch.Count;
            }

            return new ScrapeResponse(results, notes);
        }

        private static void RequireHttp(Uri tracker)
        {
            if (tracker is null)
            {
                throw new ArgumentException("The request has no tracker URI.", "request");
            }

            if (!tracker.IsAbsoluteUri || (tracker.Scheme != Uri.UriSchemeHttp && tracker.Scheme != Uri.UriSchemeHttps))
            {
                throw new TrackerException(tracker, TrackerErrorKind.UnsupportedScheme, $"Tracker {TrackerUriRedactor.Redact(tracker)} is not an http or https URI.");
            }
        }
    }
}
