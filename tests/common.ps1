# Shared setup for the Pester 5 suite. Dot-source it from a BeforeAll block:
#     BeforeAll { . (Join-Path $PSScriptRoot 'common.ps1') }
# It imports the module laid out by `dotnet build -c Release` (output/TrackerPS) and loads the oracle values
# that real tools (libtorrent, mktorrent, transmission) report for the fixtures (see data/README.md).

$ModuleManifest = Join-Path $PSScriptRoot '../output/TrackerPS/TrackerPS.psd1'
if (-not (Test-Path -LiteralPath $ModuleManifest)) {
    throw "The module is not built: '$ModuleManifest' is missing. Run 'dotnet build -c Release' first."
}

Import-Module -Name $ModuleManifest -Force -ErrorAction Stop

$DataDir = Join-Path $PSScriptRoot 'data'
$Oracle = (Get-Content -LiteralPath (Join-Path $DataDir 'oracle.json') -Raw -Encoding UTF8 | ConvertFrom-Json).fixtures

function Get-FixturePath {
    param([Parameter(Mandatory)] [string] $Name)
    Join-Path $DataDir $Name
}

function Get-ExpectedInfoHash {
    # The hash trackers know a torrent by: the v1 SHA-1, or for a v2-only torrent the SHA-256 truncated to 20 bytes (BEP 52).
    param([Parameter(Mandatory)] $Expected)
    if ($null -ne $Expected.info_hash_v1) {
        $Expected.info_hash_v1
    }
    else {
        $Expected.info_hash_v2.Substring(0, 40)
    }
}
