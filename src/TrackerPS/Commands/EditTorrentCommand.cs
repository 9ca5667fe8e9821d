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
    /// <c>Edit-Torrent</c>: changes what lies outside a torrent's <c>info</c> dictionary (trackers, web seeds, comment,
    /// dates) without changing its info-hashes, and, only with <c>-ChangeInfoHash</c>, the private flag, source or name.
    /// Writes atomically, in place or to <c>-Destination</c>, and emits the edited <see cref="TorrentInfo"/>.
    /// </summary>
    [Cmdlet(VerbsData.Edit, "Torrent", DefaultParameterSetName = ParameterSets.Path, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(TorrentInfo))]
    public sealed class EditTorrentCommand : TorrentFileCmdlet, IDisposable
    {
        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();
        private readonly HashSet<string> _destinationsWritten = new HashSet<string>(StringComparer.Ordinal);
        private TorrentEdit _edit = new TorrentEdit();
        private string? _destination;
        private bool _destinationIsFolder;

        /// <summary>Where to write: a file, or an existing folder (each torrent keeps its file name). Without it, each file is edited in place.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string Destination { get; set; } = string.Empty;

        /// <summary>Trackers to add, to <see cref="Tier"/> or to a new last tier.</summary>
        [Parameter]
        public Uri[] AddTracker { get; set; } = Array.Empty<Uri>();

        /// <summary>The 0-based BEP 12 tier <see cref="AddTracker"/> goes to; the number of tiers adds a new one.</summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int Tier { get; set; }

        /// <summary>Trackers to remove from every tier.</summary>
        [Parameter]
        public Uri[] RemoveTracker { get; set; } = Array.Empty<Uri>();

        /// <summary>Pairs of trackers, old then new: each old URL is replaced where it stands.</summary>
        [Parameter]
        public Uri[] ReplaceTracker { get; set; } = Array.Empty<Uri>();

        /// <summary>Two passkeys, old then new: the old one is replaced in every tracker URL. Never shown in messages.</summary>
        [Parameter]
        [ValidateCount(2, 2)]
        public string[] ReplacePasskey { get; set; } = Array.Empty<string>();

        /// <summary>New BEP 19 web seeds (<c>url-list</c>).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public Uri[] WebSeed { get; set; } = Array.Empty<Uri>();

        /// <summary>New BEP 17 HTTP seeds (<c>httpseeds</c>).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public Uri[] HttpSeed { get; set; } = Array.Empty<Uri>();

        /// <summary>New <c>comment</c>.</summary>
        [Parameter]
        [ValidateNotNull]
        public string Comment { get; set; } = string.Empty;

        /// <summary>New <c>created by</c>.</summary>
        [Parameter]
        [ValidateNotNull]
        public string CreatedBy { get; set; } = string.Empty;

        /// <summary>New <c>creation date</c> (stored as whole seconds since the Unix epoch).</summary>
        [Parameter]
        public DateTimeOffset CreationDate { get; set; }

        /// <summary>Fields to remove.</summary>
        [Parameter]
        public TorrentField[] Clear { get; set; } = Array.Empty<TorrentField>();

        /// <summary>BEP 27: <c>-Private</c> sets <c>info.private</c>, <c>-Private:$false</c> removes it. Needs <see cref="ChangeInfoHash"/>.</summary>
        [Parameter]
        public SwitchParameter Private { get; set; }

        /// <summary>New <c>info.source</c>. Needs <see cref="ChangeInfoHash"/>.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string Source { get; set; } = string.Empty;

        /// <summary>New <c>info.name</c>. Needs <see cref="ChangeInfoHash"/>.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = string.Empty;

        /// <summary>Allows <see cref="Private"/>, <see cref="Source"/>, <see cref="Name"/> and clearing Source, which make a different torrent.</summary>
        [Parameter]
        public SwitchParameter ChangeInfoHash { get; set; }

        /// <inheritdoc />
        protected override void BeginProcessing()
        {
            try
            {
                _edit = TorrentEditParameters.ToEdit(this, MyInvocation.BoundParameters);
                TorrentEditValidator.Validate(_edit);
            }
            catch (ArgumentException e)
            {
                ThrowTerminatingError(new ErrorRecord(e, ErrorIds.TorrentEditFailed, ErrorCategory.InvalidArgument, null));
            }

            if (MyInvocation.BoundParameters.ContainsKey(nameof(Destination)))
            {
                _destination = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Destination);
                _destinationIsFolder = Directory.Exists(_destination);
            }
        }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            foreach (string file in ResolveFiles())
            {
                if (_stopping.IsCancellationRequested)
                {
                    return;
                }

                EditFile(file);
            }
        }

        /// <inheritdoc />
        protected override void StopProcessing()
        {
            _stopping.Cancel();
        }

        /// <summary>Releases the cancellation source (PowerShell disposes a cmdlet when its pipeline ends).</summary>
        public void Dispose()
        {
            _stopping.Dispose();
        }

        private void EditFile(string file)
        {
            TorrentEditResult? result = Edit(file);
            if (result is null)
            {
                return;
            }

            string target = Target(file);
            if (!_destinationIsFolder && _destination is not null && !_destinationsWritten.Add(target))
            {
                var conflict = new ArgumentException($"Not writing '{file}' to '{target}': an earlier torrent was written there; give -Destination a folder to edit several files.");
                WriteError(new ErrorRecord(conflict, ErrorIds.DestinationConflict, ErrorCategory.InvalidArgument, file));
                return;
            }

            foreach (string warning in result.Warnings)
            {
                WriteWarning($"{file}: {warning}");
            }

            if (target == file && result.IsUnchanged)
            {
                WriteVerbose($"{file}: nothing to change, not rewritten.");
                WriteReread(file);
                return;
            }

            if (!ShouldProcess(EditDescription.Describe(file, target, result), EditDescription.Confirm(file, target), "Edit-Torrent"))
            {
                return;
            }

            if (result.InfoHashChanged)
            {
                WriteWarning(EditDescription.InfoHashChange(target, result));
            }

            if (!Write(file, target, result))
            {
                return;
            }

            WriteReread(target);
        }

        private TorrentEditResult? Edit(string file)
        {
            try
            {
                return TorrentEditor.Edit(TorrentReader.ReadFileBytes(file), file, _edit);
            }
            catch (Exception e) when (ErrorRecords.TorrentFileFailed(e, file) is ErrorRecord error)
            {
                WriteError(error);
            }
            catch (TorrentEditException e)
            {
                WriteError(new ErrorRecord(e, ErrorIds.TorrentEditFailed, ErrorCategory.InvalidArgument, file));
            }

            return null;
        }

        /// <summary>Writes the new bytes atomically; true when written (or unchanged in place).</summary>
        private bool Write(string file, string target, TorrentEditResult result)
        {
            try
            {
                AtomicFileWriter.Write(target, result.Bytes, _stopping.Token);
                return true;
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C: the target is untouched and the temporary file gone; PowerShell ends the pipeline.
                return false;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                WriteError(ErrorRecords.WriteFailed(e, target));
                return false;
            }
        }

        /// <summary>Emits the torrent as read back from the file, with its <c>Path</c>.</summary>
        private void WriteReread(string target)
        {
            try
            {
                WriteObject(TorrentReader.ReadFile(target));
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                WriteError(ErrorRecords.ReadFailed(e, target));
            }
        }

        private string Target(string file) => _destination is null
            ? file
            : _destinationIsFolder ? System.IO.Path.Combine(_destination, System.IO.Path.GetFileName(file)) : _destination;
    }
}
