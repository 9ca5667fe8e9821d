using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace TrackerPS.Core.PeerWire.Metadata
{
    /// <summary>
    /// Fetches a torrent's info dictionary from peers with ut_metadata (BEP 9, BEP 10), from several peers at once, and
    /// verifies it against the v1 SHA-1 and/or the v2 SHA-256 (BEP 52) before returning it. See
    /// <see cref="MetadataPeerWorker"/> for what a hostile peer is dropped for and <see cref="MetadataSwarm"/> for how a
    /// hash mismatch is recovered from.
    /// </summary>
    public sealed class MetadataFetcher
    {
        private readonly MetadataFetchOptions _options;

        /// <summary>Creates a fetcher.</summary>
        /// <param name="options">Limits and identity.</param>
        /// <exception cref="ArgumentOutOfRangeException">A limit is out of range.</exception>
        public MetadataFetcher(MetadataFetchOptions options)
        {
            _options = options ?? throw new ArgumentNullException(nameof(options));
            if (options.ThrottleLimit < 1 || options.MaxMetadataSize < 1 || options.Timeout <= TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(options), "The throttle limit, the maximum metadata size and the timeout must be positive.");
            }
        }

        /// <summary>Called, from any thread, when a peer is dropped or gives up: the peer (<c>host:port</c>) and why. Must be quick.</summary>
        public Action<string, string>? OnPeerFailed { get; init; }

        /// <summary>
        /// Called, from any thread but one call at a time and in order, first with nothing done, then whenever a peer is
        /// tried or connects, a size is announced or a piece arrives (or is discarded by a failed hash check). Must be quick.
        /// </summary>
        public Action<MetadataFetchProgress>? OnProgress { get; init; }

        /// <summary>Fetches and verifies the info dictionary.</summary>
        /// <param name="target">The hashes to verify against.</param>
        /// <param name="peers">The peers to ask; duplicates are asked once.</param>
        /// <param name="cancellationToken">Cancels every connection at once.</param>
        /// <returns>The raw bencoded info dictionary, exactly as the peers sent it.</returns>
        /// <exception cref="MetadataFetchException">Every peer failed (NotFound) or every complete assembly failed its check (HashMismatch).</exception>
        /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
        public async Task<byte[]> FetchAsync(MetadataTarget target, IEnumerable<PeerAddress> peers, CancellationToken cancellationToken)
        {
            PeerAddress[] distinct = peers.GroupBy(p => p.ToString(), SeededComparer.OrdinalIgnoreCase).Select(g => g.First()).ToArray();
            var swarm = new MetadataSwarm(target, distinct.Length) { OnPeerFailed = OnPeerFailed, OnProgress = OnProgress };
            swarm.Report();
            using var done = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            using var throttle = new SemaphoreSlim(_options.ThrottleLimit);
            Task[] workers = distinct.Select(p => RunThrottledAsync(new MetadataPeerWorker(swarm, target, _options, p), throttle, done.Token)).ToArray();
            Task all = Task.WhenAll(workers);
            await Task.WhenAny(swarm.Result.Task, all).ConfigureAwait(false);
            done.Cancel();
            try
            {
                await all.ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (done.IsCancellationRequested)
            {
                // The workers waiting for a throttle slot when the result came.
            }

            if (swarm.Result.Task.IsCompleted)
            {
                return await swarm.Result.Task.ConfigureAwait(false);
            }

            cancellationToken.ThrowIfCancellationRequested();
            throw swarm.Error();
        }

        private static async Task RunThrottledAsync(MetadataPeerWorker worker, SemaphoreSlim throttle, CancellationToken cancellationToken)
        {
            await throttle.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await worker.RunAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                throttle.Release();
            }
        }
    }
}
