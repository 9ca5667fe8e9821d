# The values real tools (libtorrent, mktorrent, transmission) report for the fixtures in data/ (see data/README.md).
# common.ps1 dot-sources it; so do BeforeDiscovery blocks, since test cases must exist before BeforeAll runs.
#   $Oracle       the fixtures, by file name
#   $OracleCases  one -ForEach case per fixture: @{ File = 'v1-single.torrent'; Expected = <its values> }

$Oracle = (Get-Content -LiteralPath (Join-Path $PSScriptRoot 'data/oracle.json') -Raw -Encoding UTF8 | ConvertFrom-Json).fixtures
$OracleCases = @($Oracle.PSObject.Properties | ForEach-Object { @{ File = $_.Name; Expected = $_.Value } })
