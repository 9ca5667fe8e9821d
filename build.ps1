<#
.SYNOPSIS
Builds, demonstrates, tests and analyzes TrackerPS.

.DESCRIPTION
Build:   dotnet build, which also lays out the importable module in output/TrackerPS.
Demo:    builds, starts opentracker on loopback and shows a sample torrent's info, the peers the tracker returns for
         it and a scrape.
Test:    every test: xunit (dotnet test), the Pester suite in a child PowerShell against output/TrackerPS with
         opentracker and libtorrent seeds (tests/libtorrent) running on loopback, then PSScriptAnalyzer. Ends with one line 'N passed, N failed' over xunit
         and Pester. With $env:CI = 'true' a skipped test, a missing opentracker, libtorrent or PSScriptAnalyzer is a
         failure.
Analyze: PSScriptAnalyzer alone, with PSScriptAnalyzerSettings.psd1.

Run it with the pinned PowerShell: dotnet tool restore; dotnet pwsh -NoProfile -File ./build.ps1 -Task Test

.PARAMETER Task
Build (the default), Demo, Test or Analyze.

.PARAMETER Configuration
The .NET build configuration: Release (the default) or Debug.

.EXAMPLE
dotnet pwsh -NoProfile -File ./build.ps1 -Task Test
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Demo', 'Test', 'Analyze')]
    [string] $Task = 'Build',

    [ValidateSet('Release', 'Debug')]
    [string] $Configuration = 'Release'
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
$solution = Join-Path $PSScriptRoot 'TrackerPS.sln'
$resultsRoot = Join-Path $PSScriptRoot 'TestResults'
$isCi = $env:CI -eq 'true'

function Invoke-NativeCommand {
    param(
        [Parameter(Mandatory)] [string] $FilePath,
        [Parameter(Mandatory)] [string[]] $ArgumentList,
        [switch] $AllowFailure
    )

    # To the host, so that a function calling this returns only its own objects.
    & $FilePath @ArgumentList | Out-Host
    if ($LASTEXITCODE -ne 0 -and -not $AllowFailure) {
        throw "'$FilePath $($ArgumentList -join ' ')' failed with exit code $LASTEXITCODE."
    }
}

function Invoke-BuildTask([string] $Configuration) {
    Invoke-NativeCommand -FilePath 'dotnet' -ArgumentList @('build', $solution, '-c', $Configuration)
}

# Runs $ScriptBlock with opentracker on a free loopback port (tests/opentracker/start.sh), which sets
# TRACKERPS_OPENTRACKER_HTTP/_UDP for this process and its children, and stops it afterwards. When those variables are
# already set, uses that tracker. Without opentracker, says what to install and runs $ScriptBlock anyway; in CI that is
# an error.
function Invoke-WithOpenTracker([scriptblock] $ScriptBlock) {
    if ($env:TRACKERPS_OPENTRACKER_HTTP -and $env:TRACKERPS_OPENTRACKER_UDP) {
        return & $ScriptBlock
    }

    if (-not (Test-Path -LiteralPath '/usr/bin/opentracker') -or -not (Get-Command -Name 'bash' -ErrorAction SilentlyContinue)) {
        $message = 'opentracker is not installed, so nothing real answers on loopback. Install it (Debian/Ubuntu: sudo apt-get install opentracker python3) and run this again.'
        if ($isCi) {
            throw $message
        }

        Write-Warning $message
        return & $ScriptBlock
    }

    $lines = & bash (Join-Path $PSScriptRoot 'tests/opentracker/start.sh')
    if ($LASTEXITCODE -ne 0) {
        throw "tests/opentracker/start.sh failed with exit code $LASTEXITCODE."
    }

    foreach ($line in $lines) {
        $name, $value = $line -split '=', 2
        [Environment]::SetEnvironmentVariable($name, $value)
    }

    Write-Information "opentracker on $env:TRACKERPS_OPENTRACKER_HTTP and $env:TRACKERPS_OPENTRACKER_UDP" -InformationAction Continue
    try {
        & $ScriptBlock
    }
    finally {
        Stop-Process -Id ([int] $env:TRACKERPS_OPENTRACKER_PID) -ErrorAction SilentlyContinue
        Remove-Item -Path 'env:TRACKERPS_OPENTRACKER_HTTP', 'env:TRACKERPS_OPENTRACKER_UDP', 'env:TRACKERPS_OPENTRACKER_PID'
    }
}

# Runs $ScriptBlock with real libtorrent seeds on loopback (tests/libtorrent/start.sh, Debian's python3-libtorrent),
# which sets TRACKERPS_LIBTORRENT_SEEDS for this process and its children, and stops them afterwards. When that variable
# is already set, uses those seeds. Without python3-libtorrent, says what to install and runs $ScriptBlock anyway; in CI
# that is an error.
function Invoke-WithLibtorrent([scriptblock] $ScriptBlock) {
    if ($env:TRACKERPS_LIBTORRENT_SEEDS) {
        return & $ScriptBlock
    }

    $python = '/usr/bin/python3'
    $available = (Test-Path -LiteralPath $python) -and (Get-Command -Name 'bash' -ErrorAction SilentlyContinue)
    if ($available) {
        & $python -c 'import libtorrent' 2>$null
        $available = $LASTEXITCODE -eq 0
    }

    if (-not $available) {
        $message = 'python3-libtorrent is not installed, so no real peer seeds on loopback. Install it (Debian/Ubuntu: sudo apt-get install python3-libtorrent) and run this again.'
        if ($isCi) {
            throw $message
        }

        Write-Warning $message
        return & $ScriptBlock
    }

    $lines = & bash (Join-Path $PSScriptRoot 'tests/libtorrent/start.sh')
    if ($LASTEXITCODE -ne 0) {
        throw "tests/libtorrent/start.sh failed with exit code $LASTEXITCODE."
    }

    foreach ($line in $lines) {
        $name, $value = $line -split '=', 2
        [Environment]::SetEnvironmentVariable($name, $value)
    }

    Write-Information "libtorrent seeds in $env:TRACKERPS_LIBTORRENT_SEEDS" -InformationAction Continue
    try {
        & $ScriptBlock
    }
    finally {
        Stop-Process -Id ([int] $env:TRACKERPS_LIBTORRENT_PID) -ErrorAction SilentlyContinue
        Wait-Process -Id ([int] $env:TRACKERPS_LIBTORRENT_PID) -ErrorAction SilentlyContinue
        Remove-Item -LiteralPath (Split-Path -Parent $env:TRACKERPS_LIBTORRENT_SEEDS) -Recurse -Force -ErrorAction SilentlyContinue
        Remove-Item -Path 'env:TRACKERPS_LIBTORRENT_SEEDS', 'env:TRACKERPS_LIBTORRENT_PID'
    }
}

function Invoke-DemoTask([string] $Configuration) {
    Invoke-BuildTask -Configuration $Configuration
    Invoke-WithOpenTracker {
        # A child process, so this session does not load (and lock) the module it just built.
        $demo = Join-Path $PSScriptRoot 'tests/demo.ps1'
        Invoke-NativeCommand -FilePath 'dotnet' -ArgumentList @('pwsh', '-NoProfile', '-NonInteractive', '-File', $demo)
    }
}

# dotnet test writes one .trx per test project; its ResultSummary/Counters hold the totals. Returns Passed, Failed,
# Skipped.
function Invoke-XunitTest([string] $Configuration) {
    $directory = Join-Path $resultsRoot 'xunit'
    Remove-Item -LiteralPath $directory -Recurse -Force -ErrorAction SilentlyContinue
    Invoke-NativeCommand -FilePath 'dotnet' -AllowFailure -ArgumentList @(
        'test', $solution, '-c', $Configuration, '--logger', 'trx', '--results-directory', $directory)
    $exitCode = $LASTEXITCODE
    $count = [pscustomobject] @{ Passed = 0; Failed = 0; Skipped = 0 }
    foreach ($trx in Get-ChildItem -LiteralPath $directory -Filter '*.trx' -ErrorAction SilentlyContinue) {
        $counters = ([xml] (Get-Content -LiteralPath $trx.FullName -Raw)).TestRun.ResultSummary.Counters
        $count.Passed += [int] $counters.passed
        $count.Failed += [int] $counters.failed + [int] $counters.error + [int] $counters.timeout + [int] $counters.aborted
        $count.Skipped += [int] $counters.notExecuted
    }

    if ($exitCode -ne 0 -and $count.Failed -eq 0) {
        # The build or the test host failed before any result was recorded.
        $count.Failed = 1
    }

    $count
}

# The Pester module comes from NuGet (tests/tools/TestTools.csproj) into the global packages folder.
function Get-PesterManifestPath {
    Invoke-NativeCommand -FilePath 'dotnet' -ArgumentList @('restore', (Join-Path $PSScriptRoot 'tests/tools/TestTools.csproj'))
    $line = & dotnet nuget locals global-packages --list
    $packages = ($line -replace '^global-packages:\s*', '').Trim()
    Join-Path $packages 'pester/5.7.1/tools/Pester.psd1'
}

# Runs tests/Invoke-PesterSuite.ps1 in a child PowerShell, so the module's assemblies are not loaded into (and locked
# by) this session. Returns Passed, Failed, Skipped.
function Invoke-PesterTest {
    $summary = Join-Path $resultsRoot 'pester-summary.json'
    Remove-Item -LiteralPath $summary -ErrorAction SilentlyContinue
    $runner = Join-Path $PSScriptRoot 'tests/Invoke-PesterSuite.ps1'
    Invoke-NativeCommand -FilePath 'dotnet' -AllowFailure -ArgumentList @(
        'pwsh', '-NoProfile', '-NonInteractive', '-File', $runner,
        '-PesterPath', (Get-PesterManifestPath),
        '-ResultPath', (Join-Path $resultsRoot 'pester.xml'),
        '-SummaryPath', $summary)
    if (-not (Test-Path -LiteralPath $summary)) {
        return [pscustomobject] @{ Passed = 0; Failed = 1; Skipped = 0 }
    }

    Get-Content -LiteralPath $summary -Raw | ConvertFrom-Json
}

# PSScriptAnalyzer 1.25.0 is not on a registry reachable here; a build of it sits in ../shared/tools.
function Invoke-AnalyzeTask {
    $sharedTools = Join-Path $PSScriptRoot '../shared/tools'
    if (Test-Path -LiteralPath $sharedTools) {
        $env:PSModulePath = (Resolve-Path -LiteralPath $sharedTools).Path + [IO.Path]::PathSeparator + $env:PSModulePath
    }

    if (-not (Get-Module -ListAvailable -Name PSScriptAnalyzer)) {
        $message = "PSScriptAnalyzer is not installed (it was looked for in $sharedTools and on PSModulePath), so the scripts were NOT analyzed."
        if ($isCi) {
            throw $message
        }

        Write-Warning $message
        return
    }

    $settings = Join-Path $PSScriptRoot 'PSScriptAnalyzerSettings.psd1'
    $files = @(
        Get-Item -LiteralPath (Join-Path $PSScriptRoot 'build.ps1'), $settings
        Get-ChildItem -LiteralPath (Join-Path $PSScriptRoot 'module') -Filter '*.psd1'
        Get-ChildItem -LiteralPath (Join-Path $PSScriptRoot 'tests') -Filter '*.ps1' -Recurse |
            Where-Object FullName -NotMatch '[\\/](bin|obj)[\\/]'
    )
    $findings = @($files | ForEach-Object { Invoke-ScriptAnalyzer -Path $_.FullName -Settings $settings })
    if ($findings.Count -gt 0) {
        $findings | Format-Table -Property Severity, RuleName, ScriptName, Line, Message -AutoSize -Wrap | Out-String -Width 200
        throw "PSScriptAnalyzer reported $($findings.Count) finding(s)."
    }

    "PSScriptAnalyzer: no findings in $($files.Count) file(s)."
}

function Invoke-TestTask([string] $Configuration) {
    $xunit, $pester = Invoke-WithOpenTracker {
        Invoke-WithLibtorrent {
            Invoke-XunitTest -Configuration $Configuration
            Invoke-PesterTest
        }
    }

    foreach ($run in @(@('xunit', $xunit), @('Pester', $pester))) {
        'Totals of {0}: passed {1}, failed {2}, skipped {3}' -f $run[0], $run[1].Passed, $run[1].Failed, $run[1].Skipped
    }

    $analyzed = $true
    try {
        Invoke-AnalyzeTask
    }
    catch {
        Write-Warning $_.Exception.Message
        $analyzed = $false
    }

    $passed = $xunit.Passed + $pester.Passed
    $failed = $xunit.Failed + $pester.Failed
    $skipped = $xunit.Skipped + $pester.Skipped
    if ($isCi -and $skipped -gt 0) {
        Write-Warning "$skipped test(s) were skipped; in CI a skip is a failure."
        $failed += $skipped
        $skipped = 0
    }

    $closing = "$passed passed, $failed failed"
    if ($skipped -gt 0) {
        $closing += ", $skipped skipped"
    }

    $closing
    if ($failed -gt 0 -or -not $analyzed) {
        exit 1
    }
}

switch ($Task) {
    'Build' { Invoke-BuildTask -Configuration $Configuration }
    'Demo' { Invoke-DemoTask -Configuration $Configuration }
    'Test' { Invoke-TestTask -Configuration $Configuration }
    'Analyze' { Invoke-AnalyzeTask }
}
