#nullable enable
using System;
using System.IO;
using System.Management.Automation;
using System.Security.Cryptography;
using Microsoft.Win32.SafeHandles;
using TrackerPS.Core.IO;
using TrackerPS.Core.Metainfo;

namespace TrackerPS.Benchmarks.Cmdlets
{
    /// <summary>
    /// <c>Write-FloorPath</c>: issue 11's floors for the Get-ChildItem cases. It binds <c>-Path</c> and <c>-LiteralPath</c>
    /// exactly as Get-TorrentInfo and Get-TorrentInfoHash do (the same parameter sets, pipeline attributes and
    /// <c>PSPath</c> alias), so <c>Get-ChildItem | Write-FloorPath</c> pays the listing and the binding of each item and
    /// nothing else, and writes one string per path. <c>-Read</c> adds, for each file (its provider prefix cut off, no
    /// existence check, no provider, no warnings, no progress):
    /// <list type="bullet">
    /// <item><c>Hash</c>: reads it whole into one reused buffer (open, reads, close) and writes its SHA-1 in hex, the work
    /// every tool here does for a file;</item>
    /// <item><c>Torrent</c>: reads, parses, checks and hashes it as Get-TorrentInfoHash does
    /// (<see cref="TorrentReader.ReadFile(string, TorrentReadOptions?, FileReadBuffer)"/> into one reused buffer) and
    /// writes its v1 info-hash: Get-TorrentInfoHash without its cmdlet layer.</item>
    /// </list>
    /// Compiled by cmdlet-worker.ps1 with Add-Type, like WriteFloorObjectCommand.cs.
    /// </summary>
    [Cmdlet(VerbsCommunications.Write, "FloorPath", DefaultParameterSetName = "Path")]
    public sealed class WriteFloorPathCommand : PSCmdlet
    {
        private const string ProviderPrefix = @"Microsoft.PowerShell.Core\FileSystem::";
        private readonly FileReadBuffer _torrentBuffer = new FileReadBuffer();
        private byte[] _buffer = new byte[64 * 1024];

        /// <summary>Bound like Get-TorrentInfo's -Path: pipeline strings, and <c>Path</c> by property name.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = "Path", ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; } = Array.Empty<string>();

        /// <summary>Bound like Get-TorrentInfo's -LiteralPath: <c>PSPath</c> by property name (Get-ChildItem output).</summary>
        [Parameter(Mandatory = true, ParameterSetName = "LiteralPath", ValueFromPipelineByPropertyName = true)]
        [Alias("PSPath", "LP")]
        [ValidateNotNullOrEmpty]
        public string[] LiteralPath { get; set; } = Array.Empty<string>();

        /// <summary>What is done with each file: nothing (the path is written), Hash or Torrent.</summary>
        [Parameter]
        [ValidateSet("Hash", "Torrent")]
        public string? Read { get; set; }

        /// <summary>Writes each bound path, untouched, or what <see cref="Read"/> makes of its file.</summary>
        protected override void ProcessRecord()
        {
            foreach (string path in ParameterSetName == "LiteralPath" ? LiteralPath : Path)
            {
                string file = path.StartsWith(ProviderPrefix, StringComparison.Ordinal) ? path.Substring(ProviderPrefix.Length) : path;
                WriteObject(Read switch
                {
                    "Hash" => Sha1Hex(file),
                    "Torrent" => TorrentReader.ReadFile(file, null, _torrentBuffer).InfoHash,
                    _ => path,
                });
            }
        }

        private string Sha1Hex(string file)
        {
            using SafeFileHandle handle = File.OpenHandle(file);
            int length = 0;
            int read;
            while ((read = RandomAccess.Read(handle, _buffer.AsSpan(length), length)) > 0)
            {
                length += read;
                if (length == _buffer.Length)
                {
                    Array.Resize(ref _buffer, _buffer.Length * 2);
                }
            }

            return Convert.ToHexStringLower(SHA1.HashData(_buffer.AsSpan(0, length)));
        }
    }
}
