#Requires -Version 7.0
# Pester 5 tests for Invoke-TrackerScrape. Tests that need a real tracker read TRACKERPS_OPENTRACKER_HTTP /
# TRACKERPS_OPENTRACKER_UDP (announce URIs of an opentracker on loopback serving tests/opentracker/whitelist) and are
# skipped when they are not set.

BeforeAll {
    . "$PSScriptRoot/common.ps1"

    $script:TestHash = Get-TestHash 0

    # An HTTP tracker URI whose last path segment is not "announce...": no scrape URI can be derived (BEP 48), so the
    # error comes before any network use.
    $script:Unscrapable = [uri] 'http://127.0.0.1:1/a'
}

Describe 'Invoke-TrackerScrape parameters' {
    BeforeAll {
        $script:Command = Get-Command Invoke-TrackerScrape
    }

    It '<_> binds from the pipeline by property name' -ForEach 'InfoHash', 'InfoHashV2', 'Tracker' {
        $Command.Parameters[$_].Attributes.Where({ $_ -is [Parameter] }).ValueFromPipelineByPropertyName | Should -Contain $true
    }

    It 'InfoHash is mandatory; Tracker is not, so a trackerless input is a NoTracker error rather than a binding error' {
        $Command.Parameters['InfoHash'].Attributes.Where({ $_ -is [Parameter] }).Mandatory | Should -Contain $true
        $Command.Parameters['Tracker'].Attributes.Where({ $_ -is [Parameter] }).Mandatory | Should -Not -Contain $true
    }

    It 'InfoHash binds plain strings from the pipeline by value' {
        $Command.Parameters['InfoHash'].Attributes.Where({ $_ -is [Parameter] }).ValueFromPipeline | Should -Contain $true
    }

    It 'does not support -WhatIf: a scrape changes nothing' {
        $Command.Parameters.ContainsKey('WhatIf') | Should -BeFalse
    }

    It 'has the documented types' {
        $Command.Parameters['InfoHash'].ParameterType | Should -Be ([string[]])
        $Command.Parameters['InfoHashV2'].ParameterType | Should -Be ([string])
        $Command.Parameters['Tracker'].ParameterType | Should -Be ([uri[]])
        $Command.Parameters['TimeoutSec'].ParameterType | Should -Be ([int])
        $Command.Parameters['ThrottleLimit'].ParameterType | Should -Be ([int])
        $Command.Parameters['UserAgent'].ParameterType | Should -Be ([string])
        $Command.Parameters['MaxResponseSize'].ParameterType | Should -Be ([int])
    }

    It 'declares ScrapeResult as its output' {
        $Command.OutputType.Type | Should -Contain ([TrackerPS.ScrapeResult])
    }

    It 'refuses -TimeoutSec 0 and -ThrottleLimit 0' {
        { Invoke-TrackerScrape -InfoHash $TestHash -Tracker $Unscrapable -TimeoutSec 0 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
        { Invoke-TrackerScrape -InfoHash $TestHash -Tracker $Unscrapable -ThrottleLimit 0 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
    }
}

Describe 'Invoke-TrackerScrape errors without a tracker' {
    It 'reports an HTTP tracker without an announce segment as ScrapeNotSupported with the tracker as target' {
        $results = Invoke-TrackerScrape -InfoHash $TestHash -Tracker $Unscrapable -ErrorAction SilentlyContinue -ErrorVariable failures

        $results | Should -BeNullOrEmpty
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'ScrapeNotSupported,*'
        $failures[0].CategoryInfo.Category | Should -Be 'NotImplemented'
        $failures[0].TargetObject | Should -Be $Unscrapable
    }

    It 'reports an unsupported scheme as UnsupportedTrackerScheme' {
        Invoke-TrackerScrape -InfoHash $TestHash -Tracker 'wss://tracker.example/announce' -ErrorAction SilentlyContinue -ErrorVariable failures

        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'UnsupportedTrackerScheme,*'
    }

    It 'reports a UDP tracker on a closed loopback port as unanswered after -TimeoutSec' {
        $tracker = [uri] "udp://127.0.0.1:$(Get-ClosedLoopbackPort)/announce"

        Invoke-TrackerScrape -InfoHash $TestHash -Tracker $tracker -TimeoutSec 1 -ErrorAction SilentlyContinue -ErrorVariable failures

        $failures | Should -HaveCount 1
        Get-ErrorId $failures[0] | Should -BeIn $UnansweredIds
        $failures[0].TargetObject | Should -Be $tracker
    }

    It 'writes a non-terminating InvalidInfoHash error for a bad info-hash and still scrapes the others' {
        Invoke-TrackerScrape -InfoHash 'not-a-hash', $TestHash -Tracker $Unscrapable -ErrorAction SilentlyContinue -ErrorVariable failures

        $failures | Should -HaveCount 2
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'InvalidInfoHash,*'
        $failures[0].TargetObject | Should -Be 'not-a-hash'
        Get-ErrorId $failures[1] | Should -Be 'ScrapeNotSupported'
    }

    It 'writes no tracker error when every info-hash is invalid' {
        Invoke-TrackerScrape -InfoHash 'not-a-hash' -Tracker $Unscrapable -ErrorAction SilentlyContinue -ErrorVariable failures

        $failures | Should -HaveCount 1
        Get-ErrorId $failures[0] | Should -Be 'InvalidInfoHash'
    }
}

Describe 'Invoke-TrackerScrape pipeline binding' {
    It 'gathers every piped torrent and asks a shared tracker once' {
        $one = Join-Path $TestDrive 'one.torrent'
        $two = Join-Path $TestDrive 'two.torrent'
        New-TestTorrent -Path $one -Announce $Unscrapable -Name 'one.bin'
        New-TestTorrent -Path $two -Announce $Unscrapable -Name 'two.bin'

        Get-ChildItem $TestDrive -Filter *.torrent | Get-TorrentInfo | Invoke-TrackerScrape -ErrorAction SilentlyContinue -ErrorVariable failures

        # One error for the one tracker: the two torrents were gathered into a single scrape of it.
        $failures | Should -HaveCount 1
        Get-ErrorId $failures[0] | Should -Be 'ScrapeNotSupported'
        $failures[0].TargetObject | Should -Be $Unscrapable
    }

    It 'binds InfoHash and Tracker from ConvertFrom-MagnetUri' {
        $magnet = "magnet:?xt=urn:btih:$TestHash&tr=$([uri]::EscapeDataString($Unscrapable.AbsoluteUri))"

        ConvertFrom-MagnetUri $magnet | Invoke-TrackerScrape -ErrorAction SilentlyContinue -ErrorVariable failures

        $failures | Should -HaveCount 1
        Get-ErrorId $failures[0] | Should -Be 'ScrapeNotSupported'
        $failures[0].TargetObject | Should -Be $Unscrapable
    }
}

Describe 'Invoke-TrackerScrape input forms' {
    BeforeAll {
        $script:V2Only = Get-FixturePath 'v2-only.torrent'
    }

    It 'accepts a 52-character base32 v2 hash, as Get-TorrentInfoHash -Format Base32 writes it' {
        $base32 = (Get-TorrentInfoHash $V2Only -Format Base32).InfoHashV2
        $base32.Length | Should -Be 52

        $run = Invoke-Verbosely { Invoke-TrackerScrape -InfoHash $base32 -Tracker $Unscrapable }

        $run.ErrorIds | Should -Be 'ScrapeNotSupported'
        $run.Verbose | Should -Be "Scraping 1 info-hash(es) from $Unscrapable"
    }

    It 'binds plain strings piped from Get-Content, gathered into one scrape' {
        $file = Join-Path $TestDrive 'hashes.txt'
        Set-Content -LiteralPath $file -Value (Get-TestHash 1), (Get-TestHash 2), (Get-TestHash 3)

        $run = Invoke-Verbosely { Get-Content -LiteralPath $file | Invoke-TrackerScrape -Tracker $Unscrapable }

        $run.ErrorIds | Should -Be 'ScrapeNotSupported'
        $run.Verbose | Should -Be "Scraping 3 info-hash(es) from $Unscrapable"
    }

    It 'binds TorrentInfoHash objects from Get-TorrentInfoHash by property name, in hex and base32' {
        $run = Invoke-Verbosely {
            @(Get-TorrentInfoHash $V2Only; Get-TorrentInfoHash $V2Only -Format Base32) | Invoke-TrackerScrape -Tracker $Unscrapable
        }

        $run.ErrorIds | Should -Be 'ScrapeNotSupported'
        # Both forms name the same truncated v2 hash.
        $run.Verbose | Should -Be "Scraping 1 info-hash(es) from $Unscrapable"
    }

    It 'still binds TorrentInfo and MagnetLink objects by property name' {
        $path = Join-Path $TestDrive 'forms.torrent'
        New-TestTorrent -Path $path -Announce $Unscrapable
        $magnet = "magnet:?xt=urn:btih:$(Get-TestHash 4)&tr=$([uri]::EscapeDataString($Unscrapable.AbsoluteUri))"

        $run = Invoke-Verbosely {
            @(Get-TorrentInfo $path; ConvertFrom-MagnetUri $magnet) | Invoke-TrackerScrape
        }

        $run.ErrorIds | Should -Be 'ScrapeNotSupported'
        $run.Verbose | Should -Be "Scraping 2 info-hash(es) from $Unscrapable"
    }
}

Describe 'Invoke-TrackerScrape without any tracker' {
    It 'writes NoTracker for a trackerless torrent, with its path as target, and scrapes the other torrents' {
        $listed = Join-Path $TestDrive 'listed.torrent'
        $trackerless = Join-Path $TestDrive 'trackerless.torrent'
        New-TestTorrent -Path $listed -Announce $Unscrapable -Name 'listed.bin'
        New-TestTorrent -Path $trackerless -Announce '' -Name 'trackerless.bin'

        Get-TorrentInfo $listed, $trackerless, $listed | Invoke-TrackerScrape -ErrorAction SilentlyContinue -ErrorVariable failures

        $failures | Should -HaveCount 2
        Get-ErrorId $failures[0] | Should -Be 'NoTracker'
        $failures[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failures[0].TargetObject | Should -Be $trackerless
        "$($failures[0])" | Should -BeLike "*$trackerless*"
        Get-ErrorId $failures[1] | Should -Be 'ScrapeNotSupported'
    }

    It 'writes NoTracker for a magnet link without tr, with the magnet as target' {
        $magnet = "magnet:?xt=urn:btih:$TestHash&dn=none"

        ConvertFrom-MagnetUri $magnet | Invoke-TrackerScrape -ErrorAction SilentlyContinue -ErrorVariable failures

        $failures | Should -HaveCount 1
        Get-ErrorId $failures[0] | Should -Be 'NoTracker'
        $failures[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failures[0].TargetObject | Should -Be $magnet
    }

    It 'writes NoTracker for an info-hash given without -Tracker, with the info-hash as target' {
        Invoke-TrackerScrape -InfoHash $TestHash -ErrorAction SilentlyContinue -ErrorVariable failures

        $failures | Should -HaveCount 1
        Get-ErrorId $failures[0] | Should -Be 'NoTracker'
        $failures[0].TargetObject | Should -Be $TestHash
    }
}

Describe 'Invoke-TrackerScrape keeps passkeys secret' {
    It 'over <_>, shows no passkey in errors, verbose or progress; the target is the real URI' -ForEach 'http', 'udp' {
        $tracker = [uri] "$($_)://127.0.0.1:$(Get-ClosedLoopbackPort)/$PathPasskey/announce?passkey=$QueryPasskey"

        $streams = Invoke-Captured Invoke-TrackerScrape @{ InfoHash = $TestHash; Tracker = $tracker; TimeoutSec = 1; Verbose = $true }

        $streams.Error | Should -HaveCount 1
        $streams.Error[0].TargetObject | Should -Be $tracker
        $streams.Verbose | Should -Not -BeNullOrEmpty
        $text = (Get-StreamText $streams) -join "`n"
        $text | Should -BeLike '*127.0.0.1*'
        $text | Should -Not -BeLike "*$PathPasskey*"
        $text | Should -Not -BeLike "*$QueryPasskey*"
    }
}

Describe 'Invoke-TrackerScrape network policy' {
    It 'refuses a loopback tracker whose scrape path would not end in /scrape, and scrapes the others' {
        $refused = [uri] "http://127.0.0.1:$(Get-ClosedLoopbackPort)/x/announce.php"
        $other = [uri] "udp://127.0.0.1:$(Get-ClosedLoopbackPort)/announce"

        Invoke-TrackerScrape -InfoHash $TestHash -Tracker $refused, $other -TimeoutSec 1 -ErrorAction SilentlyContinue -ErrorVariable failures

        $failures | Should -HaveCount 2
        $policy = @($failures | Where-Object TargetObject -EQ $refused)
        Assert-PolicyRefusal $policy[0] $refused 'LoopbackPath'
        $policy[0].Exception.Message | Should -BeLike '*ends in /scrape*'
        Get-ErrorId ($failures | Where-Object TargetObject -EQ $other) | Should -BeIn $UnansweredIds
    }

    It 'refuses a tracker URL whose query already carries <_>' -ForEach 'info_hash', 'peer_id' {
        $tracker = [uri] "http://127.0.0.1:$(Get-ClosedLoopbackPort)/announce?$($_)=x"

        Invoke-TrackerScrape -InfoHash $TestHash -Tracker $tracker -ErrorAction SilentlyContinue -ErrorVariable failures

        $failures | Should -HaveCount 1
        Assert-PolicyRefusal $failures[0] $tracker 'ReservedQueryParameter'
    }

    It 'refuses a cloud metadata address without -AllowLocalNetwork' {
        $tracker = [uri] 'http://169.254.169.254/announce'

        Invoke-TrackerScrape -InfoHash $TestHash -Tracker $tracker -ErrorAction SilentlyContinue -ErrorVariable failures

        $failures | Should -HaveCount 1
        Assert-PolicyRefusal $failures[0] $tracker 'LocalNetwork'
    }
}

Describe 'Invoke-TrackerScrape against opentracker' {
    BeforeAll {
        # One seeder announced, then scraped together with whitelisted hashes nothing announced. Returns the results
        # and the errors of the scrape.
        function Invoke-SeededScrape([uri] $Tracker, [string] $Seeded, [int] $Port, [string[]] $Quiet) {
            $announce = @{ InfoHash = $Seeded; Tracker = $Tracker; Port = $Port; Left = 0; TimeoutSec = 5; ErrorAction = 'Stop' }
            try {
                Invoke-TrackerAnnounce @announce -Event Started | Out-Null
                $results = @(Invoke-TrackerScrape -InfoHash (@($Seeded) + $Quiet) -Tracker $Tracker -TimeoutSec 5 -ErrorAction SilentlyContinue -ErrorVariable failures)
                [pscustomobject] @{ Results = $results; Errors = @($failures) }
            }
            finally {
                Invoke-TrackerAnnounce @announce -Event Stopped | Out-Null
            }
        }
    }

    It 'over HTTP, shows the announced seeder and writes InfoHashNotListed for each hash the tracker left out' -Skip:(-not $env:TRACKERPS_OPENTRACKER_HTTP) {
        $tracker = [uri] $env:TRACKERPS_OPENTRACKER_HTTP
        $seeded = Get-TestHash 1049
        $quiet = 1..3 | ForEach-Object { Get-TestHash $_ }

        # opentracker's HTTP scrape lists only the torrents it tracks: 1..3 were never announced.
        $scrape = Invoke-SeededScrape -Tracker $tracker -Seeded $seeded -Port 51031 -Quiet $quiet

        $scrape.Results | Should -HaveCount 1
        $result = $scrape.Results[0]
        $result | Should -BeOfType ([TrackerPS.ScrapeResult])
        $result.InfoHash | Should -Be $seeded
        $result.Seeders | Should -Be 1
        $result.Tracker | Should -Be $tracker
        $scrape.Errors | Should -HaveCount 3
        $scrape.Errors | ForEach-Object { Get-ErrorId $_ } | Should -Be 'InfoHashNotListed', 'InfoHashNotListed', 'InfoHashNotListed'
        $scrape.Errors.CategoryInfo.Category | Should -Be 'ObjectNotFound', 'ObjectNotFound', 'ObjectNotFound'
        $scrape.Errors.TargetObject | Should -Be $quiet
        $scrape.Errors[0].Exception.Message | Should -Be "Tracker $tracker did not list info-hash $($quiet[0]) in its scrape reply: it does not track that torrent."
    }

    It 'over UDP, shows the announced seeder and zeros for the others, which BEP 15 answers by position' -Skip:(-not $env:TRACKERPS_OPENTRACKER_UDP) {
        $quiet = 1..3 | ForEach-Object { Get-TestHash $_ }

        $scrape = Invoke-SeededScrape -Tracker $env:TRACKERPS_OPENTRACKER_UDP -Seeded (Get-TestHash 1099) -Port 51032 -Quiet $quiet

        $scrape.Errors | Should -BeNullOrEmpty
        $scrape.Results | Should -HaveCount 4
        ($scrape.Results | Where-Object InfoHash -EQ (Get-TestHash 1099)).Seeders | Should -Be 1
        ($scrape.Results | Where-Object InfoHash -In $quiet).Seeders | Should -Be 0, 0, 0
    }

    It 'scrapes 1,000 piped info-hashes from one UDP tracker' -Skip:(-not $env:TRACKERPS_OPENTRACKER_UDP) {
        $tracker = [uri] $env:TRACKERPS_OPENTRACKER_UDP

        $results = @(0..999 | ForEach-Object { [pscustomobject] @{ InfoHash = Get-TestHash $_; Tracker = $tracker } } |
            Invoke-TrackerScrape -TimeoutSec 5 -ErrorAction Stop)

        $results | Should -HaveCount 1000
        ($results.InfoHash | Select-Object -Unique) | Should -HaveCount 1000
    }
}
