#Requires -Version 7.0
<#
.SYNOPSIS
    One benchmark process: reads a case name per line on stdin, runs it once, writes one JSON line on stdout.
.DESCRIPTION
    Started by Invoke-CmdletBenchmark.ps1, once per tool, so that every round of a case runs in the same warm
    process. -Tool TrackerPS imports the module; -Tool FileHash does not, and runs only the Get-FileHash cases.
    -Tool TrackerPS also compiles Write-FloorPath (WriteFloorPathCommand.cs), the floor of the Get-ChildItem cases.
    Each line out: {"case": ..., "seconds": ..., "allocated": bytes allocated on the pipeline thread, "count": ...,
    "collections": garbage collections during the run, "pause": seconds the process was paused for them}. Each run
    starts after a full collection.
#>
[Diagnostics.CodeAnalysis.SuppressMessageAttribute('PSAvoidUsingBrokenHashAlgorithms', '',
    Justification = 'Issue 11 compares with Get-FileHash -Algorithm SHA1: SHA-1 is what the v1 info-hash costs (BEP 3).')]
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [ValidateSet('TrackerPS', 'FileHash')] [string] $Tool,
    [Parameter(Mandatory)] [string] $DataPath,
    [string] $ModulePath
)

$ErrorActionPreference = 'Stop'
if ($Tool -eq 'TrackerPS') {
    $module = Import-Module $ModulePath -PassThru
    # Write-FloorPath: PowerShell's own cost per piped file (the listing and the binding), the floor of the Get-ChildItem
    # cases; -Read Hash adds reading and SHA-1, -Read Torrent our reader without the cmdlet layer.
    $core = Join-Path $module.ModuleBase 'TrackerPS.Core.dll'
    $floor = Add-Type -Path (Join-Path $PSScriptRoot 'WriteFloorPathCommand.cs') -ReferencedAssemblies ($core, [Management.Automation.PSCmdlet].Assembly.Location, 'netstandard', 'System.Runtime', 'System.Memory', 'System.Security.Cryptography') -PassThru
    Import-Module -Assembly $floor[0].Assembly
}

$small = Join-Path $DataPath 'small'
$files = [string[]](Get-ChildItem -LiteralPath $small -Filter *.torrent | Sort-Object Name).FullName
$cases = @{
    'small-literal-info'   = { Get-TorrentInfo -LiteralPath $files | Measure-Object }
    'small-gci-info'       = { Get-ChildItem $small -Filter *.torrent | Get-TorrentInfo | Measure-Object }
    'small-literal-hash'   = { Get-TorrentInfoHash -LiteralPath $files | Measure-Object }
    'small-gci-hash'       = { Get-ChildItem $small -Filter *.torrent | Get-TorrentInfoHash | Measure-Object }
    'small-gci-list'       = { Get-ChildItem $small -Filter *.torrent | Measure-Object }
    'small-gci-floor'      = { Get-ChildItem $small -Filter *.torrent | Write-FloorPath | Measure-Object }
    'small-gci-floor-hash' = { Get-ChildItem $small -Filter *.torrent | Write-FloorPath -Read Hash | Measure-Object }
    'small-gci-floor-torrent' = { Get-ChildItem $small -Filter *.torrent | Write-FloorPath -Read Torrent | Measure-Object }
    'small-literal-sha1'   = { Get-FileHash -Algorithm SHA1 -LiteralPath $files | Measure-Object }
    'small-gci-sha1'       = { Get-ChildItem $small -Filter *.torrent | Get-FileHash -Algorithm SHA1 | Measure-Object }
    'files50k-dirs'        = { Get-TorrentInfo -LiteralPath (Join-Path $DataPath 'files50k-dirs.torrent') }
    'files50k-each-dir'    = { Get-TorrentInfo -LiteralPath (Join-Path $DataPath 'files50k-each-dir.torrent') }
    'files50k-dirs-files'  = { (Get-TorrentInfo -LiteralPath (Join-Path $DataPath 'files50k-dirs.torrent')).Files.Count }
    'files50k-each-dir-files' = { (Get-TorrentInfo -LiteralPath (Join-Path $DataPath 'files50k-each-dir.torrent')).Files.Count }
    'pieces1m'             = { Get-TorrentInfo -LiteralPath (Join-Path $DataPath 'pieces1m.torrent') }
    'pieces1m-hash'        = { (Get-TorrentInfo -LiteralPath (Join-Path $DataPath 'pieces1m.torrent')).InfoHash }
    'pieces1m-sha1'        = {
        # The floor: read the file and hash it (its 'info' is all but 104 bytes of it).
        $bytes = [IO.File]::ReadAllBytes((Join-Path $DataPath 'pieces1m.torrent'))
        [Security.Cryptography.SHA1]::HashData($bytes)
    }
}

while ($null -ne ($name = [Console]::In.ReadLine())) {
    $case = $cases[$name]
    if ($null -eq $case) {
        [Console]::Out.WriteLine((@{ case = $name; error = "unknown case" } | ConvertTo-Json -Compress))
        continue
    }

    [GC]::Collect()
    [GC]::WaitForPendingFinalizers()
    $allocatedBefore = [GC]::GetAllocatedBytesForCurrentThread()
    $collectionsBefore = [GC]::CollectionCount(0)
    $pauseBefore = [GC]::GetTotalPauseDuration()
    $clock = [Diagnostics.Stopwatch]::StartNew()
    $result = & $case
    $clock.Stop()
    $allocated = [GC]::GetAllocatedBytesForCurrentThread() - $allocatedBefore
    $collections = [GC]::CollectionCount(0) - $collectionsBefore
    $pause = ([GC]::GetTotalPauseDuration() - $pauseBefore).TotalSeconds
    $count = if ($result -is [Microsoft.PowerShell.Commands.GenericMeasureInfo]) { $result.Count } else { @($result).Count }
    [Console]::Out.WriteLine((@{
                case = $name; seconds = $clock.Elapsed.TotalSeconds; allocated = $allocated; count = $count
                collections = $collections; pause = $pause
            } | ConvertTo-Json -Compress))
}
