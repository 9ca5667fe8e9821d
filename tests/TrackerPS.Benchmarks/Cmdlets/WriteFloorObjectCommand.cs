#nullable enable
using System;
using System.Management.Automation;

namespace TrackerPS.Benchmarks.Cmdlets
{
    /// <summary>
    /// <c>Write-FloorObject</c>: issue 11's floor for what PowerShell itself costs per output object. It binds the
    /// parameters Invoke-TrackerAnnounce and Invoke-TrackerScrape bind (info-hashes by value from the pipeline, trackers)
    /// and writes one object per info-hash, doing nothing else. Not part of the benchmark assembly (the project excludes
    /// Cmdlets/): tracker-worker.ps1 compiles it with Add-Type, so BenchmarkDotNet never loads a type that needs
    /// System.Management.Automation.
    /// </summary>
    [Cmdlet(VerbsCommunications.Write, "FloorObject")]
    public sealed class WriteFloorObjectCommand : PSCmdlet
    {
        /// <summary>The info-hashes; one object is written for each.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        public string[] InfoHash { get; set; } = null!;

        /// <summary>Bound like the tracker cmdlets' -Tracker, and not used.</summary>
        [Parameter(Position = 1)]
        public Uri[]? Tracker { get; set; }

        /// <summary>Writes one object per info-hash.</summary>
        protected override void ProcessRecord()
        {
            foreach (string hash in InfoHash)
            {
                WriteObject(hash);
            }
        }
    }
}
