using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.IO;
using System.Management.Automation;
using Microsoft.PowerShell.Commands;
using TrackerPS.Core.Bencode;
using TrackerPS.Core.IO;
using TrackerPS.Core.Metainfo;
using DriveNotFoundException = System.Management.Automation.DriveNotFoundException;

namespace TrackerPS.Commands
{
    /// <summary>
    /// Base of the cmdlets that read .torrent files. Binds <c>-Path</c> (wildcards) and <c>-LiteralPath</c>, resolves
    /// them on the FileSystem provider and reads each file. Every path that fails gets its own non-terminating error
    /// (see <see cref="ErrorIds"/>), so one bad path never stops the rest of the pipeline.
    /// </summary>
    public abstract class TorrentFileCmdlet : PSCmdlet
    {
        private const int ProgressActivityId = 0x7C;
        private FileReadProgress? _progress;
        private PlainFileSystemPath? _plainPaths;

        /// <summary>Paths of .torrent files; wildcards are expanded. Binds pipeline strings, and <c>Path</c> by property name.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ParameterSets.Path, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; } = Array.Empty<string>();

        /// <summary>Paths of .torrent files, used exactly as typed. Binds <c>PSPath</c> by property name (<c>Get-ChildItem</c> output).</summary>
        [Parameter(Mandatory = true, ParameterSetName = ParameterSets.LiteralPath, ValueFromPipelineByPropertyName = true)]
        [Alias("PSPath", "LP")]
        [ValidateNotNullOrEmpty]
        public string[] LiteralPath { get; set; } = Array.Empty<string>();

        /// <summary>
        /// Resolves the bound paths and reads each file, lazily, so each torrent can be written before the next is read.
        /// Paths that cannot be resolved or read, and files that cannot be parsed, are written as errors and skipped;
        /// each parsed torrent's <see cref="TorrentInfo.Warnings"/> are written as warnings. A run that takes over a second
        /// shows "n of m files read" progress (only "n files read" for pipeline input, whose total is unknown).
        /// </summary>
        /// <param name="options">Parse options, or null for the lenient defaults.</param>
        /// <param name="buffer">
        /// A buffer to read every file into (<see cref="TorrentReader.ReadFile(string, TorrentReadOptions?, FileReadBuffer)"/>:
        /// the torrents come with their info-hashes computed), or null to read each into an array of its own.
        /// </param>
        /// <returns>The parsed torrents, in path order.</returns>
        protected IEnumerable<TorrentInfo> ReadTorrents(TorrentReadOptions? options, FileReadBuffer? buffer = null)
        {
            _progress ??= new FileReadProgress(this, ProgressActivityId, MyInvocation.MyCommand.Name);
            List<string> files = ResolveFiles();
            // Paths given as parameters all come in this one call; from the pipeline, each record brings its own few.
            int total = MyInvocation.ExpectingInput ? -1 : files.Count;
            foreach (string file in files)
            {
                _progress.Reading(file, total);
                TorrentInfo? torrent = ReadTorrent(file, options, buffer);
                if (torrent is not null)
                {
                    yield return torrent;
                }
            }
        }

        /// <summary>Ends the progress bar, if one was shown.</summary>
        protected override void EndProcessing()
        {
            _progress?.Complete();
        }

        /// <summary>Resolves the bound <c>-Path</c> or <c>-LiteralPath</c> to existing files, writing an error for each path that names none.</summary>
        /// <returns>The files' full provider paths, in path order.</returns>
        protected List<string> ResolveFiles()
        {
            var files = new List<string>();
            if (ParameterSetName == ParameterSets.LiteralPath)
            {
                foreach (string path in LiteralPath)
                {
                    ResolveLiteralPath(path, files);
                }
            }
            else
            {
                foreach (string path in Path)
                {
                    ResolveWildcardPath(path, files);
                }
            }

            return files;
        }

        private void ResolveWildcardPath(string path, List<string> files)
        {
            Collection<string> resolved;
            ProviderInfo provider;
            try
            {
                resolved = GetResolvedProviderPathFromPSPath(path, out provider);
            }
            catch (ItemNotFoundException e)
            {
                WriteError(ErrorRecords.FileNotFound(e, path));
                return;
            }
            catch (DriveNotFoundException e)
            {
                WriteError(ErrorRecords.FileNotFound(e, path));
                return;
            }
            catch (ProviderNotFoundException e)
            {
                WriteError(ErrorRecords.NotAFile(path, e.Message));
                return;
            }

            // A wildcard that matches nothing resolves to an empty list rather than throwing.
            if (resolved.Count == 0)
            {
                WriteError(ErrorRecords.NoWildcardMatch(path));
                return;
            }

            foreach (string providerPath in resolved)
            {
                AddIfFile(path, providerPath, provider, files);
            }
        }

        private void ResolveLiteralPath(string path, List<string> files)
        {
            _plainPaths ??= new PlainFileSystemPath(SessionState);
            if (_plainPaths.TryResolve(path, out string providerPath))
            {
                AddIfFileExists(providerPath, files);
                return;
            }

            ProviderInfo provider;
            try
            {
                providerPath = SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out provider, out _);
            }
            catch (DriveNotFoundException e)
            {
                WriteError(ErrorRecords.FileNotFound(e, path));
                return;
            }
            catch (ProviderNotFoundException e)
            {
                WriteError(ErrorRecords.NotAFile(path, e.Message));
                return;
            }

            AddIfFile(path, providerPath, provider, files);
        }

        private void AddIfFile(string path, string providerPath, ProviderInfo provider, List<string> files)
        {
            if (provider.ImplementingType != typeof(FileSystemProvider))
            {
                WriteError(ErrorRecords.NotAFile(path, $"it is on the {provider.Name} provider, not the FileSystem provider"));
            }
            else
            {
                AddIfFileExists(providerPath, files);
            }
        }

        /// <summary>Adds an existing file; File.Exists is false for a directory, so a file costs one look-up, not two.</summary>
        private void AddIfFileExists(string providerPath, List<string> files)
        {
            if (File.Exists(providerPath))
            {
                files.Add(providerPath);
            }
            else if (Directory.Exists(providerPath))
            {
                WriteError(ErrorRecords.NotAFile(providerPath, "it is a directory"));
            }
            else
            {
                WriteError(ErrorRecords.FileNotFound(providerPath));
            }
        }

        private TorrentInfo? ReadTorrent(string file, TorrentReadOptions? options, FileReadBuffer? buffer)
        {
            TorrentInfo torrent;
            try
            {
                torrent = buffer is null ? TorrentReader.ReadFile(file, options) : TorrentReader.ReadFile(file, options, buffer);
            }
            catch (Exception e) when (ErrorRecords.TorrentFileFailed(e, file) is ErrorRecord error)
            {
                WriteError(error);
                return null;
            }

            foreach (string warning in torrent.Warnings)
            {
                WriteWarning($"{file}: {warning}");
            }

            return torrent;
        }
    }
}
