#nullable enable
using System;
using System.Management.Automation;

namespace TrackerPS.Benchmarks.Cmdlets
{
    /// <summary>
    /// <c>Write-FloorPath</c>: issue 11's floor for what PowerShell itself costs per piped file. It binds <c>-Path</c> and
    /// <c>-LiteralPath</c> exactly as Get-TorrentInfo and Get-TorrentInfoHash do (the same parameter sets, pipeline
    /// attributes and <c>PSPath</c> alias), so <c>Get-ChildItem | Write-FloorPath</c> pays the listing and the binding of
    /// each item and nothing else, and writes one string per path. Compiled by cmdlet-worker.ps1 with Add-Type, like
    /// WriteFloorObjectCommand.cs.
    /// </summary>
    [Cmdlet(VerbsCommunications.Write, "FloorPath", DefaultParameterSetName = "Path")]
    public sealed class WriteFloorPathCommand : PSCmdlet
    {
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

        /// <summary>Writes each bound path, untouched.</summary>
        protected override void ProcessRecord()
        {
            foreach (string path in ParameterSetName == "LiteralPath" ? LiteralPath : Path)
            {
                WriteObject(path);
            }
        }
    }
}
