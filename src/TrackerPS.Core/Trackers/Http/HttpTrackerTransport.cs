using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using TrackerPS.Core.Network;

namespace TrackerPS.Core.Trackers.Http
{
    /// <summary>
    /// One GET to a tracker: follows at most <see cref="TrackerClientOptions.MaxRedirects"/> redirects to http/https
    /// targets, reads the body under <see cref="TrackerClientOptions.MaxResponseSize"/>, decompresses it, and maps
    /// transport failures to <see cref="TrackerException"/>. The whole exchange shares one
    /// <see cref="TrackerClientOptions.Timeout"/>. Decompression and redirects are ours, not the handler's, so that
    /// both are bounded and reported, and so that every hop's host is resolved and checked against
    /// <see cref="TrackerClientOptions.NetworkPolicy"/> before it is connected to.
    /// </summary>
    /// <remarks>
    /// DNS rebinding: netstandard2.0 has no <c>SocketsHttpHandler.ConnectCallback</c>, so the handler cannot be made to
    /// connect to the very address we checked. Plain http therefore connects to the checked address itself (an IP-literal
    /// request URI, the name kept in the Host header), and a second DNS answer cannot move it. https keeps the name (the
    /// certificate is validated against it), so the handler resolves again: a name whose answer changes between our
    /// check and the handler's lookup can make the TLS handshake go to a forbidden address. No request is sent there
    /// unless that address presents a certificate valid for the attacker's name, which internal services do not; the
    /// residual risk is a TCP connection and a TLS ClientHello to a forbidden address.
    /// </remarks>
    internal sealed class HttpTrackerTransport : IDisposable
    {
        /// <summary>
        /// How many times one hop's GET is sent when the connection is reset or ends before any response header (a
        /// pooled connection the tracker had closed); see <see cref="SendAsync"/>.
        /// </summary>
        internal const int MaxSendsPerHop = 3;

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
        /// <param name="loopbackPathSuffix">The path ending a loopback hop needs (<see cref="NetworkPolicyRule.LoopbackPath"/>).</param>
        /// <param name="cancellationToken">Cancels at once.</param>
        /// <returns>The final reply, whatever its status.</returns>
        /// <exception cref="TrackerException">
        /// Timeout, ConnectionFailed, ProtocolViolation (redirect without Location, too large, bad coding), or
        /// RefusedByPolicy (a hop's addresses, a redirect's scheme, too many redirects).
        /// </exception>
        /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
        public async Task<HttpTrackerReply> GetAsync(Uri uri, Uri tracker, string loopbackPathSuffix, CancellationToken cancellationToken)
        {
            Stopwatch stopwatch = Stopwatch.StartNew();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.Timeout);
            try
            {
                Uri current = uri;
                AddressScope? redirectedFrom = null;
                for (int redirects = 0; ; redirects++)
                {
                    CheckedHost host = await TrackerNetworkGuard.ResolveAsync(
                        _options.NetworkPolicy, tracker, current, loopbackPathSuffix, redirectedFrom, timeout.Token).ConfigureAwait(false);
                    using HttpResponseMessage response = await SendAsync(current, host, timeout.Token).ConfigureAwait(false);
                    int status = (int)response.StatusCode;
                    if (IsRedirect(status))
                    {
                        current = RedirectTarget(response, current, redirects, tracker);
                        redirectedFrom = host.Scope;
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

        // A connection the tracker closed without saying so (opentracker closes after every reply, with no
        // "Connection: close") can be taken for the next request just before its close arrives: the request is reset
        // unread, or the connection ends before any reply. HttpClient repeats such a request on a new connection only in
        // some of these cases (dotnet/runtime#60644), so a GET that failed so before any response header is sent again,
        // up to MaxSendsPerHop times in all: each failure discards its connection, but at 64 requests in flight several
        // pooled connections can be closed at once. A tracker that resets every request still fails, after HttpClient has
        // itself sent each of these sends 4 times on .NET 10 (12 connections; HttpTrackerClientTests measures it).
        private async Task<HttpResponseMessage> SendAsync(Uri uri, CheckedHost host, CancellationToken cancellationToken)
        {
            for (int attempt = 1; ; attempt++)
            {
                using HttpRequestMessage request = CreateRequest(uri, host);
                try
                {
                    return await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
                }
                catch (HttpRequestException ex) when (attempt < MaxSendsPerHop && IsDroppedConnection(ex) && !cancellationToken.IsCancellationRequested)
                {
                }
            }
        }

        /// <summary>
        /// Reset by the peer, or ended (an <see cref="IOException"/>: .NET's HttpIOException is one) before the response
        /// headers; never a refused connection, a name that does not resolve or a TLS failure.
        /// </summary>
        /// <param name="ex">What <see cref="HttpClient.SendAsync(HttpRequestMessage, HttpCompletionOption, CancellationToken)"/> threw.</param>
        /// <returns>True when the request may be sent again.</returns>
        internal static bool IsDroppedConnection(HttpRequestException ex) => ex.InnerException switch
        {
            SocketException socket => socket.SocketErrorCode is SocketError.ConnectionReset or SocketError.ConnectionAborted,
            IOException io => io.InnerException is not SocketException inner || inner.SocketErrorCode is SocketError.ConnectionReset or SocketError.ConnectionAborted,
            _ => false,
        };

        private static bool IsTransportFailure(Exception ex) =>
            ex is OperationCanceledException or IOException or HttpRequestException or ObjectDisposedException;

        private static bool IsRedirect(int status) => status is 301 or 302 or 303 or 307 or 308;

        /// <summary>
        /// The GET for one hop. Plain http by name goes to the first checked address (an IP-literal URI, the Host header
        /// naming the host as the URI did), so the handler does not resolve the name again; see the remarks on DNS rebinding.
        /// </summary>
        private static HttpRequestMessage CreateRequest(Uri uri, CheckedHost host)
        {
            if (uri.Scheme != Uri.UriSchemeHttp || uri.HostNameType == UriHostNameType.IPv4 || uri.HostNameType == UriHostNameType.IPv6)
            {
                return new HttpRequestMessage(HttpMethod.Get, uri);
            }

            IPAddress address = host.Addresses[0];
            string literal = address.AddressFamily == AddressFamily.InterNetworkV6 ? "[" + address.ToString().Replace("%", "%25") + "]" : address.ToString();
            string pathAndQuery = uri.GetComponents(UriComponents.PathAndQuery, UriFormat.UriEscaped);
            var request = new HttpRequestMessage(HttpMethod.Get, new Uri(uri.Scheme + "://" + literal + ":" + uri.Port.ToString(CultureInfo.InvariantCulture) + pathAndQuery, UriKind.Absolute));
            request.Headers.Host = uri.IsDefaultPort ? uri.IdnHost : uri.IdnHost + ":" + uri.Port.ToString(CultureInfo.InvariantCulture);
            return request;
        }

        private Uri RedirectTarget(HttpResponseMessage response, Uri current, int redirectsSoFar, Uri tracker)
        {
            int status = (int)response.StatusCode;
            if (redirectsSoFar >= _options.MaxRedirects)
            {
                throw TrackerNetworkGuard.Refused(
                    tracker, new NetworkRefusal(NetworkPolicyRule.RedirectLimit, $"it redirected more than {_options.MaxRedirects} times"), status);
            }

            Uri? location = response.Headers.Location;
            if (location is null)
            {
                throw Violation(tracker, status, $"Tracker {TrackerUriRedactor.Redact(tracker)} answered HTTP {status} without a Location header.");
            }

            Uri target = location.IsAbsoluteUri ? location : new Uri(current, location);
            if (target.Scheme != Uri.UriSchemeHttp && target.Scheme != Uri.UriSchemeHttps)
            {
                throw TrackerNetworkGuard.Refused(
                    tracker, new NetworkRefusal(NetworkPolicyRule.RedirectScheme, $"it redirected to {TrackerText.Quote(TrackerUriRedactor.Redact(target))}, which is not http or https"), status);
            }

            return target;
        }

        private async Task<byte[]> ReadBodyAsync(HttpResponseMessage response, Uri tracker, CancellationToken cancellationToken)
        {
            int status = (int)response.StatusCode;
            int maxSize = _options.MaxResponseSize;
            long? contentLength = response.Content.Headers.ContentLength;
            if (contentLength > maxSize)
            {
                throw TooLarge(tracker, status, maxSize);
            }

            Stream stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);

            // Older HttpClient stacks (.NET Framework) ignore the token in ReadAsync; disposing the response unblocks them.
            using (cancellationToken.Register(response.Dispose))
            {
                byte[] raw = await CappedReader.ReadAsync(stream, contentLength, maxSize, cancellationToken).ConfigureAwait(false)
                    ?? throw TooLarge(tracker, status, maxSize);
                string[] codings = response.Content.Headers.ContentEncoding.ToArray();
                return await HttpContentDecoder.DecodeAsync(raw, codings, maxSize, tracker, status).ConfigureAwait(false);
            }
        }

        private static TrackerException TooLarge(Uri tracker, int httpStatus, int maxSize) =>
            Violation(tracker, httpStatus, $"Tracker {TrackerUriRedactor.Redact(tracker)} sent a response that exceeds {maxSize} bytes.");

        private static TrackerException Violation(Uri tracker, int httpStatus, string message) =>
            new TrackerException(tracker, TrackerErrorKind.ProtocolViolation, message) { HttpStatusCode = httpStatus };
    }
}
