#nullable enable
using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace TrackerPS.Benchmarks.Cmdlets
{
    /// <summary>
    /// Issue 11's floor for an HTTP announce: what <see cref="HttpClient"/> alone costs. It GETs each URL once with one
    /// client configured as TrackerPS's HTTP transport is (no automatic redirects or decompression, a
    /// <c>User-Agent</c> and <c>Accept-Encoding</c> header, headers read first, then the whole body), a fixed number of requests
    /// in flight, and sends a GET again on a dropped connection as the transport does (at most 3 sends). It does nothing
    /// else: no URL building, network policy, bencode, announce schedule or PowerShell output. Compiled by
    /// tracker-worker.ps1 with Add-Type, like WriteFloorObjectCommand.cs.
    /// </summary>
    public sealed class HttpClientFloor : IDisposable
    {
        private const int MaxSends = 3;
        private readonly HttpClient _client;

        /// <summary>Creates the one client every run uses, as the transport keeps one per session.</summary>
        public HttpClientFloor()
        {
            var handler = new HttpClientHandler { AllowAutoRedirect = false, AutomaticDecompression = DecompressionMethods.None };
            _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
            _client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", "TrackerPS-benchmark");
            _client.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Encoding", "gzip, deflate");
        }

        /// <summary>GETs every URL, <paramref name="inFlight"/> at a time.</summary>
        /// <param name="urls">The announce URLs, one per info-hash.</param>
        /// <param name="inFlight">Requests in flight at once (1 or more).</param>
        /// <returns>The number of GETs that failed after their last send.</returns>
        public int Run(string[] urls, int inFlight)
        {
            int next = -1;
            int failed = 0;
            async Task Worker()
            {
                int index;
                while ((index = Interlocked.Increment(ref next)) < urls.Length)
                {
                    if (!await GetAsync(urls[index]).ConfigureAwait(false))
                    {
                        Interlocked.Increment(ref failed);
                    }
                }
            }

            var workers = new Task[inFlight];
            for (int i = 0; i < inFlight; i++)
            {
                workers[i] = Task.Run(Worker);
            }

            Task.WaitAll(workers);
            return failed;
        }

        /// <inheritdoc />
        public void Dispose() => _client.Dispose();

        private async Task<bool> GetAsync(string url)
        {
            for (int send = 1; send <= MaxSends; send++)
            {
                try
                {
                    using var request = new HttpRequestMessage(HttpMethod.Get, url);
                    using HttpResponseMessage response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
                    byte[] body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                    return response.IsSuccessStatusCode && body.Length > 0;
                }
                catch (HttpRequestException)
                {
                }
            }

            return false;
        }
    }
}
