using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using TrackerPS.Core.Authoring;
using TrackerPS.Core.Metainfo;
using TrackerPS.Core.Network;
using TrackerPS.Core.PeerWire;
using TrackerPS.Core.PeerWire.Metadata;
using TrackerPS.Core.Trackers;

namespace TrackerPS.Commands
{
    /// <summary>
    /// <c>Get-TorrentMetadata</c>: fetches a torrent's info dictionary from peers with ut_metadata (BEP 9, BEP 10), from a
    /// magnet link's <c>x.pe</c> peers and (unless <c>-NoAnnounce</c>) the peers its trackers return, verifies it against
    /// the v1 SHA-1 and/or v2 SHA-256 (BEP 52) and emits the torrent; with <c>-Destination</c> it writes a .torrent
    /// atomically, the info dictionary as the raw verified bytes. Each input is fetched in turn.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "TorrentMetadata", SupportsShouldProcess = true)]
    [OutputType(typeof(TorrentInfo))]
    public sealed class GetTorrentMetadataCommand : AsyncCmdlet
    {
        private const long MaxMetadataSizeLimit = 64 * 1024 * 1024;
        private const int ProgressActivityId = 0x7F;
        private const string ProgressActivity = "Get-TorrentMetadata";

        /// <summary>The info-hash: a MagnetLink's <c>InfoHash</c>, 40 hex / 32 base32 (v1) or 64 hex / 52 base32 (v2).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string InfoHash { get; set; } = null!;

        /// <summary>The v1 info-hash (a MagnetLink's <c>btih</c>); with <see cref="InfoHashV2"/> the metadata must match both.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? InfoHashV1 { get; set; }

        /// <summary>The v2 info-hash (a MagnetLink's <c>btmh</c>, 64 hex): the metadata's SHA-256 must match it.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? InfoHashV2 { get; set; }

        /// <summary>Peer addresses to ask (a MagnetLink's <c>x.pe</c> <c>Peers</c>): <c>host:port</c>, <c>[ipv6]:port</c>.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Peers")]
        public string[]? Peer { get; set; }

        /// <summary>Trackers to announce to for more peers (a MagnetLink's <c>tr</c>), also written to the .torrent.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public Uri[]? Tracker { get; set; }

        /// <summary>Web seeds (a MagnetLink's <c>ws</c>), written to the .torrent's <c>url-list</c>.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("WebSeeds")]
        public Uri[]? WebSeed { get; set; }

        /// <summary>Ask only the given peers; announce to no tracker.</summary>
        [Parameter]
        public SwitchParameter NoAnnounce { get; set; }

        /// <summary>
        /// Allows peers and trackers on private and link-local addresses, which the network policy refuses by default
        /// (peer lists and tracker URLs come from strangers, and could point at internal hosts).
        /// </summary>
        [Parameter]
        public SwitchParameter AllowLocalNetwork { get; set; }

        /// <summary>Where to write the .torrent: a file path, or an existing folder (the file is then named <c>&lt;info-hash&gt;.torrent</c>).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Destination { get; set; }

        /// <summary>The largest <c>metadata_size</c> accepted, in bytes (1 to 64 MiB); a peer announcing more is refused.</summary>
        [Parameter]
        [ValidateRange(1, MaxMetadataSizeLimit)]
        public long MaxMetadataSize { get; set; } = MetadataFetchOptions.DefaultMaxMetadataSize;

        /// <summary>Seconds a peer may stay silent, and seconds allowed per tracker announce.</summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; } = 15;

        /// <summary>Maximum peers talked to at once.</summary>
        [Parameter]
        [ValidateRange(1, 1024)]
        public int ThrottleLimit { get; set; } = PeerProber.DefaultThrottleLimit;

        /// <summary>The magnet link a piped input came from (a MagnetLink's <c>MagnetUri</c>). It only names that input in errors.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true, DontShow = true)]
        public string? MagnetUri { get; set; }

        /// <summary>Fetches this input's metadata; a failure is a non-terminating error naming the peers.</summary>
        protected override void ProcessRecord()
        {
            MetadataTarget? target = CreateTarget();
            if (target is null)
            {
                return;
            }

            var peers = new List<PeerAddress>();
            foreach (string text in Peer ?? Array.Empty<string>())
            {
                try
                {
                    peers.Add(PeerAddress.Parse(text));
                }
                catch (FormatException error)
                {
                    WriteError(new ErrorRecord(error, ErrorIds.InvalidPeerEndPoint, ErrorCategory.InvalidArgument, text));
                }
            }

            object errorTarget = MagnetUri ?? InfoHash;
            byte[]? info = null;
            try
            {
                RunAndPump(async (queue, token) => info = await FetchAsync(target, peers, queue, token).ConfigureAwait(false));
            }
            catch (MetadataFetchException error)
            {
                bool mismatch = error.Kind == MetadataErrorKind.HashMismatch;
                WriteError(new ErrorRecord(
                    error,
                    mismatch ? ErrorIds.MetadataHashMismatch : ErrorIds.MetadataNotFound,
                    mismatch ? ErrorCategory.InvalidData : ErrorCategory.ObjectNotFound,
                    errorTarget));
                return;
            }
            finally
            {
                if (!StopToken.IsCancellationRequested)
                {
                    WriteProgress(new ProgressRecord(ProgressActivityId, ProgressActivity, "Done") { RecordType = ProgressRecordType.Completed });
                }
            }

            Emit(info!, target);
        }

        private NetworkPolicy Policy => AllowLocalNetwork ? new NetworkPolicy { AllowLocalNetwork = true } : NetworkPolicy.Default;

        private MetadataTarget? CreateTarget()
        {
            InfoHash? given = InfoHashArgument.Parse(this, InfoHash);
            InfoHash? v1 = string.IsNullOrEmpty(InfoHashV1) ? null : InfoHashArgument.Parse(this, InfoHashV1!);
            InfoHash? v2 = string.IsNullOrEmpty(InfoHashV2) ? null : InfoHashArgument.Parse(this, InfoHashV2!);
            if (given is null || (!string.IsNullOrEmpty(InfoHashV1) && v1 is null) || (!string.IsNullOrEmpty(InfoHashV2) && v2 is null))
            {
                return null;
            }

            // A magnet link with only btmh names itself by the truncated v2 hash, which is no v1 hash to verify against.
            if (given.Length == 32)
            {
                v2 ??= given;
            }
            else if (v1 is null && (v2 is null || !v2.Truncated.Equals(given)))
            {
                v1 = given;
            }

            return new MetadataTarget(v1, v2);
        }

        private async Task<byte[]> FetchAsync(MetadataTarget target, List<PeerAddress> peers, PipelineWriteQueue queue, CancellationToken cancellationToken)
        {
            if (!NoAnnounce && Tracker is { Length: > 0 })
            {
                peers.AddRange(await AnnounceAsync(target, queue, cancellationToken).ConfigureAwait(false));
            }

            queue.WriteVerbose($"Fetching the metadata of {target.HandshakeHash.ToHex()} from {peers.Count} peer(s)");
            var fetcher = new MetadataFetcher(new MetadataFetchOptions
            {
                Timeout = TimeSpan.FromSeconds(TimeoutSec),
                MaxMetadataSize = MaxMetadataSize,
                ThrottleLimit = ThrottleLimit,
                NetworkPolicy = Policy,
            })
            {
                OnPeerFailed = (peer, reason) => queue.WriteVerbose($"Peer {peer} dropped: {reason}"),
                OnProgress = progress => queue.WriteProgress(Describe(progress)),
            };
            return await fetcher.FetchAsync(target, peers, cancellationToken).ConfigureAwait(false);
        }

        private static ProgressRecord Describe(MetadataFetchProgress progress)
        {
            string status = string.Format(
                CultureInfo.InvariantCulture,
                "{0} of {1} peers tried, {2} connected; {3} of {4} pieces",
                progress.Tried,
                progress.Peers,
                progress.Connected,
                progress.PiecesReceived,
                progress.PieceCount == 0 ? "?" : progress.PieceCount.ToString(CultureInfo.InvariantCulture));
            return new ProgressRecord(ProgressActivityId, ProgressActivity, status)
            {
                PercentComplete = progress.PieceCount == 0 ? 0 : progress.PiecesReceived * 100 / progress.PieceCount,
            };
        }

        private async Task<IEnumerable<PeerAddress>> AnnounceAsync(MetadataTarget target, PipelineWriteQueue queue, CancellationToken cancellationToken)
        {
            var options = new TrackerClientOptions { Timeout = TimeSpan.FromSeconds(TimeoutSec), NetworkPolicy = Policy };
            var announcer = new TorrentAnnouncer(TrackerClientFactory.CreateDefault(TrackerSession.Default), TrackerSession.Default, options)
            {
                OnCompleted = outcome =>
                {
                    if (outcome.Error is not null)
                    {
                        queue.WriteVerbose(outcome.Error.Message);
                    }
                },
            };
            // Forced: a lookup needs the peers now, even when this session announced the torrent moments ago.
            var hashes = new[] { target.HandshakeHash, target.UpgradedHash }.Where(h => h is not null);
            IReadOnlyList<AnnounceOutcome> outcomes = await announcer.AnnounceAsync(
                new AnnounceTarget(hashes), TorrentAnnouncer.OneTierEach(Tracker!.Where(t => t is not null)), new AnnounceTemplate { Left = 1, Force = true }, cancellationToken).ConfigureAwait(false);
            var found = new List<PeerAddress>();
            foreach (TrackerPS.Peer peer in outcomes.Where(o => o.Response is not null).SelectMany(o => o.Response!.Peers))
            {
                try
                {
                    found.Add(PeerAddress.Parse(peer.EndPoint));
                }
                catch (FormatException)
                {
                    // A port 0 from a tracker: nothing to connect to.
                }
            }

            return found;
        }

        private void Emit(byte[] info, MetadataTarget target)
        {
            Uri[] trackers = (Tracker ?? Array.Empty<Uri>()).Where(t => t is not null).ToArray();
            byte[] torrent = TorrentFileComposer.Compose(info, trackers.Select(t => new[] { t }).ToArray(), (WebSeed ?? Array.Empty<Uri>()).Where(w => w is not null).ToArray());
            if (Destination is null)
            {
                WriteObject(TorrentReader.Read(torrent, MagnetUri ?? InfoHash));
                return;
            }

            string path = GetUnresolvedProviderPathFromPSPath(Destination);
            if (Directory.Exists(path))
            {
                path = Path.Combine(path, target.HandshakeHash.ToHex() + ".torrent");
            }

            if (!ShouldProcess(path, "Write torrent"))
            {
                return;
            }

            try
            {
                AtomicFileWriter.Write(path, torrent, StopToken);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C: nothing was replaced and the temporary file is gone; PowerShell ends the pipeline.
                return;
            }
            catch (Exception error) when (error is IOException || error is UnauthorizedAccessException)
            {
                WriteError(ErrorRecords.WriteFailed(error, path));
                return;
            }

            WriteObject(TorrentReader.ReadFile(path));
        }
    }
}
