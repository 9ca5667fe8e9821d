using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TrackerPS.Core.Metainfo;

namespace TrackerPS.Core.PeerWire
{
    /// <summary>
    /// Probes peers: connects, exchanges the plaintext handshake (BEP 3) offering the extension protocol (BEP 10), the
    /// Fast extension (BEP 6) and, for a hybrid torrent, the v2 upgrade (BEP 52), then reads the peer's first messages
    /// (extension handshake, bitfield or have_all / have_none) until it has them or the timeout ends. Only connects to
    /// the addresses given; never listens. Peers are probed concurrently, at most <see cref="ThrottleLimit"/> at a time,
    /// each within its own timeout, which starts once it has a slot.
    /// </summary>
    public sealed class PeerProber
    {
        /// <summary>Default <see cref="ThrottleLimit"/>: 64 peers at once, as for tracker requests.</summary>
        public const int DefaultThrottleLimit = 64;

        private readonly byte[] _peerId;
        private readonly TimeSpan _timeout;
        private readonly string _clientName;

        /// <summary>Creates a prober.</summary>
        /// <param name="peerId">Our 20-byte peer id.</param>
        /// <param name="clientName">Our BEP 10 <c>v</c>, e.g. <c>TrackerPS/0.1.0</c>.</param>
        /// <param name="timeout">Bound on each probe, connect included.</param>
        /// <param name="throttleLimit">Maximum probes at once (≥ 1).</param>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="throttleLimit"/> is below 1 or <paramref name="timeout"/> is not positive.</exception>
        public PeerProber(byte[] peerId, string clientName, TimeSpan timeout, int throttleLimit = DefaultThrottleLimit)
        {
            if (throttleLimit < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(throttleLimit), throttleLimit, "The throttle limit must be at least 1.");
            }

            if (timeout <= TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "The timeout must be positive.");
            }

            _peerId = peerId ?? throw new ArgumentNullException(nameof(peerId));
            _clientName = clientName ?? throw new ArgumentNullException(nameof(clientName));
            _timeout = timeout;
            ThrottleLimit = throttleLimit;
        }

        /// <summary>Maximum probes at once.</summary>
        public int ThrottleLimit { get; }

        /// <summary>The SSRF rules every connection obeys; <see cref="Network.NetworkPolicy.Default"/> unless set.</summary>
        public Network.NetworkPolicy NetworkPolicy { get; init; } = Network.NetworkPolicy.Default;

        /// <summary>Called, from any thread, with each probe as it completes. Must be thread-safe and quick.</summary>
        public Action<PeerProbe>? OnCompleted { get; init; }

        /// <summary>Probes every target, each result going to <see cref="OnCompleted"/> as it completes.</summary>
        /// <param name="targets">The peers.</param>
        /// <param name="cancellationToken">Cancels every probe at once (their sockets close).</param>
        /// <returns>The probes, in the order of <paramref name="targets"/>.</returns>
        /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
        public async Task<IReadOnlyList<PeerProbe>> ProbeAllAsync(IEnumerable<PeerProbeTarget> targets, CancellationToken cancellationToken)
        {
            using var throttle = new SemaphoreSlim(ThrottleLimit);
            Task<PeerProbe>[] probes = targets.Select(target => ProbeThrottledAsync(target, throttle, cancellationToken)).ToArray();
            return await Task.WhenAll(probes).ConfigureAwait(false);
        }

        /// <summary>Probes one peer within the timeout. A failure is a probe with <see cref="PeerProbe.Error"/>, not an exception.</summary>
        /// <param name="target">The peer.</param>
        /// <param name="cancellationToken">Cancels the probe.</param>
        /// <returns>The probe.</returns>
        /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
        public async Task<PeerProbe> ProbeAsync(PeerProbeTarget target, CancellationToken cancellationToken)
        {
            if (target is null)
            {
                throw new ArgumentNullException(nameof(target));
            }

            PeerFeatures features = PeerFeatures.ExtensionProtocol | PeerFeatures.Fast | (target.UpgradedHash is null ? 0 : PeerFeatures.V2Upgrade);
            var ours = new PeerHandshake(features, target.InfoHash, _peerId);
            var findings = new PeerProbeFindings(target);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_timeout);
            try
            {
                using PeerSession session = await PeerSession.OpenAsync(target.Address, ours, target.UpgradedHash, NetworkPolicy, timeout.Token).ConfigureAwait(false);
                findings.Handshaken(session);
                if ((session.Remote.Features & PeerFeatures.ExtensionProtocol) != 0)
                {
                    var handshake = new ExtensionHandshake { Client = _clientName, Messages = new Dictionary<string, byte>() };
                    await session.Connection.SendAsync(handshake.Encode().Encode()).ConfigureAwait(false);
                }

                while (!findings.IsComplete)
                {
                    findings.Read(await session.Connection.ReadMessageAsync(PeerMessage.MaxLength).ConfigureAwait(false));
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // After the handshake, a peer that stays quiet has said all it will: what was read stands.
                findings.TimedOut(_timeout);
            }
            catch (PeerWireException error)
            {
                findings.Failed(error);
            }

            return findings.ToProbe();
        }

        private async Task<PeerProbe> ProbeThrottledAsync(PeerProbeTarget target, SemaphoreSlim throttle, CancellationToken cancellationToken)
        {
            await throttle.WaitAsync(cancellationToken).ConfigureAwait(false);
            PeerProbe probe;
            try
            {
                probe = await ProbeAsync(target, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                throttle.Release();
            }

            OnCompleted?.Invoke(probe);
            return probe;
        }
    }
}
