<#
.SYNOPSIS
The README's first command (build.ps1 -Task Demo): a sample torrent's info, the peers a real tracker returns for it,
and a scrape.

.DESCRIPTION
Imports output/TrackerPS, reads tests/data/v1-single.torrent, and, when build.ps1 has started opentracker on loopback
(TRACKERPS_OPENTRACKER_UDP/_HTTP), lets a seeder join the torrent's swarm there, announces as a second peer over UDP
and HTTP and shows the peers the tracker returns, then scrapes both. The sample torrent's own tracker
(127.0.0.1:6969) is replaced by the loopback opentracker with -Tracker.
#>
[CmdletBinding()]
param()

$ErrorActionPreference = 'Stop'
Import-Module -Name (Join-Path $PSScriptRoot '../output/TrackerPS/TrackerPS.psd1') -Force

$torrent = Get-TorrentInfo -LiteralPath (Join-Path $PSScriptRoot 'data/v1-single.torrent')
'The torrent:'
$torrent | Format-List -Property Name, Version, InfoHash, TotalSize, PieceLength, PieceCount, FileCount, Tracker, MagnetUri |
    Out-String -Width 80

if (-not $env:TRACKERPS_OPENTRACKER_UDP) {
    Write-Warning 'No tracker on loopback (opentracker is not installed: sudo apt-get install opentracker), so no peers are shown.'
    return
}

$trackers = [uri[]] @($env:TRACKERPS_OPENTRACKER_UDP, $env:TRACKERPS_OPENTRACKER_HTTP)
$seeder = @{ InfoHash = $torrent.InfoHash; Tracker = $trackers[0]; PeerId = '-DM0100-seederseeder'; Port = 51413; Force = $true }
$leecher = @{ InfoHash = $torrent.InfoHash; Tracker = $trackers; Port = 6881; Left = $torrent.TotalSize; Force = $true }
try {
    Invoke-TrackerAnnounce @seeder -Left 0 -Event Started | Out-Null

    "Peers that $($trackers -join ' and ') return (opentracker lists the asking peer too):"
    Invoke-TrackerAnnounce @leecher -Event Started | Format-Table | Out-String -Width 80

    'Scrape:'
    Invoke-TrackerScrape -InfoHash $torrent.InfoHash -Tracker $trackers | Format-Table | Out-String -Width 80
}
finally {
    Invoke-TrackerAnnounce @leecher -Event Stopped | Out-Null
    Invoke-TrackerAnnounce @seeder -Left 0 -Event Stopped | Out-Null
}
