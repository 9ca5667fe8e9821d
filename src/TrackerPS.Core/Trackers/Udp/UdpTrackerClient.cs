using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using TrackerPS.Core.Metainfo;
using TrackerPS.Core.Threading;

namespace TrackerPS.Core.Trackers.Udp
{
    /// <summary>
    /// A UDP tracker client (BEP 15, with BEP 41 URL data). Requests share one unconnected socket per address
    /// family, so many announces and scrapes can be in flight at once. Connection ids are reused for a minute through
    /// a <see cref="UdpConnectionIdCache"/>. Each request is bounded by <see cref="TrackerClientOptions.Timeout"/>,
    /// retransmissions included.
    /// </summary>
    public sealed class UdpTrackerClient : ITrackerClient, IDisposable
    {
        /// <summary>
        /// Scrape packets of one scrape in flight at once. A full packet (74 info-hashes, 1,496 bytes) takes about 2 to
        /// 4 KB of a receiving socket's buffer, and Linux gives a socket about 208 KB by default: the 136 packets of a
        /// 10,000-hash scrape sent at once overflowed opentracker's buffer on loopback, and each dropped packet then
        /// waited for its retransmission (BEP 15 §time outs) at a seventh of the timeout. Eight keep a scrape well inside
        /// any default buffer and still overlap the round trips.
        /// </summary>
        public const int MaxScrapePacketsInFlight = 8;

        private readonly TrackerClientOptions _options;
        private readonly UdpTransport _transport = new UdpTransport();
        private readonly UdpConnectedRequester _requester;

        /// <summary>Creates a client.</summary>
        /// <param name="options">Timeout and retransmission schedule.</param>
        /// <param name="connectionIds">A cache shared with other clients, or null for a private one.</param>
        /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
        public UdpTrackerClient(TrackerClientOptions options, UdpConnectionIdCache? connectionIds = null)
        {
            _options = options ?? throw new ArgumentNullException(nameof(options));
            _requester = new UdpConnectedRequester(_transport, connectionIds ?? new UdpConnectionIdCache(), options.UseBep15Retransmission);
        }

        /// <summary>Decodes an announce reply: <see cref="UdpAnnounceResponse.Decode"/>; tests put one in that fails unexpectedly.</summary>
        internal Func<byte[], uint, AddressFamily, UdpAnnounceResponse> AnnounceDecoder { get; init; } = UdpAnnounceResponse.Decode;

        /// <summary>Announces over UDP: connect (or a cached connection id), then BEP 15 §announce with BEP 41 URL data.</summary>
        /// <param name="request">The announce; <see cref="AnnounceRequest.Tracker"/> must be a <c>udp://host:port</c> URI.</param>
        /// <param name="cancellationToken">Cancels the request at once.</param>
        /// <returns>Interval, seeders, leechers and peers (IPv4 or IPv6, as the tracker's address family).</returns>
        /// <exception cref="ArgumentException">The peer id is not 20 bytes, the port is not 0–65535, or the URI path is too long.</exception>
        /// <exception cref="TrackerException">
        /// Error packet, timeout, invalid reply (also any unexpected exception reading it, kept as the inner exception),
        /// socket or name failure, or not a udp URI.
        /// </exception>
        /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
        public Task<AnnounceResponse> AnnounceAsync(AnnounceRequest request, CancellationToken cancellationToken)
        {
            if (request is null)
            {
                throw new ArgumentNullException(nameof(request));
            }

            UdpTrackerAddress.Validate(request.Tracker);
            byte[] urlData = UdpUrlData.Encode(UdpUrlData.GetRequestString(request.Tracker));
            UdpAnnounceRequest.Validate(request);
            return UdpOperation.RunAsync(request.Tracker, _options.Timeout, operation => AnnounceCoreAsync(operation, request, urlData), cancellationToken);
        }

        /// <summary>
        /// Scrapes over UDP (BEP 15 §scrape), up to 74 info-hashes per packet, at most <see cref="MaxScrapePacketsInFlight"/>
        /// packets in flight.
        /// </summary>
        /// <param name="request">The scrape; <see cref="ScrapeRequest.Tracker"/> must be a <c>udp://host:port</c> URI.</param>
        /// <param name="cancellationToken">Cancels the request at once.</param>
        /// <returns>One result per requested info-hash, in request order (BEP 15 answers by position, so none is omitted), and no notes.</returns>
        /// <exception cref="TrackerException">
        /// Error packet, timeout, invalid reply (also any unexpected exception reading it, kept as the inner exception),
        /// socket or name failure, or not a udp URI.
        /// </exception>
        /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
        public Task<ScrapeResponse> ScrapeAsync(ScrapeRequest request, CancellationToken cancellationToken)
        {
            if (request is null)
            {
                throw new ArgumentNullException(nameof(request));
            }

            UdpTrackerAddress.Validate(request.Tracker);
            return UdpOperation.RunAsync(request.Tracker, _options.Timeout, operation => ScrapeCoreAsync(operation, request), cancellationToken);
        }

        /// <summary>Closes the sockets; requests still in flight fail with <see cref="ObjectDisposedException"/>.</summary>
        public void Dispose() => _transport.Dispose();

        private async Task<AnnounceResponse> AnnounceCoreAsync(UdpOperation operation, AnnounceRequest request, byte[] urlData)
        {
            IPEndPoint endpoint = await UdpTrackerAddress.ResolveAsync(request.Tracker, _options.NetworkPolicy, operation.Token).ConfigureAwait(false);
            UdpReply reply = await _requester.SendAsync(
                operation,
                endpoint,
                UdpAction.Announce,
                (connectionId, transactionId) => UdpAnnounceRequest.Encode(connectionId, transactionId, request, urlData)).ConfigureAwait(false);
            string infoHash = request.InfoHash.Truncated.ToHex();
            if (UdpAnnounceResponse.IsRefusal(reply.Packet, reply.TransactionId))
            {
                throw new TrackerException(
                    request.Tracker,
                    TrackerErrorKind.ProtocolViolation,
                    $"UDP tracker {request.Tracker} refused the announce of {infoHash}: it answered with the 8-byte header alone (action 1, transaction id), "
                    + "no interval or peers, as opentracker does for an info-hash it does not serve.");
            }

            UdpAnnounceResponse decoded = AnnounceDecoder(reply.Packet, reply.TransactionId, endpoint.AddressFamily);
            return new AnnounceResponse
            {
                Tracker = request.Tracker,
                InfoHash = infoHash,
                Interval = TimeSpan.FromSeconds(decoded.Interval),
                Seeders = decoded.Seeders,
                Leechers = decoded.Leechers,
                Peers = ToPeers(decoded.Peers, infoHash, request.Tracker),
                Elapsed = operation.Elapsed,
            };
        }

        private async Task<ScrapeResponse> ScrapeCoreAsync(UdpOperation operation, ScrapeRequest request)
        {
            if (request.InfoHashes.Count == 0)
            {
                return new ScrapeResponse(new ScrapeResult[0], new string[0]);
            }

            IPEndPoint endpoint = await UdpTrackerAddress.ResolveAsync(request.Tracker, _options.NetworkPolicy, operation.Token).ConfigureAwait(false);
            var window = new HandoverThrottle(MaxScrapePacketsInFlight);
            var batches = new List<Task<ScrapeResult[]>>();
            for (int offset = 0; offset < request.InfoHashes.Count; offset += UdpScrapeRequest.MaxInfoHashes)
            {
                InfoHash[] batch = request.InfoHashes.Skip(offset).Take(UdpScrapeRequest.MaxInfoHashes).ToArray();
                batches.Add(ScrapeBatchAsync(operation, endpoint, batch, window));
            }

            ScrapeResult[][] results = await Task.WhenAll(batches).ConfigureAwait(false);
            return new ScrapeResponse(results.SelectMany(batch => batch).ToArray(), new string[0]);
        }

        private async Task<ScrapeResult[]> ScrapeBatchAsync(UdpOperation operation, IPEndPoint endpoint, InfoHash[] infoHashes, HandoverThrottle window)
        {
            await window.WaitAsync(operation.Token).ConfigureAwait(false);
            TimeSpan started = operation.Elapsed;
            UdpReply reply;
            try
            {
                reply = await _requester.SendAsync(
                    operation,
                    endpoint,
                    UdpAction.Scrape,
                    (connectionId, transactionId) => UdpScrapeRequest.Encode(connectionId, transactionId, infoHashes)).ConfigureAwait(false);
            }
            finally
            {
                window.Release();
            }

            UdpScrapeEntry[] entries = UdpScrapeResponse.Decode(reply.Packet, reply.TransactionId, infoHashes.Length);
            TimeSpan elapsed = operation.Elapsed - started;

            // BEP 15 §scrape: the counts come in the order the info-hashes were sent.
            return entries.Select((entry, i) => new ScrapeResult
            {
                Tracker = operation.Tracker,
                InfoHash = infoHashes[i].Truncated.ToHex(),
                Seeders = entry.Seeders,
                Leechers = entry.Leechers,
                Downloaded = entry.Completed,
                Elapsed = elapsed,
            }).ToArray();
        }

        private static Peer[] ToPeers(IPEndPoint[] peers, string infoHash, Uri tracker)
        {
            var converted = new Peer[peers.Length];
            for (int i = 0; i < peers.Length; i++)
            {
                converted[i] = ToPeer(peers[i], infoHash, tracker);
            }

            return converted;
        }

        private static Peer ToPeer(IPEndPoint peer, string infoHash, Uri tracker) => new Peer
        {
            IPAddress = peer.Address.ToString(),
            Port = peer.Port,
            AddressFamily = peer.AddressFamily,
            InfoHash = infoHash,
            Tracker = tracker,
            Source = peer.AddressFamily == AddressFamily.InterNetworkV6 ? PeerSource.Peers6 : PeerSource.Compact,
        };
    }
}
