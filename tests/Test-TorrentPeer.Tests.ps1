#Requires -Modules Pester
# Pester 5 tests for Test-TorrentPeer against real libtorrent seeds on loopback (TRACKERPS_LIBTORRENT_SEEDS, written by
# tests/libtorrent/start.sh, which build.ps1 -Task Test runs) and, end to end, the loopback opentracker.

BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $script:Seeds = @{}
    if ($env:TRACKERPS_LIBTORRENT_SEEDS) {
        foreach ($seed in Get-Content -LiteralPath $env:TRACKERPS_LIBTORRENT_SEEDS -Raw | ConvertFrom-Json) {
            $script:Seeds[$seed.name] = $seed
        }
    }
}

Describe 'Test-TorrentPeer' {
    It 'probes a libtorrent seed: reachable, its client, features, extension handshake and have_all' -Skip:(-not $env:TRACKERPS_LIBTORRENT_SEEDS) {
        $seed = $Seeds['v1']

        $probe = Test-TorrentPeer -EndPoint "127.0.0.1:$($seed.port)" -InfoHash $seed.info_hash

        $probe.PSObject.TypeNames[0] | Should -Be 'TrackerPS.PeerProbe'
        $probe.IsReachable | Should -BeTrue
        $probe.Error | Should -BeNullOrEmpty
        $probe.Client | Should -BeLike 'libtorrent*'
        $probe.SupportsExtensionProtocol | Should -BeTrue
        $probe.ExtensionMessages | Should -Contain 'ut_metadata'
        $probe.MetadataSize | Should -Be $seed.metadata_size
        $probe.HasAll | Should -BeTrue
        $probe.Latency | Should -BeLessThan ([timespan]::FromSeconds(5))
    }

    It 'reports a seed that requires encryption as closed (may require encryption), with the others' -Skip:(-not $env:TRACKERPS_LIBTORRENT_SEEDS) {
        $encrypted, $plain = $Seeds['encrypted'], $Seeds['v1']

        $probes = @(
            [pscustomobject] @{ EndPoint = "127.0.0.1:$($encrypted.port)"; InfoHash = $encrypted.info_hash }
            [pscustomobject] @{ EndPoint = "127.0.0.1:$($plain.port)"; InfoHash = $plain.info_hash }
        ) | Test-TorrentPeer

        $probes.Count | Should -Be 2
        ($probes | Where-Object InfoHash -EQ $encrypted.info_hash).Error | Should -BeLike 'closed (may require encryption)*'
        ($probes | Where-Object InfoHash -EQ $plain.info_hash).IsReachable | Should -BeTrue
    }

    It 'offers the v2 upgrade for a hybrid torrent given -InfoHashV2 and accepts the truncated v2 hash' -Skip:(-not $env:TRACKERPS_LIBTORRENT_SEEDS) {
        $seed = $Seeds['hybrid']

        $probe = Test-TorrentPeer -EndPoint "127.0.0.1:$($seed.port)" -InfoHash $seed.info_hash_v1 -InfoHashV2 $seed.info_hash_v2

        $probe.IsReachable | Should -BeTrue
        $probe.IsV2Upgraded | Should -BeTrue
    }

    It 'writes InvalidPeerEndPoint for a bad address and still probes the others, once per endpoint' {
        $port = Get-ClosedTcpPort

        $result = Invoke-Verbosely { Test-TorrentPeer -EndPoint 'no-port', "127.0.0.1:$port", "127.0.0.1:$port" -InfoHash (Get-TestHash 1) -TimeoutSec 2 }
        $probes = @(Test-TorrentPeer -EndPoint "127.0.0.1:$port", "127.0.0.1:$port" -InfoHash (Get-TestHash 1) -TimeoutSec 2)

        $result.ErrorIds | Should -Be @('InvalidPeerEndPoint')
        $probes.Count | Should -Be 1
        $probes[0].IsReachable | Should -BeFalse
        $probes[0].Error | Should -Be 'connection refused'
    }

    It 'refuses a private address by the network policy without connecting, unless -AllowLocalNetwork' {
        $probe = Test-TorrentPeer -EndPoint 10.0.0.1:6881 -InfoHash (Get-TestHash 1) -TimeoutSec 30

        $probe.IsReachable | Should -BeFalse
        $probe.Error | Should -BeLike 'refused by the network policy (LocalNetwork)*'
        (Get-Command Test-TorrentPeer).Parameters['AllowLocalNetwork'].SwitchParameter | Should -BeTrue
        (Get-Command Get-TorrentMetadata).Parameters['AllowLocalNetwork'].SwitchParameter | Should -BeTrue
    }

    It 'writes InvalidInfoHash for a bad info-hash' {
        $result = Invoke-Verbosely { Test-TorrentPeer -EndPoint 127.0.0.1:1 -InfoHash 'xyz' }

        $result.ErrorIds | Should -Be @('InvalidInfoHash')
    }

    It 'shows progress of peers probed and completes it' {
        $captured = Invoke-Captured 'Test-TorrentPeer' @{ EndPoint = "127.0.0.1:$(Get-ClosedTcpPort)"; InfoHash = (Get-TestHash 1) }

        $captured.Progress[0].StatusDescription | Should -Be '0 of 1 peers probed'
        $captured.Progress[-1].RecordType | Should -Be 'Completed'
    }

    It 'stops within 200 ms on Ctrl+C while peers stay silent' {
        # A listener that never accepts: connects complete from its backlog, and no handshake ever comes.
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $listener.Start(64)
        $shell = [powershell]::Create()
        try {
            $null = $shell.AddCommand('Import-Module').AddParameter('Name', $ModuleManifest).AddStatement()
            $endPoints = @(1..20 | ForEach-Object { "127.0.0.1:$($listener.LocalEndpoint.Port)" })
            $null = $shell.AddCommand('Test-TorrentPeer').AddParameters(@{ EndPoint = $endPoints; InfoHash = (Get-TestHash 1); TimeoutSec = 30 })
            $running = $shell.BeginInvoke()
            # Wait until the probes have connected (the module import may be slow on a loaded machine), then give
            # them a moment to sit waiting for the handshakes that never come.
            $deadline = [DateTime]::UtcNow.AddSeconds(20)
            while (-not $listener.Pending() -and [DateTime]::UtcNow -lt $deadline) {
                Start-Sleep -Milliseconds 20
            }
            $listener.Pending() | Should -BeTrue -Because 'the probes connect to the listener'
            Start-Sleep -Milliseconds 300

            # Stop() returns once the pipeline is asked to stop; the invocation counts as stopped when it completes.
            $clock = [System.Diagnostics.Stopwatch]::StartNew()
            $shell.Stop()
            $completed = $running.AsyncWaitHandle.WaitOne(5000)
            $clock.Stop()

            $completed | Should -BeTrue
            $clock.ElapsedMilliseconds | Should -BeLessThan 200
        }
        finally {
            $shell.Dispose()
            $listener.Stop()
        }
    }

    It 'end to end: announces to opentracker, probes the peers it returns and groups the reachable ones by client' -Skip:(-not ($env:TRACKERPS_LIBTORRENT_SEEDS -and $env:TRACKERPS_OPENTRACKER_HTTP)) {
        $seed = $Seeds['v1']
        # Announce on the seed's behalf, so the tracker lists 127.0.0.1:<seed port>; it also lists our own port 6881.
        $null = Invoke-TrackerAnnounce -InfoHash $seed.info_hash -Tracker $env:TRACKERPS_OPENTRACKER_HTTP -Port $seed.port -Left 0 -Force

        $groups = Invoke-TrackerAnnounce -InfoHash $seed.info_hash -Tracker $env:TRACKERPS_OPENTRACKER_HTTP -Force |
            Test-TorrentPeer -TimeoutSec 3 | Where-Object IsReachable | Group-Object Client

        $groups.Count | Should -Be 1
        $groups[0].Name | Should -BeLike 'libtorrent*'
        $groups[0].Group[0].EndPoint | Should -Be "127.0.0.1:$($seed.port)"
    }
}
