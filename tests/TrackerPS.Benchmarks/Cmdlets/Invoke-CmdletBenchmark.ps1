#Requires -Version 7.0
<#
.SYNOPSIS
    Issue 11's benchmark of what users run: the cmdlets in pwsh 7.6.9 next to libtorrent 2.0.8 and Get-FileHash.
.DESCRIPTION
    Generates the inputs (../make-inputs.py), starts one long-lived process per tool (cmdlet-worker.ps1 with the
    module, cmdlet-worker.ps1 without it for Get-FileHash, libtorrent-worker.py). The two pwsh workers first run each
    of their cases -WarmupRounds times (10 by default: .NET's tiered compilation goes on replacing code over many
    runs), the Python worker each of its cases once; the first run of each case of ours is printed too. Then -Rounds
    rounds in which each comparison's two sides run back to back, the order alternating by round. Prints the median
    and min-max of each case and the ratios, with the issue's targets. Not part of the test command:
    timings are not tests. Build the module first (./build.ps1 -Task Build).

        dotnet pwsh -NoProfile -File tests/TrackerPS.Benchmarks/Cmdlets/Invoke-CmdletBenchmark.ps1 [-Rounds 5] [-WarmupRounds 10] [-Case 'files50k*']
.PARAMETER Case
    Runs only the comparisons whose case of ours matches this wildcard (the Ours names below), e.g. 'files50k*' for the
    50,000-file torrents; all of them by default.
#>
[CmdletBinding()]
param(
    [ValidateRange(5, 100)] [int] $Rounds = 5,
    [ValidateRange(1, 100)] [int] $WarmupRounds = 10,
    [SupportsWildcards()] [string] $Case = '*',
    [string] $ModulePath = (Join-Path $PSScriptRoot '../../../output/TrackerPS'),
    [string] $DataPath = (Join-Path ([IO.Path]::GetTempPath()) 'trackerps-cmdlet-bench')
)

$ErrorActionPreference = 'Stop'
$repo = (Resolve-Path (Join-Path $PSScriptRoot '../../..')).Path
$ModulePath = (Resolve-Path $ModulePath).Path
. (Join-Path $PSScriptRoot 'BenchmarkWorker.ps1')

# Each comparison: our case, the reference case and its worker, and the target on the time ratio (ours / reference);
# a floor row (Target $null) has no target: it is what PowerShell costs before any cmdlet of ours runs (with -Read Hash,
# also the reading and SHA-1 every tool does; with -Read Torrent, our reader without the cmdlet layer).
$comparisons = @(
    @{ Name = 'Get-TorrentInfo -LiteralPath (2,000 files)'; Ours = 'small-literal-info'; Reference = 'small'; Tool = 'libtorrent'; Target = 1.0 }
    @{ Name = 'the same'; Ours = 'small-literal-info'; Reference = 'small-literal-sha1'; Tool = 'FileHash'; Target = 1.0 }
    @{ Name = 'Get-ChildItem \| Get-TorrentInfo'; Ours = 'small-gci-info'; Reference = 'small'; Tool = 'libtorrent'; Target = 1.0 }
    @{ Name = 'the same'; Ours = 'small-gci-info'; Reference = 'small-gci-sha1'; Tool = 'FileHash'; Target = 1.0 }
    @{ Name = 'Get-TorrentInfoHash -LiteralPath'; Ours = 'small-literal-hash'; Reference = 'small'; Tool = 'libtorrent'; Target = 1.0 }
    @{ Name = 'the same'; Ours = 'small-literal-hash'; Reference = 'small-literal-sha1'; Tool = 'FileHash'; Target = 1.0 }
    @{ Name = 'Get-ChildItem \| Get-TorrentInfoHash'; Ours = 'small-gci-hash'; Reference = 'small'; Tool = 'libtorrent'; Target = 1.0 }
    @{ Name = 'the same'; Ours = 'small-gci-hash'; Reference = 'small-gci-sha1'; Tool = 'FileHash'; Target = 1.0 }
    @{ Name = 'Get-ChildItem alone (the floor: listing)'; Ours = 'small-gci-list'; Reference = 'small'; Tool = 'libtorrent'; Target = $null }
    @{ Name = 'Get-ChildItem \| Write-FloorPath (the floor: listing + binding)'; Ours = 'small-gci-floor'; Reference = 'small'; Tool = 'libtorrent'; Target = $null }
    @{ Name = 'the same'; Ours = 'small-gci-floor'; Reference = 'small-gci-sha1'; Tool = 'FileHash'; Target = $null }
    @{ Name = 'Get-ChildItem \| Write-FloorPath -Read Hash (the floor: listing + binding + reading + SHA-1 of each file)'; Ours = 'small-gci-floor-hash'; Reference = 'small'; Tool = 'libtorrent'; Target = $null }
    @{ Name = 'the same'; Ours = 'small-gci-floor-hash'; Reference = 'small-gci-sha1'; Tool = 'FileHash'; Target = $null }
    @{ Name = 'Get-ChildItem \| Write-FloorPath -Read Torrent (listing + binding + our read, parse, check and hash of each file)'; Ours = 'small-gci-floor-torrent'; Reference = 'small'; Tool = 'libtorrent'; Target = $null }
    @{ Name = 'the same'; Ours = 'small-gci-floor-torrent'; Reference = 'small-gci-sha1'; Tool = 'FileHash'; Target = $null }
    @{ Name = '50,000 files in 500 directories'; Ours = 'files50k-dirs'; Reference = 'files50k-dirs'; Tool = 'libtorrent'; Target = 0.5 }
    @{ Name = 'the same, reading .Files'; Ours = 'files50k-dirs-files'; Reference = 'files50k-dirs'; Tool = 'libtorrent'; Target = 0.5 }
    @{ Name = '50,000 files, a directory each'; Ours = 'files50k-each-dir'; Reference = 'files50k-each-dir'; Tool = 'libtorrent'; Target = 0.5 }
    @{ Name = 'the same, reading .Files'; Ours = 'files50k-each-dir-files'; Reference = 'files50k-each-dir'; Tool = 'libtorrent'; Target = 0.5 }
    @{ Name = '1,000,000 pieces'; Ours = 'pieces1m'; Reference = 'pieces1m-sha1'; Tool = 'TrackerPS'; Target = 1.5 }
    # The info-hash is computed on first read: this is the same read with it.
    @{ Name = 'the same, reading .InfoHash'; Ours = 'pieces1m-hash'; Reference = 'pieces1m-sha1'; Tool = 'TrackerPS'; Target = 1.5 }
)
$comparisons = @($comparisons | Where-Object { $_.Ours -like $Case })
if (-not $comparisons) { throw "No comparison's case matches '$Case'." }

Write-Information "== inputs in $DataPath" -InformationAction Continue
& python3 (Join-Path $PSScriptRoot '../make-inputs.py') $DataPath
if ($LASTEXITCODE) { throw 'make-inputs.py failed.' }

$workers = @{
    TrackerPS  = Open-BenchmarkWorker 'dotnet' @('pwsh', '-NoProfile', '-NonInteractive', '-File', (Join-Path $PSScriptRoot 'cmdlet-worker.ps1'), '-Tool', 'TrackerPS', '-DataPath', $DataPath, '-ModulePath', $ModulePath) $repo
    FileHash   = Open-BenchmarkWorker 'dotnet' @('pwsh', '-NoProfile', '-NonInteractive', '-File', (Join-Path $PSScriptRoot 'cmdlet-worker.ps1'), '-Tool', 'FileHash', '-DataPath', $DataPath) $repo
    libtorrent = Open-BenchmarkWorker '/usr/bin/python3' @((Join-Path $PSScriptRoot 'libtorrent-worker.py'), $DataPath) $repo
}

try {
    $firstRuns = Invoke-WarmUp $workers $comparisons $WarmupRounds -PwshTools TrackerPS, FileHash
    $samples = @{}
    for ($round = 1; $round -le $Rounds; $round++) {
        Write-Information "== round $round of $Rounds" -InformationAction Continue
        foreach ($comparison in $comparisons) {
            $sides = @(@{ Worker = 'TrackerPS'; Case = $comparison.Ours }, @{ Worker = $comparison.Tool; Case = $comparison.Reference })
            if ($round % 2) { [array]::Reverse($sides) }
            foreach ($side in $sides) {
                $result = Invoke-Case $workers[$side.Worker] $side.Case
                $key = "$($side.Worker)/$($side.Case)"
                if (-not $samples[$key]) { $samples[$key] = [Collections.Generic.List[object]]::new() }
                $samples[$key].Add($result)
            }
        }
    }
}
finally {
    foreach ($worker in $workers.Values) {
        $worker.StandardInput.Close()
        if (-not $worker.WaitForExit(10000)) { $worker.Kill() }
    }
}

function Get-Summary([string] $Key) {
    $seconds = [double[]]($samples[$Key] | ForEach-Object seconds)
    [pscustomobject]@{
        Median      = Get-Median $seconds
        Min         = ($seconds | Measure-Object -Minimum).Minimum
        Max         = ($seconds | Measure-Object -Maximum).Maximum
        Allocated   = Get-FieldMedian $samples[$Key] 'allocated'
        Collections = Get-FieldMedian $samples[$Key] 'collections'
        Pause       = Get-FieldMedian $samples[$Key] 'pause'
    }
}

# "1 (10.2 ms)": the median collections of a run and the median pause they took; empty for the Python worker.
function Format-GarbageCollection($Summary) {
    if ($null -ne $Summary.Collections) { '{0} ({1})' -f $Summary.Collections, (Format-Duration $Summary.Pause) }
}

$sizes = @{
    'files50k-dirs' = (Get-Item (Join-Path $DataPath 'files50k-dirs.torrent')).Length
    'files50k-each-dir' = (Get-Item (Join-Path $DataPath 'files50k-each-dir.torrent')).Length
    'pieces1m' = (Get-Item (Join-Path $DataPath 'pieces1m.torrent')).Length
}

"| Case | TrackerPS (median, min-max) | First run | Reference | Reference time | Ratio | Target | | Allocated | GCs (pause): ours, reference |"
'|---|---|---|---|---|---|---|---|---|---|'
foreach ($comparison in $comparisons) {
    $ours = Get-Summary "TrackerPS/$($comparison.Ours)"
    $reference = Get-Summary "$($comparison.Tool)/$($comparison.Reference)"
    $ratio = $ours.Median / $reference.Median
    $referenceName = switch ($comparison.Tool) {
        'libtorrent' { 'libtorrent 2.0.8 lt.torrent_info(path)' }
        'FileHash' { 'Get-FileHash -Algorithm SHA1' }
        default { 'ReadAllBytes + SHA-1' }
    }
    $size = $sizes[($comparison.Ours -replace '-(files|hash)$')]
    $allocated = if ($size) { '{0:N1} MB ({1:N1}x the file)' -f ($ours.Allocated / 1MB), ($ours.Allocated / $size) } else { '{0:N1} MB' -f ($ours.Allocated / 1MB) }
    $targetText, $verdict = if ($null -ne $comparison.Target) { ('<= {0:N1}x' -f $comparison.Target), $(if ($ratio -le $comparison.Target) { 'PASS' } else { 'FAIL' }) } else { '', '' }
    $first = Format-Duration $firstRuns["TrackerPS/$($comparison.Ours)"].seconds
    $collections = (@((Format-GarbageCollection $ours), (Format-GarbageCollection $reference)) | Where-Object { $_ }) -join ', '
    ('| {0} | {1} ({2}-{3}) | {4} | {5} | {6} | {7:N2}x | {8} | {9} | {10} | {11} |' -f $comparison.Name, (Format-Duration $ours.Median), (Format-Duration $ours.Min), (Format-Duration $ours.Max), $first, $referenceName, (Format-Duration $reference.Median), $ratio, $targetText, $verdict, $allocated, $collections)
}
