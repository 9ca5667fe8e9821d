using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace TrackerPS.Core.Trackers.Http
{
    /// <summary>
    /// One GET to a tracker: follows at most <see cref="TrackerClientOptions.MaxRedirects"/> redirects to http/https
    /// targets, reads the body under <see cref="TrackerClientOptions.MaxResponseSize"/>, decompresses it, and maps
    /// transport failures to <see cref="TrackerException"/>. The whole exchange shares one
    /// <see cref="TrackerClientOptions.Timeout"/>. Decompression and redirects are ours, not the handler's, so that
    /// both are bounded and reported.
    /// </summary>
    internal sealed class HttpTrackerTransport : IDisposable
    {
        private readonly HttpClient _client;
        private readonly TrackerClientOptions _options;

        /// <summary>Creates the transport and its one <see cref="HttpClient"/>.</summary>
        /// <param name="options">Limits and identity.</param>
        public HttpTrackerTransport(TrackerClientOptions options)
        {
            _options = options;
            var handler = new HttpClientHandler
            {
                AllowAutoRedirect = false,
                AutomaticDecompression = DecompressionMethods.None,
            };
            _client = new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
            _client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", options.UserAgent);
            _client.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Encoding", "gzip, deflate");
        }

        /// <summary>GETs a URI.</summary>
        /// <param name="uri">The request URI.</param>
        /// <param name="tracker">The tracker (announce URI) named in errors.</param>
        /// <param name="cancellationToken">Cancels at once.</param>
        /// <returns>The final reply, whatever its status.</returns>
        /// <exception cref="TrackerException">Timeout, ConnectionFailed, or ProtocolViolation (bad redirect, too large, bad coding).</exception>
        /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
        public async Task<HttpTrackerReply> GetAsync(Uri uri, Uri tracker, CancellationToken cancellationToken)
        {
            Stopwatch stopwatch = Stopwatch.StartNew();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.Timeout);
            try
            {
                Uri current = uri;
                for (int redirects = 0; ; redirects++)
                {
                    using HttpResponseMessage response = await _client.GetAsync(current, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
                    int status = (int)response.StatusCode;
                    if (IsRedirect(status))
                    {
                        current = RedirectTarget(response, current, redirects, tracker);
                        continue;
                    }

                    byte[] body = await ReadBodyAsync(response, tracker, timeout.Token).ConfigureAwait(false);
                    return new HttpTrackerReply(status, body, stopwatch.Elapsed);
                }
            }
            catch (Exception ex) when (IsTransportFailure(ex) && cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException($"The request to tracker {TrackerUriRedactor.Redact(tracker)} was cancelled.", ex, cancellationToken);
            }
            catch (Exception ex) when (IsTransportFailure(ex) && timeout.IsCancellationRequested)
            {
                string seconds = _options.Timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
                throw new TrackerException(tracker, TrackerErrorKind.Timeout, $"Tracker {TrackerUriRedactor.Redact(tracker)} did not answer within {seconds} s.", ex);
            }
            catch (HttpRequestException ex)
            {
                throw new TrackerException(tracker, TrackerErrorKind.ConnectionFailed, $"Could not reach tracker {TrackerUriRedactor.Redact(tracker)}: {Cause(ex)}", ex);
            }
            catch (IOException ex)
            {
                throw new TrackerException(tracker, TrackerErrorKind.ConnectionFailed, $"The connection to tracker {TrackerUriRedactor.Redact(tracker)} failed before the whole response arrived: {ex.Message}", ex);
            }
        }

        /// <inheritdoc />
        public void Dispose() => _client.Dispose();

        /// <summary>The request failure's message, and its inner exception's when that adds to it.</summary>
        /// <param name="ex">The failure.</param>
        /// <returns>The cause, e.g. "Connection refused (127.0.0.1:1)" (its inner SocketException says "Connection refused" again).</returns>
        internal static string Cause(HttpRequestException ex)
        {
            string? inner = ex.InnerException?.Message;
            return inner is null || ex.Message.Contains(inner) ? ex.Message : ex.Message + " " + inner;
        }

        private static bool IsTransportFailure(Exception ex) =>
            ex is OperationCanceledException or IOException or HttpRequestException or ObjectDisposedException;

        private static bool IsRedirect(int status) => status is 301 or 302 or 303 or 307 or 308;

        private Uri RedirectTarget(HttpResponseMessage response, Uri current, int redirectsSoFar, Uri tracker)
        {
            int status = (int)response.StatusCode;
            if (redirectsSoFar >= _options.MaxRedirects)
            {
                throw Violation(tracker, status, $"Tracker {TrackerUriRedactor.Redact(tracker)} redirected more than {_options.MaxRedirects} times.");
            }

            Uri? location = response.Headers.Location;
            if (location is null)
            {
                throw Violation(tracker, status, $"Tracker {TrackerUriRedactor.Redact(tracker)} answered HTTP {status} without a Location header.");
            }

            Uri target = location.IsAbsoluteUri ? location : new Uri(current, location);
            if (target.Scheme != Uri.UriSchemeHttp && target.Scheme != Uri.UriSchemeHttps)
            {
                throw Violation(tracker, status, $"Tracker {TrackerUriRedactor.Redact(tracker)} redirected to {TrackerUriRedactor.Redact(target)}, which is not http or https.");
            }

            return target;
        }

        private async Task<byte[]> ReadBodyAsync(HttpResponseMessage response, Uri tracker, CancellationToken cancellationToken)
        {
            int status = (int)response.StatusCode;
            int maxSize = _options.MaxResponseSize;
            string tooLarge = $"Tracker {TrackerUriRedactor.Redact(tracker)} sent a response that exceeds {maxSize} bytes.";
            if (response.Content.Headers.ContentLength > maxSize)
            {
                throw Violation(tracker, status, tooLarge);
            }

            Stream stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);

            // Older HttpClient stacks (.NET Framework) ignore the token in ReadAsync; disposing the response unblocks them.
            using (cancellationToken.Register(response.Dispose))
            {
                byte[] raw = await CappedReader.ReadAsync(stream, maxSize, cancellationToken).ConfigureAwait(false)
                    ?? throw Violation(tracker, status, tooLarge);
                string[] codings = response.Content.Headers.ContentEncoding.ToArray();
                return await HttpContentDecoder.DecodeAsync(raw, codings, maxSize, tracker, status).ConfigureAwait(false);
            }
        }

        private static TrackerException Violation(Uri tracker, int httpStatus, string message) =>
            new TrackerException(tracker, TrackerErrorKind.ProtocolViolation, message) { HttpStatusCode = httpStatus };
    }
}
