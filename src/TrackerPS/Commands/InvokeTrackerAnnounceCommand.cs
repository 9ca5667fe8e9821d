using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using TrackerPS.Core.Metainfo;
using TrackerPS.Core.Network;
using TrackerPS.Core.Trackers;

namespace TrackerPS.Commands
{
    /// <summary>
    /// <c>Invoke-TrackerAnnounce</c>: announces info-hashes to HTTP and UDP trackers (BEP 3, 15) all at once, or tier by
    /// tier (BEP 12, <c>-TierMode FirstSuccess</c>), and emits the peers (or, with <c>-AsResponse</c>, the responses) as each
    /// tracker answers. Announces within a tracker's <c>min interval</c> are skipped with a warning unless <c>-Force</c>.
    /// An announce joins or leaves a swarm, so each tracker and info-hash goes through ShouldProcess (<c>-WhatIf</c>,
    /// <c>-Confirm</c>).
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "TrackerAnnounce", DefaultParameterSetName = HashParameterSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Peer), typeof(AnnounceResponse))]
    public sealed class InvokeTrackerAnnounceCommand : TrackerCmdlet
    {
        private const string HashParameterSet = "Hash";
        private const int ProgressActivityId = 0x7A;
        private const string ProgressActivity = "Invoke-TrackerAnnounce";

        private byte[]? _peerId;

        /// <summary>
        /// Info-hashes: 40 or 64 hex characters, or 32 or 52 base32; a v2 hash is announced truncated (BEP 52). Plain
        /// strings bind from the pipeline (<c>Get-Content hashes.txt</c>), objects by their InfoHash property.
        /// </summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = HashParameterSet)]
        [ValidateNotNullOrEmpty]
        public string[] InfoHash { get; set; } = null!;

        /// <summary>A hybrid or v2 torrent's full v2 hash (64 hex or 52 base32); its truncated form is announced too when it differs.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = HashParameterSet)]
        public string? InfoHashV2 { get; set; }

        /// <summary>
        /// Tracker announce URIs (http, https, udp); each is its own tier unless <see cref="TrackerTiers"/> is given. An
        /// input without any tracker to ask (a trackerless torrent, a magnet link without <c>tr</c>) is a non-terminating
        /// NoTracker error.
        /// </summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true, ParameterSetName = HashParameterSet)]
        public Uri[]? Tracker { get; set; }

        /// <summary>BEP 12 tiers; when given, they replace <see cref="Tracker"/> and their order is kept in the output.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = HashParameterSet)]
        public Uri[][]? TrackerTiers { get; set; }

        /// <summary>Trackers added after the torrent's own, one tier each; ignored with a warning for a private torrent (BEP 27).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public Uri[]? AdditionalTracker { get; set; }

        /// <summary>The torrent is private (BEP 27): only its own trackers are used. Binds from a TorrentInfo's IsPrivate.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public SwitchParameter IsPrivate { get; set; }

        /// <summary>How the tiers are walked: every tracker at once (All, the default) or until one answers (FirstSuccess, BEP 12).</summary>
        [Parameter]
        public TierMode TierMode { get; set; }

        /// <summary>Announce even when a tracker's <c>min interval</c> (BEP 3) or <c>retry in</c> (BEP 31) has not passed.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>
        /// Keep announcing at each tracker's interval (back-off after failures) until Ctrl+C, writing only newly seen peers,
        /// then send <c>stopped</c> to every tracker. Each pipeline input repeats until stopped, so pipe one torrent.
        /// </summary>
        [Parameter]
        public SwitchParameter Repeat { get; set; }

        /// <summary>Our peer id: 20 characters (one byte each) or 40 hex. Default: the session's <c>-TP…</c> peer id.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? PeerId { get; set; }

        /// <summary>TCP port we claim to listen on.</summary>
        [Parameter]
        [ValidateRange(0, 65535)]
        public int Port { get; set; } = 6881;

        /// <summary>Bytes uploaded.</summary>
        [Parameter]
        [ValidateRange(0L, long.MaxValue)]
        public long Uploaded { get; set; }

        /// <summary>Bytes downloaded.</summary>
        [Parameter]
        [ValidateRange(0L, long.MaxValue)]
        public long Downloaded { get; set; }

        /// <summary>Bytes left to download; binds from a TorrentInfo's TotalSize.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("TotalSize")]
        [ValidateRange(0L, long.MaxValue)]
        public long Left { get; set; }

        /// <summary>The announce event; Stopped asks for no peers.</summary>
        [Parameter]
        public TrackerEvent Event { get; set; }

        /// <summary>Number of peers wanted; -1 (the default) leaves it to the tracker.</summary>
        [Parameter]
        [ValidateRange(-1, int.MaxValue)]
        public int NumWant { get; set; } = -1;

        /// <summary>The key (BEP 7/15). Default: a random key per info-hash, stable for the session.</summary>
        [Parameter]
        public uint? Key { get; set; }

        /// <summary>The tracker id to send. Default: the one each tracker last returned in this session.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? TrackerId { get; set; }

        /// <summary>Ask HTTP trackers for compact peers (BEP 23); on by default, <c>-Compact:$false</c> asks for dictionaries.</summary>
        [Parameter]
        public SwitchParameter Compact { get; set; } = true;

        /// <summary>Emit one AnnounceResponse per tracker and info-hash instead of the peers.</summary>
        [Parameter]
        public SwitchParameter AsResponse { get; set; }

        /// <summary>Parses <c>-PeerId</c> once: a bad peer id stops the command.</summary>
        protected override void BeginProcessing()
        {
            if (PeerId is null)
            {
                return;
            }

            try
            {
                _peerId = PeerIdParser.Parse(PeerId);
            }
            catch (ArgumentException error)
            {
                ThrowTerminatingError(new ErrorRecord(error, "InvalidPeerId", ErrorCategory.InvalidArgument, PeerId));
            }
        }

        /// <summary>Announces this input's info-hashes to its trackers; an input without trackers is a NoTracker error.</summary>
        protected override void ProcessRecord()
        {
            Uri[] own = Array.FindAll(Tracker ?? Array.Empty<Uri>(), t => t is not null);
            IReadOnlyList<IReadOnlyList<Uri>> tiers = AnnounceTiers.Combine(
                TrackerTiers is { Length: > 0 } ? TrackerTiers : TorrentAnnouncer.OneTierEach(own), AdditionalTracker, IsPrivate.IsPresent);
            if (IsPrivate.IsPresent && AdditionalTracker is { Length: > 0 })
            {
                WriteWarning(string.Format(
                    CultureInfo.InvariantCulture,
                    "The torrent is private (BEP 27): ignoring -AdditionalTracker {0}; only its own trackers are announced to.",
                    string.Join(", ", Array.ConvertAll(AdditionalTracker, TrackerUriRedactor.Redact))));
            }

            if (tiers.All(tier => tier.Count == 0))
            {
                WriteNoTracker(InfoHash, "-Tracker or -AdditionalTracker");
                return;
            }

            AnnounceTarget? target = ParseTarget();
            if (target is null)
            {
                return;
            }

            IReadOnlyList<AnnounceRun> runs = AnnounceRun.Approved(target, tiers, ShouldAnnounce);
            if (runs.Count == 0)
            {
                return;
            }

            try
            {
                RunAndPump((queue, cancellationToken) => AnnounceAsync(runs, queue, cancellationToken));
            }
            finally
            {
                // A stopped pipeline takes no more writes; the host clears its progress display itself.
                if (!StopToken.IsCancellationRequested)
                {
                    WriteProgress(new ProgressRecord(ProgressActivityId, ProgressActivity, "Done") { RecordType = ProgressRecordType.Completed });
                }
            }
        }

        private AnnounceTarget? ParseTarget()
        {
            var hashes = new List<InfoHash?>();
            foreach (string text in InfoHash)
            {
                hashes.Add(ParseInfoHash(text));
            }

            if (!string.IsNullOrEmpty(InfoHashV2))
            {
                hashes.Add(ParseInfoHash(InfoHashV2!));
            }

            return hashes.Exists(h => h is not null) ? new AnnounceTarget(hashes) : null;
        }

        // The -WhatIf line (and -Verbose intent) for one tracker and info-hash, passkeys elided.
        private bool ShouldAnnounce(Uri tracker, InfoHash hash)
        {
            string shown = TrackerUriRedactor.Redact(tracker);
            return ShouldProcess(
                string.Format(CultureInfo.InvariantCulture, "Announce {0} (event {1}, port {2}) to {3}", hash, Event, Port, shown),
                string.Format(CultureInfo.InvariantCulture, "Announce {0} (event {1}) to {2}?", hash, Event, shown),
                ProgressActivity);
        }

        private Task AnnounceAsync(IReadOnlyList<AnnounceRun> runs, PipelineWriteQueue queue, CancellationToken cancellationToken)
        {
            TrackerClientOptions options = CreateClientOptions();
            var template = new AnnounceTemplate
            {
                PeerId = _peerId,
                Port = Port,
                Uploaded = Uploaded,
                Downloaded = Downloaded,
                Left = Left,
                Event = Event,
                NumWant = NumWant,
                Key = Key,
                TrackerId = TrackerId,
                Compact = Compact.IsPresent,
                Force = Force.IsPresent,
            };
            // A repeat has no end to measure progress against.
            TrackerProgress? progress = Repeat.IsPresent
                ? null
                : new TrackerProgress(ProgressActivityId, ProgressActivity, "{0} of {1} tracker announces answered", runs.Sum(run => TorrentAnnouncer.CountRequests(run.Target, run.Tiers)), queue);
            var writer = new AnnounceOutcomeWriter(queue, AsResponse.IsPresent, Repeat.IsPresent ? new NewPeerFilter() : null);
            var factory = TrackerClientFactory.CreateDefault(TrackerSession.Default);
            // No line per request is built when PowerShell would drop it.
            Action<AnnounceRequest>? sending = !queue.VerboseShown ? null : request => queue.WriteVerbose(string.Format(
                CultureInfo.InvariantCulture,
                "Announcing {0} (event {1}, port {2}) to {3}",
                request.InfoHash,
                request.Event,
                request.Port,
                TrackerUriRedactor.Redact(request.Tracker)));
            var announcer = new TorrentAnnouncer(factory, TrackerSession.Default, options, ThrottleLimit)
            {
                TierMode = TierMode,
                OnSending = sending,
                OnCompleted = outcome =>
                {
                    progress?.Answered();
                    writer.Write(outcome);
                },
            };
            if (Repeat.IsPresent)
            {
                // The stopper writes only verbose lines: once the pipeline stopped it takes no more output, and after
                // Ctrl+C not even those (the line written before the repeat says what will happen).
                var stopper = new TorrentAnnouncer(factory, TrackerSession.Default, options, ThrottleLimit) { TierMode = TierMode, OnSending = sending };
                queue.WriteVerbose(string.Format(
                    CultureInfo.InvariantCulture,
                    "Repeating until the pipeline stops; then sending stopped to every tracker and waiting for the answers (at most {0} s)",
                    AnnounceRepeater.StopTimeout.TotalSeconds));
                var repeater = new AnnounceRepeater(announcer, stopper, () => DateTimeOffset.UtcNow, (wait, token) => Task.Delay(wait, token));
                return Task.WhenAll(runs.Select(run => repeater.RunAsync(run.Target, run.Tiers, template, cancellationToken)));
            }

            return AnnounceWithProgressAsync(announcer, progress!, runs, template, cancellationToken);
        }

        private static async Task AnnounceWithProgressAsync(
            TorrentAnnouncer announcer, TrackerProgress progress, IReadOnlyList<AnnounceRun> runs, AnnounceTemplate template, CancellationToken cancellationToken)
        {
            using (progress)
            {
                progress.Start();
                await Task.WhenAll(runs.Select(run => announcer.AnnounceAsync(run.Target, run.Tiers, template, cancellationToken))).ConfigureAwait(false);
            }
        }
    }
}
