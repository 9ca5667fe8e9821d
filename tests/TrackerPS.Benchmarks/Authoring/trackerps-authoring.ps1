#Requires -Version 7.0
# Times one case, in a process of its own: New-Torrent -Version V1, V2 or Hybrid, or Test-Torrent (Verify) of the
# hybrid torrent made before, after a warm-up of the same cmdlet on a small folder, and the memory beyond the baseline
# (peak working set minus the working set after the warm-up). Prints JSON: seconds and MiB. Called by run-authoring.sh.
param([string] $ModulePath, [string] $Payload, [long] $PieceLength, [string] $Work, [ValidateSet('V1', 'V2', 'Hybrid', 'Verify')] [string] $Case)
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath
# Named locals, used inside the Measure-Command block below.
$content = $Payload
$length = $PieceLength
$warm = Join-Path $Work 'warm'
$null = New-Item -ItemType Directory -Force -Path $warm
[IO.File]::WriteAllBytes((Join-Path $warm 'a.bin'), [byte[]]::new(1MB))
$version = if ($Case -eq 'Verify') { 'Hybrid' } else { $Case }
$t = New-Torrent -LiteralPath $warm -Destination (Join-Path $Work 'warm.torrent') -Version $version -Force
$null = $t | Test-Torrent -ContentPath $warm
[GC]::Collect()
$process = [Diagnostics.Process]::GetCurrentProcess()
$process.Refresh()
$baseline = $process.WorkingSet64
$key = "tps-$($Case.ToLowerInvariant())"
$seconds = if ($Case -eq 'Verify') {
    (Measure-Command { $null = Test-Torrent -LiteralPath (Join-Path $Work 'tps-Hybrid.torrent') -ContentPath $content -Summary }).TotalSeconds
}
else {
    (Measure-Command { $null = New-Torrent -LiteralPath $content -Destination (Join-Path $Work "tps-$version.torrent") -Version $version -PieceLength $length -Force }).TotalSeconds
}
$process.Refresh()
@{ $key = $seconds; "$key-memory-mib" = [Math]::Round(($process.PeakWorkingSet64 - $baseline) / 1MB, 1) } | ConvertTo-Json -Compress
