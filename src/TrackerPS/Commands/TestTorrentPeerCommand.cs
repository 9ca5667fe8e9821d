using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using TrackerPS.Core.Metainfo;
using TrackerPS.Core.Network;
using TrackerPS.Core.PeerWire;
using TrackerPS.Core.Trackers;

namespace TrackerPS.Commands
{
    /// <summary>
    /// <c>Test-TorrentPeer</c>: connects to peers (BEP 3 plaintext handshake) and reports whether each answers for the
    /// info-hash, how fast, what it runs, its reserved-bit features, its extension handshake (BEP 10, BEP 9) and whether
    /// it has everything (BEP 6 have_all, BEP 3 bitfield). Takes <c>Peer</c> objects from <c>Invoke-TrackerAnnounce</c> by
    /// property name. The whole pipeline is gathered, then peers are probed concurrently and results written as each
    /// completes. Connects only to the addresses given; never listens.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "TorrentPeer")]
    [OutputType(typeof(PeerProbe))]
    public sealed class TestTorrentPeerCommand : AsyncCmdlet
    {
        private const int ProgressActivityId = 0x7C;
        private const string ProgressActivity = "Test-TorrentPeer";

        private readonly List<PeerProbeTarget> _targets = new List<PeerProbeTarget>();
        private readonly HashSet<string> _seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>Peer addresses: <c>1.2.3.4:6881</c>, <c>[::1]:6881</c> or <c>host:6881</c> (a Peer's <c>EndPoint</c>).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] EndPoint { get; set; } = null!;

        /// <summary>The info-hash to ask about: 40 hex or 32 base32 (v1, or a truncated v2), or 64 hex / 52 base32 (v2, sent truncated, BEP 52).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string InfoHash { get; set; } = null!;

        /// <summary>
        /// A hybrid torrent's v2 hash (64 hex or 52 base32): when it differs from <see cref="InfoHash"/>, the handshake
        /// offers the BEP 52 upgrade and accepts the truncated v2 hash in reply. Leave it out for a v1-only torrent.
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? InfoHashV2 { get; set; }

        /// <summary>Seconds allowed per peer: connect, handshake and first messages.</summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; } = 5;

        /// <summary>Maximum peers probed at once.</summary>
        [Parameter]
        [ValidateRange(1, 4096)]
        public int ThrottleLimit { get; set; } = PeerProber.DefaultThrottleLimit;

        /// <summary>
        /// Allows peers on private and link-local addresses (10.0.0.0/8, 192.168.0.0/16, fe80::/10 …), which the network
        /// policy refuses by default: peer lists come from trackers, and a hostile one could point probes at internal hosts.
        /// </summary>
        [Parameter]
        public SwitchParameter AllowLocalNetwork { get; set; }

        /// <summary>Gathers this input's peers; a bad address or info-hash is a non-terminating error for that input.</summary>
        protected override void ProcessRecord()
        {
            InfoHash? hash = InfoHashArgument.Parse(this, InfoHash);
            InfoHash? v2 = string.IsNullOrEmpty(InfoHashV2) ? null : InfoHashArgument.Parse(this, InfoHashV2!);
            if (hash is null)
            {
                return;
            }

            foreach (string text in EndPoint)
            {
                PeerAddress address;
                try
                {
                    address = PeerAddress.Parse(text);
                }
                catch (FormatException error)
                {
                    WriteError(new ErrorRecord(error, ErrorIds.InvalidPeerEndPoint, ErrorCategory.InvalidArgument, text));
                    continue;
                }

                var target = new PeerProbeTarget(address, hash.Truncated, v2?.Truncated);
                if (_seen.Add(address + " " + target.InfoHash.ToHex()))
                {
                    _targets.Add(target);
                }
            }
        }

        /// <summary>Probes every peer gathered, writing each result as it completes.</summary>
        protected override void EndProcessing()
        {
            if (_targets.Count == 0)
            {
                return;
            }

            try
            {
                RunAndPump(ProbeAsync);
            }
            finally
            {
                if (!StopToken.IsCancellationRequested)
                {
                    WriteProgress(new ProgressRecord(ProgressActivityId, ProgressActivity, "Done") { RecordType = ProgressRecordType.Completed });
                }
            }
        }

        private async Task ProbeAsync(PipelineWriteQueue queue, CancellationToken cancellationToken)
        {
            using var progress = new TrackerProgress(ProgressActivityId, ProgressActivity, "{0} of {1} peers probed", _targets.Count, queue);
            var prober = new PeerProber(TrackerSession.Default.PeerId, PeerClientName.Ours, TimeSpan.FromSeconds(TimeoutSec), ThrottleLimit)
            {
                NetworkPolicy = AllowLocalNetwork ? new NetworkPolicy { AllowLocalNetwork = true } : NetworkPolicy.Default,
                OnCompleted = probe =>
                {
                    progress.Answered();
                    queue.WriteObject(probe);
                },
            };
            progress.Start();
            await prober.ProbeAllAsync(_targets, cancellationToken).ConfigureAwait(false);
        }
    }
}
