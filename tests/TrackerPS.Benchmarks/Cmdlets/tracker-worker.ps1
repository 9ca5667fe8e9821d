#Requires -Version 7.0
<#
.SYNOPSIS
    The TrackerPS side of Invoke-TrackerBenchmark.ps1: reads a case name per line on stdin, runs it once, writes one
    JSON line on stdout ({"case", "seconds", "cpu", "count", "errors"}; cpu: the process's CPU seconds, every thread).
.DESCRIPTION
    Started once, so every round of a case runs in the same warm process. Imports the module and compiles
    Write-FloorObject (WriteFloorObjectCommand.cs), the trivial cmdlet that is PowerShell's floor per output object,
    and HttpClientFloor.cs, the floor of an HTTP announce (the same GETs through HttpClient alone).
    Progress is left on, as a user has it; "errors" counts the error records a case wrote.
#>
# The analyzer does not see parameters used inside the case script blocks.
[Diagnostics.CodeAnalysis.SuppressMessageAttribute('PSReviewUnusedParameter', 'UdpTracker', Justification = 'Used in the case script blocks.')]
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $UdpTracker,
    [Parameter(Mandatory)] [string] $HttpTracker,
    [Parameter(Mandatory)] [string] $AnnounceFile,
    [Parameter(Mandatory)] [string] $ScrapeFile
)

$ErrorActionPreference = 'Stop'
Import-Module $ModulePath
$floor = Add-Type -Path (Join-Path $PSScriptRoot 'WriteFloorObjectCommand.cs') -PassThru
Import-Module -Assembly $floor[0].Assembly
Add-Type -Path (Join-Path $PSScriptRoot 'HttpClientFloor.cs')
. (Join-Path $PSScriptRoot 'BenchmarkWorker.ps1')

$announce = [string[]](Get-Content -LiteralPath $AnnounceFile)
# The HttpClient floor GETs the announce URL Invoke-TrackerAnnounce sends by default (HttpAnnounceUri's fields and order).
$httpFloor = [TrackerPS.Benchmarks.Cmdlets.HttpClientFloor]::new()
$httpUrls = [string[]]($announce | ForEach-Object { Get-AnnounceUrl $HttpTracker $_ })
$scrape = [string[]](Get-Content -LiteralPath $ScrapeFile)
$cases = @{
    'udp-64'       = { Invoke-TrackerAnnounce -InfoHash $announce -Tracker $UdpTracker -AsResponse -Force -ThrottleLimit 64 -ErrorVariable +failed -ErrorAction SilentlyContinue | Measure-Object }
    'udp-1'        = { Invoke-TrackerAnnounce -InfoHash $announce -Tracker $UdpTracker -AsResponse -Force -ThrottleLimit 1 -ErrorVariable +failed -ErrorAction SilentlyContinue | Measure-Object }
    'http-64'      = { Invoke-TrackerAnnounce -InfoHash $announce -Tracker $HttpTracker -AsResponse -Force -ThrottleLimit 64 -ErrorVariable +failed -ErrorAction SilentlyContinue | Measure-Object }
    'http-1'       = { Invoke-TrackerAnnounce -InfoHash $announce -Tracker $HttpTracker -AsResponse -Force -ThrottleLimit 1 -ErrorVariable +failed -ErrorAction SilentlyContinue | Measure-Object }
    # The floor cases return the URLs they got (the count) and add one entry to $failed per GET that failed.
    'http-floor-64' = { $failed.AddRange([object[]]::new($httpFloor.Run($httpUrls, 64))); $httpUrls }
    'http-floor-1' = { $failed.AddRange([object[]]::new($httpFloor.Run($httpUrls, 1))); $httpUrls }
    'scrape'       = { $scrape | Invoke-TrackerScrape -Tracker $UdpTracker -ErrorVariable +failed -ErrorAction SilentlyContinue | Measure-Object }
    'floor-announce' = { Write-FloorObject -InfoHash $announce -Tracker $UdpTracker | Measure-Object }
    'floor-scrape' = { $scrape | Write-FloorObject -Tracker $UdpTracker | Measure-Object }
}

$self = [Diagnostics.Process]::GetCurrentProcess()
while ($null -ne ($name = [Console]::In.ReadLine())) {
    $case = $cases[$name]
    if ($null -eq $case) {
        [Console]::Out.WriteLine((@{ case = $name; error = 'unknown case' } | ConvertTo-Json -Compress))
        continue
    }

    $failed = [Collections.ArrayList]::new()
    [GC]::Collect()
    [GC]::WaitForPendingFinalizers()
    $cpuBefore = $self.TotalProcessorTime
    $clock = [Diagnostics.Stopwatch]::StartNew()
    $result = . $case
    $clock.Stop()
    $self.Refresh()
    $cpu = ($self.TotalProcessorTime - $cpuBefore).TotalSeconds
    [Console]::Out.WriteLine((@{ case = $name; seconds = $clock.Elapsed.TotalSeconds; cpu = $cpu; count = $result.Count; errors = $failed.Count } | ConvertTo-Json -Compress))
}
