<#
.SYNOPSIS
Runs the Pester 5 suite (tests/*.Tests.ps1) against the module in output/TrackerPS.

.DESCRIPTION
build.ps1 -Task Test runs this script in a child PowerShell process, so the module's assemblies are never loaded
into (and locked by) the session that builds them. Pester 5.7.1 comes from NuGet (tests/tools/TestTools.csproj);
nothing is installed from the PowerShell Gallery. The exit code is 0 when no test failed.

.PARAMETER PesterPath
The Pester.psd1 to import (build.ps1 passes the one in the NuGet global packages folder).

.PARAMETER ResultPath
Optional NUnit XML result file to write.

.PARAMETER SummaryPath
Optional JSON file to write the counts to: Passed, Failed, Skipped (tests not run count as failed).
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)]
    [string] $PesterPath,

    [string] $ResultPath,

    [string] $SummaryPath
)

# No script-wide ErrorActionPreference: the tests run in scopes below this one and would inherit it.
Import-Module -Name $PesterPath -Force -ErrorAction Stop

$configuration = New-PesterConfiguration
$configuration.Run.Path = $PSScriptRoot
$configuration.Run.PassThru = $true
$configuration.Output.Verbosity = 'Detailed'
if ($ResultPath) {
    $configuration.TestResult.Enabled = $true
    $configuration.TestResult.OutputPath = $ResultPath
}

$result = Invoke-Pester -Configuration $configuration
# A container that failed to run (a BeforeAll that threw, a parse error) leaves its tests uncounted: count it as failed.
$failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount + $result.NotRunCount
if ($SummaryPath) {
    [pscustomobject] @{ Passed = $result.PassedCount; Failed = $failed; Skipped = $result.SkippedCount } |
        ConvertTo-Json | Set-Content -LiteralPath $SummaryPath
}

if ($failed -gt 0) {
    exit 1
}
