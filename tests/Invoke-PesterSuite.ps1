<#
.SYNOPSIS
Runs the Pester 5 suite (tests/*.Tests.ps1) against the module in output/TrackerPS.

.DESCRIPTION
build.ps1 -Task Test runs this script in a child PowerShell process, so the module's assemblies are never loaded
into (and locked by) the session that builds them. Installs Pester 5 for the current user when it is missing; if
that fails, warns clearly and runs nothing. The exit code is the number of failed tests.

.PARAMETER ResultPath
Optional NUnit XML result file to write.
#>
[CmdletBinding()]
param(
    [string] $ResultPath
)

$ErrorActionPreference = 'Stop'
$minimumVersion = [version]'5.0.0'

function Find-Pester {
    Get-Module -ListAvailable -Name Pester |
        Where-Object { $_.Version -ge $minimumVersion } |
        Sort-Object -Property Version -Descending |
        Select-Object -First 1
}

$pester = Find-Pester
if (-not $pester) {
    try {
        Install-Module -Name Pester -MinimumVersion $minimumVersion -Scope CurrentUser -Force -SkipPublisherCheck -ErrorAction Stop
        $pester = Find-Pester
    }
    catch {
        Write-Warning "Pester $minimumVersion or later is not installed and could not be installed ($($_.Exception.Message)). The Pester tests were NOT run."
        exit 0
    }
}

Import-Module -ModuleInfo $pester -Force

$configuration = New-PesterConfiguration
$configuration.Run.Path = $PSScriptRoot
$configuration.Run.Exit = $true
$configuration.Output.Verbosity = 'Detailed'
if ($ResultPath) {
    $configuration.TestResult.Enabled = $true
    $configuration.TestResult.OutputPath = $ResultPath
}

Invoke-Pester -Configuration $configuration
