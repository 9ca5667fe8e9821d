using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using TrackerPS.Core.Authoring;
using TrackerPS.Core.Metainfo;

namespace TrackerPS.Commands
{
    /// <summary>
    /// <c>New-Torrent</c>: makes a .torrent of a file or a folder (v1 BEP 3, v2 BEP 52, or hybrid with BEP 47 pad files),
    /// whose <c>info</c> dictionary is byte for byte libtorrent 2.0.8's for the same content and settings; writes it
    /// atomically to <c>-Destination</c> and emits its <see cref="TorrentInfo"/>.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "Torrent", DefaultParameterSetName = ParameterSets.Path, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(TorrentInfo))]
    public sealed class NewTorrentCommand : PSCmdlet, IDisposable
    {
        private const int ProgressActivityId = 0x7D;
        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();

        /// <summary>The file or folder to make a torrent of; wildcards must match exactly one item.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ParameterSets.Path, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = string.Empty;

        /// <summary>The file or folder, used exactly as typed.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ParameterSets.LiteralPath, ValueFromPipelineByPropertyName = true)]
        [Alias("PSPath", "LP")]
        [ValidateNotNullOrEmpty]
        public string LiteralPath { get; set; } = string.Empty;

        /// <summary>The .torrent file to write; an existing one is replaced only with <see cref="Force"/>.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string Destination { get; set; } = string.Empty;

        /// <summary>V1 (default), V2 or Hybrid.</summary>
        [Parameter]
        public TorrentVersion Version { get; set; } = TorrentVersion.V1;

        /// <summary>Bytes per piece: a power of two from 16 KiB (v1 also any multiple of 16 KiB); automatic when left out.</summary>
        [Parameter]
        [ValidateRange(PieceLengthRule.Minimum, PieceLengthRule.Maximum)]
        public long PieceLength { get; set; }

        /// <summary>BEP 12 tiers: each element is one tier (a URI, or an array of URIs): <c>-Tracker ('a','b'),'c'</c>.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public Uri[][] Tracker { get; set; } = Array.Empty<Uri[]>();

        /// <summary>BEP 19 web seeds.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public Uri[] WebSeed { get; set; } = Array.Empty<Uri>();

        /// <summary>The <c>comment</c>.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string Comment { get; set; } = string.Empty;

        /// <summary>The <c>info.source</c> (private trackers use it to make the info-hash their own).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string Source { get; set; } = string.Empty;

        /// <summary>BEP 27: sets <c>info.private</c> 1.</summary>
        [Parameter]
        public SwitchParameter Private { get; set; }

        /// <summary>The torrent's <c>name</c>; the file's or folder's name by default.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = string.Empty;

        /// <summary>The <c>created by</c>; <c>TrackerPS/&lt;version&gt;</c> by default.</summary>
        [Parameter]
        [ValidateNotNull]
        public string CreatedBy { get; set; } = "TrackerPS/" + typeof(NewTorrentCommand).Assembly.GetName().Version!.ToString(3);

        /// <summary>The <c>creation date</c>; now by default.</summary>
        [Parameter]
        public DateTimeOffset CreationDate { get; set; } = DateTimeOffset.UtcNow;

        /// <summary>Leaves <c>creation date</c> out.</summary>
        [Parameter]
        public SwitchParameter NoCreationDate { get; set; }

        /// <summary>Only files whose name or path inside the torrent matches one of these wildcards.</summary>
        [Parameter]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[] Include { get; set; } = Array.Empty<string>();

        /// <summary>Leaves out files whose name or path inside the torrent matches one of these wildcards.</summary>
        [Parameter]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[] Exclude { get; set; } = Array.Empty<string>();

        /// <summary>Takes hidden files and folders (names starting with '.') too.</summary>
        [Parameter]
        public SwitchParameter IncludeHidden { get; set; }

        /// <summary>Follow (default): a symbolic link is its target's data. Store: BEP 47 symlinks, whose targets must be inside the content.</summary>
        [Parameter]
        public SymlinkMode Symlink { get; set; } = SymlinkMode.Follow;

        /// <summary>Replaces an existing destination file.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

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
            string? content = ContentPaths.ResolveOne(this, ParameterSetName == ParameterSets.LiteralPath ? LiteralPath : Path, ParameterSetName == ParameterSets.LiteralPath);
            if (content is null)
            {
                return;
            }

            string destination = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Destination);
            if (!CheckDestination(content, destination))
            {
                return;
            }

            TorrentCreator? creator = Prepare(content);
            if (creator is null || !ShouldProcess(destination, $"Create a {Version} torrent of '{content}' ({creator.Layout.PieceCount} pieces of {creator.Layout.PieceLength} bytes)"))
            {
                return;
            }

            foreach (string warning in creator.NameWarnings())
            {
                WriteWarning(warning);
            }

            if (Write(creator, content, destination))
            {
                WriteObject(TorrentReader.ReadFile(destination));
            }
        }

        private bool CheckDestination(string content, string destination)
        {
            string root = content.TrimEnd(System.IO.Path.DirectorySeparatorChar) + System.IO.Path.DirectorySeparatorChar;
            if (Directory.Exists(content) && destination.StartsWith(root, StringComparison.Ordinal))
            {
                var inside = new ArgumentException($"The destination '{destination}' is inside the content '{content}': the torrent would hash itself. Write it elsewhere.");
                WriteError(new ErrorRecord(inside, ErrorIds.DestinationInsideContent, ErrorCategory.InvalidArgument, destination));
                return false;
            }

            if (Directory.Exists(destination))
            {
                WriteError(ErrorRecords.WriteFailed(new IOException($"Cannot write '{destination}': it is a folder; give the .torrent file's path."), destination));
                return false;
            }

            if (File.Exists(destination) && !Force)
            {
                var exists = new IOException($"'{destination}' exists; use -Force to replace it.");
                WriteError(new ErrorRecord(exists, ErrorIds.DestinationExists, ErrorCategory.ResourceExists, destination));
                return false;
            }

            return true;
        }

        private TorrentCreator? Prepare(string content)
        {
            try
            {
                ContentSet set = ContentScanner.Scan(content, new ContentScanOptions { IncludeHidden = IncludeHidden, Filter = ContentPaths.Filter(Include, Exclude), Symlinks = Symlink });
                return new TorrentCreator(set, Options());
            }
            catch (Exception e) when (e is ArgumentException || e is IOException || e is UnauthorizedAccessException || e is NotSupportedException)
            {
                ErrorCategory category = e is UnauthorizedAccessException ? ErrorCategory.PermissionDenied : e is NotSupportedException ? ErrorCategory.NotImplemented : ErrorCategory.InvalidArgument;
                WriteError(new ErrorRecord(e, ErrorIds.TorrentCreateFailed, category, content));
                return null;
            }
        }

        private TorrentCreateOptions Options() => new TorrentCreateOptions
        {
            Version = Version,
            PieceLength = PieceLength,
            Name = MyInvocation.BoundParameters.ContainsKey(nameof(Name)) ? Name : null,
            Trackers = Tracker.Select(t => (IReadOnlyList<string>)t.Select(u => u.OriginalString).ToList()).ToList(),
            WebSeeds = WebSeed.Select(u => u.OriginalString).ToList(),
            Comment = MyInvocation.BoundParameters.ContainsKey(nameof(Comment)) ? Comment : null,
            Source = MyInvocation.BoundParameters.ContainsKey(nameof(Source)) ? Source : null,
            IsPrivate = Private.IsPresent,
            CreatedBy = CreatedBy,
            CreationDate = NoCreationDate ? null : CreationDate,
        };

        private bool Write(TorrentCreator creator, string content, string destination)
        {
            var progress = new HashProgress(this, ProgressActivityId, $"New-Torrent {content}", creator.Layout.StreamLength);
            try
            {
                progress.Run(
                    () =>
                    {
                        creator.Hash(_stopping.Token);
                        AtomicFileWriter.Write(destination, creator.WriteTo, _stopping.Token);
                        return true;
                    },
                    () => creator.Pipeline.BytesHashed);
                return true;
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C: nothing was written; PowerShell ends the pipeline.
                throw new PipelineStoppedException();
            }
            catch (ContentReadException e)
            {
                WriteError(new ErrorRecord(e, ErrorIds.ContentReadFailed, ErrorCategory.ReadError, e.FilePath));
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                WriteError(ErrorRecords.WriteFailed(e, destination));
            }

            return false;
        }
    }
}
