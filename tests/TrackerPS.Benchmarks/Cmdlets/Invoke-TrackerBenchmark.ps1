#Requires -Version 7.0
<#
.SYNOPSIS
    Issue 11's tracker cases: Invoke-TrackerAnnounce and Invoke-TrackerScrape in pwsh 7.6.9 against a minimal BEP 15
    client, wrk, and the 136-round-trip scrape floor, on one loopback opentracker.
.DESCRIPTION
    Writes 12,000 info-hashes into a whitelist and starts opentracker with it (tests/opentracker/start.sh,
    TRACKERPS_OPENTRACKER_WHITELIST). Then starts one long-lived process per tool (tracker-worker.ps1 with the module,
    bep15-worker.py). The pwsh worker first runs each of its cases -WarmupRounds times (10 by default: over 2,000 HTTP
    announces a run, .NET's tiered compilation was still replacing code after 10 runs, and a run took half the time of
    the first by then), the Python worker each of its cases once; the first run of each case is printed too. Then
    -Rounds rounds, each comparison's two sides back to back, the order alternating by round; wrk runs as one process
    per round. Prints the median and min-max of each case and the ratios, with the issue's targets:
      4. one Invoke-TrackerAnnounce -AsResponse -Force of 2,000 info-hashes, -ThrottleLimit 64 and 1: UDP against
         bep15-worker.py (blocking socket, cached connection id, the same number in flight), HTTP against
         wrk -t1 -cN on the same tracker's announce URL; rate >= 0.5x
      5. 10,000 info-hashes piped to Invoke-TrackerScrape (UDP): time against 136 sequential BEP 15 scrapes of
         74 info-hashes (bep15-worker.py scrape-floor); <= 1.5x
    and, for each, Write-FloorObject (a trivial compiled cmdlet binding the same parameters and writing one object per
    info-hash): what PowerShell itself costs; and for HTTP, HttpClientFloor.cs (the same GETs through one HttpClient
    configured as the transport's, nothing else): what HttpClient itself costs. Not part of the test command: timings
    are not tests. Needs /usr/bin/opentracker, wrk (apt-get install wrk) and a built module (./build.ps1 -Task Build).

        dotnet pwsh -NoProfile -File tests/TrackerPS.Benchmarks/Cmdlets/Invoke-TrackerBenchmark.ps1 [-Rounds 5] [-WarmupRounds 10]
#>
# The analyzer does not see a parameter used inside a function defined below.
[Diagnostics.CodeAnalysis.SuppressMessageAttribute('PSReviewUnusedParameter', 'WrkSeconds', Justification = 'Used by the wrk function.')]
[CmdletBinding()]
param(
    [ValidateRange(5, 100)] [int] $Rounds = 5,
    [ValidateRange(1, 100)] [int] $WarmupRounds = 10,
    [string] $ModulePath = (Join-Path $PSScriptRoot '../../../output/TrackerPS'),
    [ValidateRange(1, 60)] [int] $WrkSeconds = 2
)

$ErrorActionPreference = 'Stop'
$repo = (Resolve-Path (Join-Path $PSScriptRoot '../../..')).Path
$ModulePath = (Resolve-Path $ModulePath).Path
. (Join-Path $PSScriptRoot 'BenchmarkWorker.ps1')
$work = Join-Path ([IO.Path]::GetTempPath()) "trackerps-tracker-bench-$PID"
$null = New-Item -ItemType Directory -Path $work -Force

# Announces: 2,000 hashes; scrapes: 10,000 others (so the scrape floor and the scrape see the same swarms each round).
$sha1 = [Security.Cryptography.SHA1]::Create()
$hashes = foreach ($i in 0..11999) {
    [Convert]::ToHexString($sha1.ComputeHash([Text.Encoding]::ASCII.GetBytes("trackerps-bench-$i"))).ToLowerInvariant()
}
$whitelist = Join-Path $work 'whitelist'
$announceFile = Join-Path $work 'announce.txt'
$scrapeFile = Join-Path $work 'scrape.txt'
Set-Content -LiteralPath $whitelist -Value $hashes
Set-Content -LiteralPath $announceFile -Value $hashes[0..1999]
Set-Content -LiteralPath $scrapeFile -Value $hashes[2000..11999]

$env:TRACKERPS_OPENTRACKER_WHITELIST = $whitelist
$lines = & bash (Join-Path $repo 'tests/opentracker/start.sh')
if ($LASTEXITCODE) { throw 'tests/opentracker/start.sh failed.' }
$tracker = @{}
foreach ($line in $lines) {
    $name, $value = $line -split '=', 2
    $tracker[$name] = $value
}
Write-Information "== opentracker on $($tracker.TRACKERPS_OPENTRACKER_UDP) and $($tracker.TRACKERPS_OPENTRACKER_HTTP)" -InformationAction Continue

# wrk's URL: the one Invoke-TrackerAnnounce sends by default, for the first hash.
$wrkUrl = Get-AnnounceUrl $tracker.TRACKERPS_OPENTRACKER_HTTP $hashes[0]

# Each comparison: our case, the reference (a bep15-worker.py case, or wrk with N connections), and the target on the
# rate ratio (ours / reference) or on the time ratio.
$comparisons = @(
    @{ Name = 'UDP announce of 2,000, -ThrottleLimit 64'; Ours = 'udp-64'; Tool = 'bep15'; Reference = 'announce-64'; ReferenceName = 'minimal BEP 15 client, 64 in flight'; Target = 0.5; On = 'rate' }
    @{ Name = 'UDP announce of 2,000, -ThrottleLimit 1'; Ours = 'udp-1'; Tool = 'bep15'; Reference = 'announce-1'; ReferenceName = 'minimal BEP 15 client, 1 in flight'; Target = 0.5; On = 'rate' }
    @{ Name = 'HTTP announce of 2,000, -ThrottleLimit 64'; Ours = 'http-64'; Tool = 'wrk'; Reference = '64'; ReferenceName = 'wrk -t1 -c64'; Target = 0.5; On = 'rate' }
    @{ Name = 'HTTP announce of 2,000, -ThrottleLimit 1'; Ours = 'http-1'; Tool = 'wrk'; Reference = '1'; ReferenceName = 'wrk -t1 -c1'; Target = 0.5; On = 'rate' }
    @{ Name = 'HttpClient alone (the floor), 64 in flight'; Ours = 'http-floor-64'; Tool = 'wrk'; Reference = '64'; ReferenceName = 'wrk -t1 -c64'; Target = $null; On = 'rate' }
    @{ Name = 'HttpClient alone (the floor), 1 in flight'; Ours = 'http-floor-1'; Tool = 'wrk'; Reference = '1'; ReferenceName = 'wrk -t1 -c1'; Target = $null; On = 'rate' }
    @{ Name = 'UDP scrape of 10,000 piped'; Ours = 'scrape'; Tool = 'bep15'; Reference = 'scrape-floor'; ReferenceName = '136 sequential BEP 15 scrape round trips'; Target = 1.5; On = 'time' }
    @{ Name = 'Write-FloorObject -InfoHash (2,000)'; Ours = 'floor-announce'; Tool = 'bep15'; Reference = 'announce-64'; ReferenceName = 'minimal BEP 15 client, 64 in flight'; Target = $null; On = 'rate' }
    @{ Name = '10,000 piped to Write-FloorObject'; Ours = 'floor-scrape'; Tool = 'bep15'; Reference = 'scrape-floor'; ReferenceName = '136 sequential BEP 15 scrape round trips'; Target = $null; On = 'time' }
)

# wrk's rate as if it had made the same number of requests: count / (count / rate).
function Invoke-Wrk([string] $Connections) {
    $output = & wrk -t1 "-c$Connections" "-d$($WrkSeconds)s" $wrkUrl
    if ($LASTEXITCODE) { throw "wrk failed: $output" }
    $rate = [double](([regex]::Match(($output -join "`n"), 'Requests/sec:\s*([\d.]+)')).Groups[1].Value)
    [pscustomobject]@{ seconds = 2000 / $rate; count = 2000; errors = 0 }
}

$workers = @{
    TrackerPS = Open-BenchmarkWorker 'dotnet' @('pwsh', '-NoProfile', '-NonInteractive', '-File', (Join-Path $PSScriptRoot 'tracker-worker.ps1'),
        '-ModulePath', $ModulePath, '-UdpTracker', $tracker.TRACKERPS_OPENTRACKER_UDP, '-HttpTracker', $tracker.TRACKERPS_OPENTRACKER_HTTP,
        '-AnnounceFile', $announceFile, '-ScrapeFile', $scrapeFile) $repo
    bep15     = Open-BenchmarkWorker '/usr/bin/python3' @((Join-Path $PSScriptRoot 'bep15-worker.py'), $tracker.TRACKERPS_OPENTRACKER_UDP, $announceFile, $scrapeFile) $repo
}

try {
    $firstRuns = Invoke-WarmUp $workers $comparisons $WarmupRounds -PwshTools TrackerPS
    $samples = @{}
    for ($round = 1; $round -le $Rounds; $round++) {
        Write-Information "== round $round of $Rounds" -InformationAction Continue
        foreach ($comparison in $comparisons) {
            $sides = @(@{ Tool = 'TrackerPS'; Case = $comparison.Ours }, @{ Tool = $comparison.Tool; Case = $comparison.Reference })
            if ($round % 2) { [array]::Reverse($sides) }
            foreach ($side in $sides) {
                $key = "$($side.Tool)/$($side.Case)"
                # A reference shared by two comparisons runs once per round.
                if ($samples[$key] -and $samples[$key].Count -ge $round) { continue }
                $result = if ($side.Tool -eq 'wrk') { Invoke-Wrk $side.Case } else { Invoke-Case $workers[$side.Tool] $side.Case }
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
    Stop-Process -Id $tracker.TRACKERPS_OPENTRACKER_PID -ErrorAction SilentlyContinue
    Remove-Item -LiteralPath $work -Recurse -Force
}

function Get-Summary([string] $Key) {
    $seconds = [double[]]($samples[$Key] | ForEach-Object seconds)
    [pscustomobject]@{
        Median = Get-Median $seconds
        Min    = ($seconds | Measure-Object -Minimum).Minimum
        Max    = ($seconds | Measure-Object -Maximum).Maximum
        Count  = ($samples[$Key] | Measure-Object -Property count -Minimum).Minimum
        Errors = ($samples[$Key] | Measure-Object -Property errors -Maximum).Maximum
        # The median CPU seconds of a run, every thread of the worker process; $null for wrk.
        Cpu    = Get-FieldMedian $samples[$Key] 'cpu'
    }
}

# "41.0 us": a worker's median CPU time per object (announce, scrape result); empty for wrk.
function Format-CpuPerObject($Summary) {
    if ($null -ne $Summary.Cpu) { '{0:N1} us' -f ($Summary.Cpu / $Summary.Count * 1e6) }
}

'| Case | TrackerPS (median, min-max) | First run | Objects (errors) | Reference | Reference (median) | Ratio | Target | | CPU per object: ours, reference |'
'|---|---|---|---|---|---|---|---|---|---|'
foreach ($comparison in $comparisons) {
    $ours = Get-Summary "TrackerPS/$($comparison.Ours)"
    $reference = Get-Summary "$($comparison.Tool)/$($comparison.Reference)"
    if ($comparison.On -eq 'rate') {
        $ratio = ($ours.Count / $ours.Median) / ($reference.Count / $reference.Median)
        $oursText = '{0} ({1}-{2}), {3:N0}/s' -f (Format-Duration $ours.Median), (Format-Duration $ours.Min), (Format-Duration $ours.Max), ($ours.Count / $ours.Median)
        $referenceText = '{0:N0}/s' -f ($reference.Count / $reference.Median)
        $ratioText = '{0:N2}x the rate' -f $ratio
        $targetText, $pass = if ($null -ne $comparison.Target) { ('>= {0:N1}x' -f $comparison.Target), ($ratio -ge $comparison.Target) } else { '', $null }
    }
    else {
        $ratio = $ours.Median / $reference.Median
        $oursText = '{0} ({1}-{2})' -f (Format-Duration $ours.Median), (Format-Duration $ours.Min), (Format-Duration $ours.Max)
        $referenceText = Format-Duration $reference.Median
        $ratioText = '{0:N2}x the time' -f $ratio
        $targetText, $pass = if ($null -ne $comparison.Target) { ('<= {0:N1}x' -f $comparison.Target), ($ratio -le $comparison.Target) } else { '', $null }
    }
    $verdict = if ($null -eq $pass) { '' } elseif ($pass -and $ours.Errors -eq 0) { 'PASS' } else { 'FAIL' }
    $firstText = Format-Duration $firstRuns["TrackerPS/$($comparison.Ours)"].seconds
    $cpuText = (@((Format-CpuPerObject $ours), (Format-CpuPerObject $reference)) | Where-Object { $_ }) -join ', '
    '| {0} | {1} | {2} | {3:N0} ({4}) | {5} | {6} | {7} | {8} | {9} | {10} |' -f $comparison.Name, $oursText, $firstText, $ours.Count, $ours.Errors, $comparison.ReferenceName, $referenceText, $ratioText, $targetText, $verdict, $cpuText
}
