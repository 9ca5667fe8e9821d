<#
.SYNOPSIS
Builds, tests and analyzes TrackerPS.

.DESCRIPTION
Build:   dotnet build, which also lays out the importable module in output/TrackerPS.
Test:    dotnet test (xunit), then the Pester 5 suite in a child PowerShell process against output/TrackerPS.
Analyze: PSScriptAnalyzer over the repository's scripts and manifests, with PSScriptAnalyzerSettings.psd1.

.PARAMETER Task
Build (the default), Test or Analyze.

.PARAMETER Configuration
The .NET build configuration: Release (the default) or Debug.

.EXAMPLE
./build.ps1 -Task Test
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Analyze')]
    [string] $Task = 'Build',

    [ValidateSet('Release', 'Debug')]
    [string] $Configuration = 'Release'
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
$solution = Join-Path $PSScriptRoot 'TrackerPS.sln'

function Invoke-NativeCommand {
    param(
        [Parameter(Mandatory)] [string] $FilePath,
        [Parameter(Mandatory)] [string[]] $ArgumentList
    )

    & $FilePath @ArgumentList
    if ($LASTEXITCODE -ne 0) {
        throw "'$FilePath $($ArgumentList -join ' ')' failed with exit code $LASTEXITCODE."
    }
}

function Invoke-BuildTask {
    Invoke-NativeCommand -FilePath 'dotnet' -ArgumentList @('build', $solution, '-c', $Configuration)
}

function Invoke-TestTask {
    # dotnet test builds first, and building TrackerPS lays out output/TrackerPS for the Pester suite.
    Invoke-NativeCommand -FilePath 'dotnet' -ArgumentList @('test', $solution, '-c', $Configuration)

    # A child process, so the module's assemblies are not loaded into (and locked by) this session.
    $pwsh = Get-Command -Name 'pwsh' -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
    $shell = if ($pwsh) { $pwsh.Source } else { (Get-Process -Id $PID).Path }
    $runner = Join-Path $PSScriptRoot 'tests/Invoke-PesterSuite.ps1'
    $resultsDirectory = New-Item -ItemType Directory -Path (Join-Path $PSScriptRoot 'TestResults') -Force
    $results = Join-Path $resultsDirectory.FullName 'pester.xml'
    Invoke-NativeCommand -FilePath $shell -ArgumentList @('-NoProfile', '-NonInteractive', '-File', $runner, '-ResultPath', $results)
}

function Invoke-AnalyzeTask {
    if (-not (Get-Module -ListAvailable -Name PSScriptAnalyzer)) {
        Write-Warning 'PSScriptAnalyzer is not installed, so the scripts were NOT analyzed. Install it with: Install-Module PSScriptAnalyzer -Scope CurrentUser'
        return
    }

    $settings = Join-Path $PSScriptRoot 'PSScriptAnalyzerSettings.psd1'
    $files = @(
        Get-Item -LiteralPath (Join-Path $PSScriptRoot 'build.ps1'), $settings
        Get-ChildItem -LiteralPath (Join-Path $PSScriptRoot 'module') -Filter '*.psd1'
        Get-ChildItem -LiteralPath (Join-Path $PSScriptRoot 'tests') -Filter '*.ps1'
    )
    $findings = @($files | ForEach-Object { Invoke-ScriptAnalyzer -Path $_.FullName -Settings $settings })
    if ($findings.Count -gt 0) {
        $findings | Format-Table -Property Severity, RuleName, ScriptName, Line, Message -AutoSize -Wrap | Out-String -Width 200
        throw "PSScriptAnalyzer reported $($findings.Count) finding(s)."
    }

    "PSScriptAnalyzer: no findings in $($files.Count) file(s)."
}

switch ($Task) {
    'Build' { Invoke-BuildTask }
    'Test' { Invoke-TestTask }
    'Analyze' { Invoke-AnalyzeTask }
}
