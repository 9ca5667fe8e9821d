#Requires -Modules Pester
# Pester 5 tests for Get-TorrentMetadata against real libtorrent seeds on loopback (TRACKERPS_LIBTORRENT_SEEDS) and, end
# to end, the loopback opentracker. Hostile peers are covered by the xunit tests (MetadataFetcherTests).

BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $script:Seeds = @{}
    if ($env:TRACKERPS_LIBTORRENT_SEEDS) {
        foreach ($seed in Get-Content -LiteralPath $env:TRACKERPS_LIBTORRENT_SEEDS -Raw | ConvertFrom-Json) {
            $script:Seeds[$seed.name] = $seed
        }
    }

    # The seed's magnet link (btih and/or btmh, dn) with the seed as its x.pe peer.
    function Get-SeedMagnet($Seed) {
        (Get-TorrentInfo -LiteralPath $Seed.torrent).MagnetUri + "&x.pe=127.0.0.1:$($Seed.port)"
    }
}

Describe 'Get-TorrentMetadata' {
    It 'fetches the <Name> metadata from a magnet link''s x.pe peer and writes a torrent with the same info-hashes' -Skip:(-not $env:TRACKERPS_LIBTORRENT_SEEDS) -ForEach @(
        @{ Name = 'v1' }, @{ Name = 'v2' }, @{ Name = 'hybrid' }
    ) {
        $seed = $Seeds[$Name]
        $expected = Get-TorrentInfo -LiteralPath $seed.torrent
        $destination = Join-Path $TestDrive "$Name.torrent"

        $torrent = ConvertFrom-MagnetUri (Get-SeedMagnet $seed) | Get-TorrentMetadata -Destination $destination -NoAnnounce

        $torrent.Path | Should -Be $destination
        $torrent.InfoHashV1 | Should -Be $expected.InfoHashV1
        $torrent.InfoHashV2 | Should -Be $expected.InfoHashV2
        (Get-TorrentInfoHash -LiteralPath $destination -WarningAction SilentlyContinue).InfoHash | Should -Be $expected.InfoHash
        @(Get-ChildItem -LiteralPath $TestDrive -Filter '.*.tmp' -Force).Count | Should -Be 0
    }

    It 'emits the torrent without -Destination and writes nothing' -Skip:(-not $env:TRACKERPS_LIBTORRENT_SEEDS) {
        $seed = $Seeds['v1']

        $torrent = Get-TorrentMetadata -InfoHash $seed.info_hash -Peer "127.0.0.1:$($seed.port)" -NoAnnounce

        $torrent.InfoHash | Should -Be $seed.info_hash
        $torrent.Path | Should -BeNullOrEmpty
    }

    It 'writes INFOHASH.torrent into an existing folder, and nothing with -WhatIf' -Skip:(-not $env:TRACKERPS_LIBTORRENT_SEEDS) {
        $seed = $Seeds['v1']
        $folder = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'out')

        $null = Get-TorrentMetadata -InfoHash $seed.info_hash -Peer "127.0.0.1:$($seed.port)" -NoAnnounce -Destination $folder.FullName -WhatIf
        @(Get-ChildItem -LiteralPath $folder.FullName -Force).Count | Should -Be 0
        $torrent = Get-TorrentMetadata -InfoHash $seed.info_hash -Peer "127.0.0.1:$($seed.port)" -NoAnnounce -Destination $folder.FullName

        $torrent.Path | Should -Be (Join-Path $folder.FullName "$($seed.info_hash).torrent")
    }

    It 'writes progress from a libtorrent seed: peers tried, connected, pieces received, then Completed' -Skip:(-not $env:TRACKERPS_LIBTORRENT_SEEDS) {
        $seed = $Seeds['v1']
        $pieces = [math]::Ceiling($seed.metadata_size / 16KB)

        $run = Invoke-Captured 'Get-TorrentMetadata' @{ InfoHash = $seed.info_hash; Peer = "127.0.0.1:$($seed.port)"; NoAnnounce = $true }

        $run.Error | Should -BeNullOrEmpty
        $run.Output[0].InfoHash | Should -Be $seed.info_hash
        $records = @($run.Progress)
        $bars = @($records | Where-Object RecordType -eq 'Processing')
        # One peer: each count moves once, in this order (MetadataSwarm reports under its lock).
        $bars.StatusDescription | Should -Be @(
            '0 of 1 peers tried, 0 connected; 0 of ? pieces'
            '1 of 1 peers tried, 0 connected; 0 of ? pieces'
            '1 of 1 peers tried, 1 connected; 0 of ? pieces'
            "1 of 1 peers tried, 1 connected; 0 of $pieces pieces"
            1..$pieces | ForEach-Object { "1 of 1 peers tried, 1 connected; $_ of $pieces pieces" }
        )
        $bars.PercentComplete | Should -Be @(0, 0, 0, 0; 1..$pieces | ForEach-Object { [int] [math]::Floor($_ * 100 / $pieces) })
        $bars.Activity | Sort-Object -Unique | Should -Be 'Get-TorrentMetadata'
        $records[-1].RecordType | Should -Be 'Completed'
        @($records | Where-Object RecordType -eq 'Completed').Count | Should -Be 1
        $records.ActivityId | Sort-Object -Unique | Should -Be $bars[0].ActivityId
    }

    It 'ends its progress with Completed when no peer supplies the metadata' {
        $port = Get-ClosedTcpPort

        $run = Invoke-Captured 'Get-TorrentMetadata' @{ InfoHash = (Get-TestHash 1); Peer = "127.0.0.1:$port"; NoAnnounce = $true; TimeoutSec = 2 }

        Get-ErrorId $run.Error[0] | Should -Be 'MetadataNotFound'
        $run.Progress[0].StatusDescription | Should -Be '0 of 1 peers tried, 0 connected; 0 of ? pieces'
        $run.Progress[-1].RecordType | Should -Be 'Completed'
    }

    It 'writes MetadataNotFound for a private torrent, saying its peers never share the metadata' -Skip:(-not $env:TRACKERPS_LIBTORRENT_SEEDS) {
        $seed = $Seeds['private']

        $torrent = Get-TorrentMetadata -InfoHash $seed.info_hash -Peer "127.0.0.1:$($seed.port)" -NoAnnounce -ErrorVariable failed -ErrorAction SilentlyContinue

        $torrent | Should -BeNullOrEmpty
        Get-ErrorId $failed[0] | Should -Be 'MetadataNotFound'
        $failed[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failed[0].TargetObject | Should -Be $seed.info_hash
        $failed[0].Exception.Message | Should -BeLike "*127.0.0.1:$($seed.port): does not offer ut_metadata*private torrent (BEP 27)*"
    }

    It 'writes MetadataNotFound naming a refused peer, and InvalidPeerEndPoint for a bad one' {
        $port = Get-ClosedTcpPort

        $result = Invoke-Verbosely { Get-TorrentMetadata -InfoHash (Get-TestHash 1) -Peer 'bad', "127.0.0.1:$port" -NoAnnounce -TimeoutSec 2 }

        $result.ErrorIds | Should -Be @('InvalidPeerEndPoint', 'MetadataNotFound')
        $result.Verbose | Should -Contain "Peer 127.0.0.1:$($port) dropped: connection refused"
    }

    It 'end to end: a magnet link with only a tracker gets its peers from opentracker, and the torrent keeps the tracker' -Skip:(-not ($env:TRACKERPS_LIBTORRENT_SEEDS -and $env:TRACKERPS_OPENTRACKER_HTTP)) {
        $seed = $Seeds['hybrid']
        $null = Invoke-TrackerAnnounce -InfoHash $seed.info_hash_v1 -Tracker $env:TRACKERPS_OPENTRACKER_HTTP -Port $seed.port -Left 0 -Force
        $magnet = (Get-TorrentInfo -LiteralPath $seed.torrent).MagnetUri + '&tr=' + [uri]::EscapeDataString($env:TRACKERPS_OPENTRACKER_HTTP)
        $destination = Join-Path $TestDrive 'e2e.torrent'

        $torrent = ConvertFrom-MagnetUri $magnet | Get-TorrentMetadata -Destination $destination -TimeoutSec 5

        $torrent.InfoHashV1 | Should -Be $seed.info_hash_v1
        $torrent.InfoHashV2 | Should -Be $seed.info_hash_v2
        $torrent.Tracker | Should -Be @([uri] $env:TRACKERPS_OPENTRACKER_HTTP)
        (Get-TorrentInfo -LiteralPath $destination -WarningAction SilentlyContinue).Tracker | Should -Be @([uri] $env:TRACKERPS_OPENTRACKER_HTTP)
    }
}
