using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using System.Threading;
using TrackerPS.Core.Authoring;
using TrackerPS.Core.Bencode;
using TrackerPS.Core.Metainfo;

namespace TrackerPS.Commands
{
    /// <summary>
    /// <c>Test-Torrent</c>: checks downloaded data against a torrent's v1 piece hashes, v2 <c>pieces root</c> and
    /// <c>piece layers</c>, or both for a hybrid; writes one <see cref="FileCheck"/> per file, or with <c>-Summary</c> one
    /// <see cref="TorrentCheck"/> per torrent. Reads only: data files are never created, truncated or locked.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "Torrent", DefaultParameterSetName = ParameterSets.Path)]
    [OutputType(typeof(FileCheck), typeof(TorrentCheck))]
    public sealed class TestTorrentCommand : TorrentFileCmdlet, IDisposable
    {
        private const int HashActivityId = 0x7E;
        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();

        /// <summary>Torrents from <c>Get-TorrentInfo</c>; each is read again from its <c>Path</c>.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ParameterSets.InputObject, ValueFromPipeline = true)]
        public TorrentInfo[] InputObject { get; set; } = Array.Empty<TorrentInfo>();

        /// <summary>The content: the folder named by the torrent's name (multi-file) or the file itself (single-file).</summary>
        [Parameter(Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string ContentPath { get; set; } = string.Empty;

        /// <summary>Writes one summary per torrent instead of one result per file.</summary>
        [Parameter]
        public SwitchParameter Summary { get; set; }

        /// <summary>Releases the cancellation source.</summary>
        public void Dispose()
        {
            _stopping.Dispose();
        }

        /// <inheritdoc />
        protected override void StopProcessing()
        {
            _stopping.Cancel();
        }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            if (ParameterSetName == ParameterSets.InputObject)
            {
                foreach (TorrentInfo torrent in InputObject)
                {
                    if (torrent.Path is null)
                    {
                        var noPath = new ArgumentException($"The torrent '{torrent.Name}' has no Path to read its piece hashes from; pipe Get-TorrentInfo output or use -Path.");
                        WriteError(new ErrorRecord(noPath, ErrorIds.FileNotFound, ErrorCategory.InvalidArgument, torrent));
                        continue;
                    }

                    Check(torrent.Path);
                }

                return;
            }

            foreach (string file in ResolveFiles())
            {
                Check(file);
            }
        }

        private void Check(string torrentPath)
        {
            string content = SessionState.Path.GetUnresolvedProviderPathFromPSPath(ContentPath);
            TorrentVerifier? verifier = Prepare(torrentPath, content);
            if (verifier is null)
            {
                return;
            }

            var progress = new HashProgress(this, HashActivityId, $"Test-Torrent {torrentPath}", verifier.Layout.StreamLength);
            TorrentVerification result;
            try
            {
                result = progress.Run(() => verifier.Verify(_stopping.Token), () => verifier.Pipeline.BytesHashed);
            }
            catch (OperationCanceledException)
            {
                throw new PipelineStoppedException();
            }

            if (result.Summary.DisagreeingPieces.Length > 0)
            {
                var disagree = new InvalidDataException($"{torrentPath}: the v1 and v2 hashes disagree about piece(s) {string.Join(", ", result.Summary.DisagreeingPieces)}: one version passes the data, the other fails it.");
                WriteError(new ErrorRecord(disagree, ErrorIds.HashVersionsDisagree, ErrorCategory.InvalidData, torrentPath));
            }

            if (Summary)
            {
                WriteObject(result.Summary);
                return;
            }

            foreach (FileCheck file in result.Files)
            {
                WriteObject(file);
            }
        }

        private TorrentVerifier? Prepare(string torrentPath, string content)
        {
            try
            {
                return new TorrentVerifier(TorrentReader.ReadFileBytes(torrentPath), torrentPath, content);
            }
            catch (Exception e) when (ErrorRecords.TorrentFileFailed(e, torrentPath) is ErrorRecord error)
            {
                WriteError(error);
            }
            catch (ArgumentException e)
            {
                WriteError(ErrorRecords.ParseFailed(new MetainfoException(e.Message, torrentPath), torrentPath));
            }

            return null;
        }
    }
}
