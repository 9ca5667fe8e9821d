#Requires -Version 7.0
# Times New-Torrent (V1, V2, Hybrid) and Test-Torrent (of the hybrid) on the payload in this warm process, after a
# warm-up on a small folder, and the memory beyond the baseline (peak working set minus the working set after warm-up).
# Prints JSON: seconds per case and megabytes. Called by run-authoring.sh.
param([string] $ModulePath, [string] $Payload, [long] $PieceLength, [string] $Work)
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath
# Named locals, used inside the Measure-Command blocks below.
$content = $Payload
$length = $PieceLength
$warm = Join-Path $Work 'warm'
$null = New-Item -ItemType Directory -Force -Path $warm
[IO.File]::WriteAllBytes((Join-Path $warm 'a.bin'), [byte[]]::new(1MB))
foreach ($version in 'V1', 'V2', 'Hybrid') {
    $t = New-Torrent -LiteralPath $warm -Destination (Join-Path $Work 'warm.torrent') -Version $version -Force
    $null = $t | Test-Torrent -ContentPath $warm
}
[GC]::Collect()
$process = [Diagnostics.Process]::GetCurrentProcess()
$baseline = $process.WorkingSet64
$results = [ordered] @{}
foreach ($version in 'V1', 'V2', 'Hybrid') {
    $destination = Join-Path $Work "tps-$version.torrent"
    $results["tps-$($version.ToLowerInvariant())"] = (Measure-Command {
        $null = New-Torrent -LiteralPath $content -Destination $destination -Version $version -PieceLength $length -Force
    }).TotalSeconds
}
$results['tps-verify'] = (Measure-Command {
    $null = Test-Torrent -LiteralPath (Join-Path $Work 'tps-Hybrid.torrent') -ContentPath $content -Summary
}).TotalSeconds
$process.Refresh()
$results['tps-memory-mib'] = [Math]::Round(($process.PeakWorkingSet64 - $baseline) / 1MB, 1)
$results | ConvertTo-Json -Compress
