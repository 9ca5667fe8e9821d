#Requires -Version 7.0
# Pester 5 tests for Invoke-TrackerAnnounce. Tests that need a real tracker read TRACKERPS_OPENTRACKER_HTTP /
# TRACKERPS_OPENTRACKER_UDP (announce URIs of an opentracker on loopback whose whitelist holds sha1("trackerps-test-0"))
# and are skipped when they are not set.

BeforeAll {
    . "$PSScriptRoot/common.ps1"

    $script:TestHash = Get-TestHash 0
}

Describe 'Invoke-TrackerAnnounce parameters' {
    BeforeAll {
        $script:Command = Get-Command Invoke-TrackerAnnounce
    }

    It '-Event is the TrackerEvent enum, so it tab-completes' {
        $Command.Parameters['Event'].ParameterType | Should -Be ([TrackerPS.TrackerEvent])
        $Command.Parameters['Event'].ParameterType.IsEnum | Should -BeTrue
    }

    It '-Compact and -AsResponse are switches' {
        $Command.Parameters['Compact'].SwitchParameter | Should -BeTrue
        $Command.Parameters['AsResponse'].SwitchParameter | Should -BeTrue
    }

    It '-Left has the alias TotalSize and binds by property name' {
        $Command.Parameters['Left'].Aliases | Should -Contain 'TotalSize'
        $Command.Parameters['Left'].Attributes.Where({ $_ -is [Parameter] }).ValueFromPipelineByPropertyName | Should -Contain $true
    }

    It 'InfoHash binds plain strings from the pipeline by value; Tracker is not mandatory, so a trackerless input is a NoTracker error' {
        $Command.Parameters['InfoHash'].Attributes.Where({ $_ -is [Parameter] }).ValueFromPipeline | Should -Contain $true
        $Command.Parameters['Tracker'].Attributes.Where({ $_ -is [Parameter] }).Mandatory | Should -Not -Contain $true
    }

    It '<_> binds from the pipeline by property name' -ForEach 'InfoHash', 'InfoHashV2', 'Tracker', 'TrackerTiers' {
        $Command.Parameters[$_].Attributes.Where({ $_ -is [Parameter] }).ValueFromPipelineByPropertyName | Should -Contain $true
    }

    It 'has the documented types' {
        $Command.Parameters['InfoHash'].ParameterType | Should -Be ([string[]])
        $Command.Parameters['Tracker'].ParameterType | Should -Be ([uri[]])
        $Command.Parameters['TrackerTiers'].ParameterType | Should -Be ([uri[][]])
        $Command.Parameters['Key'].ParameterType | Should -Be ([System.Nullable[uint32]])
        $Command.Parameters['Left'].ParameterType | Should -Be ([long])
    }

    It 'declares Peer and AnnounceResponse as outputs' {
        $Command.OutputType.Type | Should -Contain ([TrackerPS.Peer])
        $Command.OutputType.Type | Should -Contain ([TrackerPS.AnnounceResponse])
    }
}

Describe 'Invoke-TrackerAnnounce errors without a tracker' {
    It 'reports an unsupported scheme as UnsupportedTrackerScheme with the tracker as target' {
        $tracker = [uri] 'wss://tracker.example/announce'

        $peers = Invoke-TrackerAnnounce -InfoHash $TestHash -Tracker $tracker -ErrorAction SilentlyContinue -ErrorVariable failures

        $peers | Should -BeNullOrEmpty
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'UnsupportedTrackerScheme,*'
        $failures[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failures[0].TargetObject | Should -Be $tracker
    }

    It 'reports a UDP tracker on a closed loopback port as unanswered after -TimeoutSec' {
        $tracker = [uri] "udp://127.0.0.1:$(Get-ClosedLoopbackPort)/announce"

        Invoke-TrackerAnnounce -InfoHash $TestHash -Tracker $tracker -TimeoutSec 1 -ErrorAction SilentlyContinue -ErrorVariable failures

        $failures | Should -HaveCount 1
        Get-ErrorId $failures[0] | Should -BeIn $UnansweredIds
        $failures[0].TargetObject | Should -Be $tracker
    }

    It 'reports each failed tracker once and keeps going' {
        $trackers = [uri] 'ftp://a.example/announce', [uri] 'wss://b.example/announce'

        Invoke-TrackerAnnounce -InfoHash $TestHash -Tracker $trackers -ErrorAction SilentlyContinue -ErrorVariable failures

        $failures | Should -HaveCount 2
        $failures.TargetObject | Should -Be $trackers
    }

    It 'writes a non-terminating InvalidInfoHash error for a bad info-hash' {
        Invoke-TrackerAnnounce -InfoHash 'not-a-hash' -Tracker 'wss://tracker.example/announce' -ErrorAction SilentlyContinue -ErrorVariable failures

        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'InvalidInfoHash,*'
        $failures[0].TargetObject | Should -Be 'not-a-hash'
    }

    It 'still announces the valid info-hashes when one is bad' {
        Invoke-TrackerAnnounce -InfoHash 'not-a-hash', $TestHash -Tracker 'wss://tracker.example/announce' -ErrorAction SilentlyContinue -ErrorVariable failures

        (Get-ErrorId $failures[0]), (Get-ErrorId $failures[1]) | Should -Be 'InvalidInfoHash', 'UnsupportedTrackerScheme'
    }

    It 'stops with InvalidPeerId for a peer id that is neither 20 characters nor 40 hex' {
        { Invoke-TrackerAnnounce -InfoHash $TestHash -Tracker 'wss://tracker.example/announce' -PeerId 'too-short' } |
            Should -Throw -ErrorId 'InvalidPeerId,*'
    }

    It 'refuses a port outside 0..65535' {
        { Invoke-TrackerAnnounce -InfoHash $TestHash -Tracker 'wss://tracker.example/announce' -Port 70000 } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
    }
}

Describe 'Invoke-TrackerAnnounce pipeline binding' {
    It 'binds InfoHash, Tracker and TotalSize from Get-TorrentInfo' {
        $tracker = "udp://127.0.0.1:$(Get-ClosedLoopbackPort)/announce"
        $path = Join-Path $TestDrive 'closed-port.torrent'
        New-TestTorrent -Path $path -Announce $tracker

        Get-TorrentInfo $path | Invoke-TrackerAnnounce -TimeoutSec 1 -ErrorAction SilentlyContinue -ErrorVariable failures

        $failures | Should -HaveCount 1
        Get-ErrorId $failures[0] | Should -BeIn $UnansweredIds
        $failures[0].TargetObject | Should -Be ([uri] $tracker)
    }
}

Describe 'Invoke-TrackerAnnounce input forms' {
    BeforeAll {
        $script:V2Only = Get-FixturePath 'v2-only.torrent'
        # Nothing listens on port 1: the connection is refused at once, after the verbose line naming the info-hash.
        $script:Refusing = [uri] 'http://127.0.0.1:1/announce'
        $script:Announcing = "Announcing {0} (event None, port 6881) to $Refusing"
    }

    It 'accepts a 52-character base32 v2 hash and announces its first 20 bytes' {
        $hashes = Get-TorrentInfoHash $V2Only -Format Base32
        $hex = (Get-TorrentInfoHash $V2Only).InfoHash

        $run = Invoke-Verbosely { Invoke-TrackerAnnounce -InfoHash $hashes.InfoHashV2 -Tracker $Refusing }

        $run.ErrorIds | Should -Be 'TrackerConnectionFailed'
        ($run.Verbose -like 'Announcing *') | Should -Be ($Announcing -f $hex)
    }

    It 'binds plain strings piped from Get-Content, one announce each' {
        $file = Join-Path $TestDrive 'hashes.txt'
        $hashes = (Get-TestHash 1), (Get-TestHash 2)
        Set-Content -LiteralPath $file -Value $hashes

        $run = Invoke-Verbosely { Get-Content -LiteralPath $file | Invoke-TrackerAnnounce -Tracker $Refusing -Force }

        $run.ErrorIds | Should -Be 'TrackerConnectionFailed', 'TrackerConnectionFailed'
        ($run.Verbose -like 'Announcing *') | Should -Be ($hashes | ForEach-Object { $Announcing -f $_ })
    }

    It 'binds TorrentInfoHash objects from Get-TorrentInfoHash by property name, in hex and base32' {
        $hex = (Get-TorrentInfoHash $V2Only).InfoHash

        $run = Invoke-Verbosely { @(Get-TorrentInfoHash $V2Only; Get-TorrentInfoHash $V2Only -Format Base32) | Invoke-TrackerAnnounce -Tracker $Refusing -Force }

        $run.ErrorIds | Should -Be 'TrackerConnectionFailed', 'TrackerConnectionFailed'
        ($run.Verbose -like 'Announcing *') | Should -Be ($Announcing -f $hex), ($Announcing -f $hex)
    }

    It 'still binds TorrentInfo and MagnetLink objects by property name' {
        $path = Join-Path $TestDrive 'forms.torrent'
        New-TestTorrent -Path $path -Announce $Refusing
        $magnetHash = Get-TestHash 4
        $magnet = "magnet:?xt=urn:btih:$magnetHash&tr=$([uri]::EscapeDataString($Refusing.AbsoluteUri))"

        $run = Invoke-Verbosely { @(Get-TorrentInfo $path; ConvertFrom-MagnetUri $magnet) | Invoke-TrackerAnnounce -Force }

        $run.ErrorIds | Should -Be 'TrackerConnectionFailed', 'TrackerConnectionFailed'
        ($run.Verbose -like 'Announcing *') | Should -Be ($Announcing -f (Get-TorrentInfo $path).InfoHash), ($Announcing -f $magnetHash)
    }
}

Describe 'Invoke-TrackerAnnounce without any tracker' {
    BeforeAll {
        $script:Refusing = [uri] 'http://127.0.0.1:1/announce'
    }

    It 'writes NoTracker for a trackerless torrent, with its path as target, and announces the other torrents' {
        $listed = Join-Path $TestDrive 'listed.torrent'
        $trackerless = Join-Path $TestDrive 'trackerless.torrent'
        New-TestTorrent -Path $listed -Announce $Refusing -Name 'listed.bin'
        New-TestTorrent -Path $trackerless -Announce '' -Name 'trackerless.bin'

        Get-TorrentInfo $listed, $trackerless, $listed | Invoke-TrackerAnnounce -Force -ErrorAction SilentlyContinue -ErrorVariable failures

        $failures | Should -HaveCount 3
        $failures | ForEach-Object { Get-ErrorId $_ } | Should -Be 'TrackerConnectionFailed', 'NoTracker', 'TrackerConnectionFailed'
        $failures[1].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failures[1].TargetObject | Should -Be $trackerless
        "$($failures[1])" | Should -BeLike "*$trackerless*"
    }

    It 'writes NoTracker for a magnet link without tr, with the magnet as target' {
        $magnet = "magnet:?xt=urn:btih:$TestHash&dn=none"

        ConvertFrom-MagnetUri $magnet | Invoke-TrackerAnnounce -ErrorAction SilentlyContinue -ErrorVariable failures

        $failures | Should -HaveCount 1
        Get-ErrorId $failures[0] | Should -Be 'NoTracker'
        $failures[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failures[0].TargetObject | Should -Be $magnet
    }

    It 'announces a trackerless torrent to -AdditionalTracker' {
        $trackerless = Join-Path $TestDrive 'trackerless.torrent'
        New-TestTorrent -Path $trackerless -Announce '' -Name 'trackerless.bin'

        Get-TorrentInfo $trackerless | Invoke-TrackerAnnounce -AdditionalTracker $Refusing -Force -ErrorAction SilentlyContinue -ErrorVariable failures

        $failures | Should -HaveCount 1
        Get-ErrorId $failures[0] | Should -Be 'TrackerConnectionFailed'
        $failures[0].TargetObject | Should -Be $Refusing
    }

    It 'writes NoTracker for an info-hash given without -Tracker' {
        Invoke-TrackerAnnounce -InfoHash $TestHash -ErrorAction SilentlyContinue -ErrorVariable failures

        $failures | Should -HaveCount 1
        Get-ErrorId $failures[0] | Should -Be 'NoTracker'
        $failures[0].TargetObject | Should -Be $TestHash
    }
}

Describe 'Invoke-TrackerAnnounce -WhatIf and -Confirm' {
    BeforeAll {
        $script:Command = Get-Command Invoke-TrackerAnnounce
        $script:Elision = [string] [char] 0x2026

        # A loopback UDP socket and TCP listener that never answer: whatever is sent to them stays queued.
        function Open-Listener {
            $udp = [System.Net.Sockets.UdpClient]::new([System.Net.IPEndPoint]::new([System.Net.IPAddress]::Loopback, 0))
            $tcp = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
            $tcp.Start()
            [pscustomobject] @{
                Udp = $udp
                Tcp = $tcp
                UdpTracker = [uri] "udp://127.0.0.1:$($udp.Client.LocalEndPoint.Port)/$PathPasskey/announce"
                HttpTracker = [uri] "http://127.0.0.1:$($tcp.LocalEndpoint.Port)/announce?passkey=$QueryPasskey"
            }
        }

        function Close-Listener($Listener) {
            $Listener.Udp.Dispose()
            $Listener.Tcp.Stop()
        }

        # The host lines (What if: ...) a command writes, read back from a transcript.
        function Get-HostLine([scriptblock] $ScriptBlock) {
            $transcript = Join-Path $TestDrive "transcript-$([guid]::NewGuid()).txt"
            Start-Transcript -LiteralPath $transcript -UseMinimalHeader | Out-Null
            try {
                & $ScriptBlock | Out-Null
            }
            finally {
                Stop-Transcript | Out-Null
            }
            Get-Content -LiteralPath $transcript | Where-Object { $_ -like 'What if:*' }
        }
    }

    It 'supports ShouldProcess with a medium ConfirmImpact; Invoke-TrackerScrape does not' {
        $Command.Parameters.ContainsKey('WhatIf') | Should -BeTrue
        $Command.Parameters.ContainsKey('Confirm') | Should -BeTrue
        $Command.ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false).ConfirmImpact | Should -Be 'Medium'
        (Get-Command Invoke-TrackerScrape).Parameters.ContainsKey('WhatIf') | Should -BeFalse
    }

    It 'with -WhatIf, lists each tracker and info-hash with the event, passkeys elided, and sends nothing' {
        $listener = Open-Listener
        try {
            $hashes = (Get-TestHash 5), (Get-TestHash 6)

            $lines = Get-HostLine {
                Invoke-TrackerAnnounce -InfoHash $hashes -Tracker $listener.UdpTracker, $listener.HttpTracker -Event Started -Port 51061 -WhatIf `
                    -ErrorVariable failures -OutVariable output
            }

            $lines | Should -HaveCount 4
            $lines | Should -Be @(
                "What if: Announce $($hashes[0]) (event Started, port 51061) to udp://127.0.0.1:$($listener.Udp.Client.LocalEndPoint.Port)/$Elision/announce"
                "What if: Announce $($hashes[1]) (event Started, port 51061) to udp://127.0.0.1:$($listener.Udp.Client.LocalEndPoint.Port)/$Elision/announce"
                "What if: Announce $($hashes[0]) (event Started, port 51061) to http://127.0.0.1:$($listener.Tcp.LocalEndpoint.Port)/announce?passkey=$Elision"
                "What if: Announce $($hashes[1]) (event Started, port 51061) to http://127.0.0.1:$($listener.Tcp.LocalEndpoint.Port)/announce?passkey=$Elision"
            )
            $failures | Should -BeNullOrEmpty
            $output | Should -BeNullOrEmpty
            $listener.Udp.Available | Should -Be 0
            $listener.Tcp.Pending() | Should -BeFalse
        }
        finally {
            Close-Listener $listener
        }
    }

    It 'without -WhatIf, the same listeners receive the announces (so the check above can fail)' {
        $listener = Open-Listener
        try {
            Invoke-TrackerAnnounce -InfoHash (Get-TestHash 5) -Tracker $listener.UdpTracker, $listener.HttpTracker -TimeoutSec 1 -Force -ErrorAction SilentlyContinue

            $listener.Udp.Available | Should -BeGreaterThan 0
            $listener.Tcp.Pending() | Should -BeTrue
        }
        finally {
            Close-Listener $listener
        }
    }
}

Describe 'Invoke-TrackerAnnounce keeps passkeys secret' {
    It 'over <_>, shows no passkey in errors, verbose, warnings or progress; the target is the real URI' -ForEach 'http', 'udp' {
        $tracker = [uri] "$($_)://127.0.0.1:$(Get-ClosedLoopbackPort)/$PathPasskey/announce?passkey=$QueryPasskey"
        $extra = [uri] "http://127.0.0.1:1/announce/$PathPasskey"

        $streams = Invoke-Captured Invoke-TrackerAnnounce @{
            InfoHash = $TestHash; Tracker = $tracker; AdditionalTracker = $extra; IsPrivate = $true; TimeoutSec = 1; Verbose = $true
        }

        $streams.Error | Should -HaveCount 1
        $streams.Error[0].TargetObject | Should -Be $tracker
        $streams.Verbose | Should -Not -BeNullOrEmpty
        $streams.Warning | Should -HaveCount 1
        $text = (Get-StreamText $streams) -join "`n"
        $text | Should -BeLike '*127.0.0.1*'
        $text | Should -Not -BeLike "*$PathPasskey*"
        $text | Should -Not -BeLike "*$QueryPasskey*"
    }
}

Describe 'Invoke-TrackerAnnounce network policy' {
    BeforeAll {
        $script:Command = Get-Command Invoke-TrackerAnnounce

        # A loopback TCP listener that never answers: a connection to it stays pending, so Pending() tells whether
        # anything was sent.
        function Open-SilentListener {
            $tcp = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
            $tcp.Start()
            $tcp
        }

        # An in-process HTTP redirector on loopback, served from its own runspace: /final/announce answers an empty
        # peer list, /once/announce redirects there, /scheme/announce redirects to ftp://, and any other path redirects
        # to a new /hop<n>/announce, for ever. Every hop keeps a path ending in /announce, as the loopback rule wants.
        function Open-Redirector {
            $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
            $listener.Start()
            $paths = [System.Collections.Concurrent.ConcurrentQueue[string]]::new()
            $shell = [powershell]::Create()
            $null = $shell.AddScript({
                param($Listener, $Paths)
                while ($true) {
                    try {
                        $client = $Listener.AcceptTcpClient()
                    }
                    catch {
                        return
                    }
                    try {
                        $stream = $client.GetStream()
                        $reader = [System.IO.StreamReader]::new($stream, [System.Text.Encoding]::ASCII)
                        $path = $reader.ReadLine().Split(' ')[1].Split('?')[0]
                        while ($reader.ReadLine()) { }
                        $Paths.Enqueue($path)
                        $body = ''
                        $head = switch -Wildcard ($path) {
                            '/final/announce' { $body = 'd8:intervali1800e5:peers0:e'; 'HTTP/1.1 200 OK' }
                            '/once/announce' { "HTTP/1.1 302 Found`r`nLocation: /final/announce" }
                            '/scheme/announce' { "HTTP/1.1 302 Found`r`nLocation: ftp://127.0.0.1/announce" }
                            default { "HTTP/1.1 302 Found`r`nLocation: /hop$($Paths.Count)/announce" }
                        }
                        $bytes = [System.Text.Encoding]::ASCII.GetBytes("$head`r`nContent-Length: $($body.Length)`r`nConnection: close`r`n`r`n$body")
                        $stream.Write($bytes, 0, $bytes.Length)
                        $stream.Flush()
                    }
                    finally {
                        $client.Dispose()
                    }
                }
            }).AddArgument($listener).AddArgument($paths)
            [pscustomobject] @{
                Listener = $listener
                Paths = $paths
                Shell = $shell
                Handle = $shell.BeginInvoke()
                Url = "http://127.0.0.1:$($listener.LocalEndpoint.Port)"
            }
        }

        function Close-Redirector($Redirector) {
            $Redirector.Listener.Stop()
            $null = $Redirector.Shell.EndInvoke($Redirector.Handle)
            $Redirector.Shell.Dispose()
        }

    }

    It '-AllowLocalNetwork is a switch on Invoke-TrackerAnnounce and Invoke-TrackerScrape' {
        $Command.Parameters['AllowLocalNetwork'].SwitchParameter | Should -BeTrue
        (Get-Command Invoke-TrackerScrape).Parameters['AllowLocalNetwork'].SwitchParameter | Should -BeTrue
    }

    It 'refuses a loopback tracker whose path does not end in /announce, sends it nothing, and asks the other trackers' {
        $listener = Open-SilentListener
        try {
            $refused = [uri] "http://127.0.0.1:$($listener.LocalEndpoint.Port)/admin/delete?passkey=$QueryPasskey"
            $other = [uri] "udp://127.0.0.1:$(Get-ClosedLoopbackPort)/announce"

            Invoke-TrackerAnnounce -InfoHash $TestHash -Tracker $refused, $other -TimeoutSec 1 -ErrorAction SilentlyContinue -ErrorVariable failures

            $failures | Should -HaveCount 2
            $policy = @($failures | Where-Object { (Get-ErrorId $_) -eq 'TrackerRefusedByPolicy' })
            $policy | Should -HaveCount 1
            Assert-PolicyRefusal $policy[0] $refused 'LoopbackPath'
            $policy[0].Exception.Message | Should -BeLike '*ends in /announce*'
            $policy[0].Exception.Message | Should -Not -BeLike "*$QueryPasskey*"
            Get-ErrorId ($failures | Where-Object TargetObject -EQ $other) | Should -BeIn $UnansweredIds
            $listener.Pending() | Should -BeFalse
        }
        finally {
            $listener.Stop()
        }
    }

    It 'keeps the loopback path rule with -AllowLocalNetwork' {
        $tracker = [uri] "http://127.0.0.1:$(Get-ClosedLoopbackPort)/"

        Invoke-TrackerAnnounce -InfoHash $TestHash -Tracker $tracker -AllowLocalNetwork -ErrorAction SilentlyContinue -ErrorVariable failures

        $failures | Should -HaveCount 1
        Assert-PolicyRefusal $failures[0] $tracker 'LoopbackPath'
    }

    It 'refuses <_> (link-local, cloud metadata) without -AllowLocalNetwork' -ForEach 'http://169.254.169.254/latest/meta-data/', 'udp://[fe80::1]:6969/announce', 'http://[fd00:ec2::254]/announce' {
        $tracker = [uri] $_

        Invoke-TrackerAnnounce -InfoHash $TestHash -Tracker $tracker -TimeoutSec 5 -ErrorAction SilentlyContinue -ErrorVariable failures

        $failures | Should -HaveCount 1
        Assert-PolicyRefusal $failures[0] $tracker 'LocalNetwork'
        $failures[0].Exception.Message | Should -BeLike '*-AllowLocalNetwork*'
    }

    It 'refuses a tracker URL whose query already carries info_hash, and still announces to the others' -Skip:(-not $env:TRACKERPS_OPENTRACKER_HTTP) {
        $refused = [uri] "$($env:TRACKERPS_OPENTRACKER_HTTP)?info_hash=%01%02%03"

        $responses = Invoke-TrackerAnnounce -InfoHash $TestHash -Tracker $refused, $env:TRACKERPS_OPENTRACKER_HTTP -Port 51031 -Event Stopped -AsResponse `
            -Force -ErrorAction SilentlyContinue -ErrorVariable failures

        $failures | Should -HaveCount 1
        Assert-PolicyRefusal $failures[0] $refused 'ReservedQueryParameter'
        $failures[0].Exception.Message | Should -BeLike "*'info_hash'*"
        $responses | Should -HaveCount 1
        $responses.Tracker | Should -Be ([uri] $env:TRACKERPS_OPENTRACKER_HTTP)
    }

    It 'follows a redirect between loopback /announce paths' {
        $redirector = Open-Redirector
        try {
            $response = Invoke-TrackerAnnounce -InfoHash $TestHash -Tracker "$($redirector.Url)/once/announce" -AsResponse -TimeoutSec 5 -ErrorAction Stop

            $response.Interval | Should -Be ([timespan]::FromSeconds(1800))
            @($redirector.Paths) | Should -Be @('/once/announce', '/final/announce')
        }
        finally {
            Close-Redirector $redirector
        }
    }

    It 'refuses the sixth redirect (RedirectLimit)' {
        $redirector = Open-Redirector
        try {
            $tracker = [uri] "$($redirector.Url)/announce"

            Invoke-TrackerAnnounce -InfoHash $TestHash -Tracker $tracker -TimeoutSec 5 -ErrorAction SilentlyContinue -ErrorVariable failures

            $failures | Should -HaveCount 1
            Assert-PolicyRefusal $failures[0] $tracker 'RedirectLimit'
            $failures[0].Exception.Message | Should -BeLike '*more than 5 times*'
            $redirector.Paths.Count | Should -Be 6
        }
        finally {
            Close-Redirector $redirector
        }
    }

    It 'refuses a redirect to another scheme (RedirectScheme)' {
        $redirector = Open-Redirector
        try {
            $tracker = [uri] "$($redirector.Url)/scheme/announce"

            Invoke-TrackerAnnounce -InfoHash $TestHash -Tracker $tracker -TimeoutSec 5 -ErrorAction SilentlyContinue -ErrorVariable failures

            $failures | Should -HaveCount 1
            Assert-PolicyRefusal $failures[0] $tracker 'RedirectScheme'
            $failures[0].Exception.Message | Should -BeLike '*ftp://127.0.0.1/announce, which is not http or https*'
        }
        finally {
            Close-Redirector $redirector
        }
    }
}

Describe 'Invoke-TrackerAnnounce against opentracker' {
    BeforeAll {
        # Two peers of one swarm, told apart by peer id and port; the tracker sees both from 127.0.0.1.
        function Test-PeersSeeEachOther([uri] $Tracker, [int] $BasePort) {
            # -Force: peer a announces again within the tracker's min interval on purpose.
            $common = @{ InfoHash = $TestHash; Tracker = $Tracker; Left = 1000; TimeoutSec = 5; ErrorAction = 'Stop'; Force = $true }
            $a = @{ PeerId = '-XX0001-aaaaaaaaaaaa'; Port = $BasePort }
            $b = @{ PeerId = '-XX0001-bbbbbbbbbbbb'; Port = $BasePort + 1 }
            try {
                Invoke-TrackerAnnounce @common @a -Event Started | Out-Null
                $seenByB = @(Invoke-TrackerAnnounce @common @b -Event Started)
                $seenByA = @(Invoke-TrackerAnnounce @common @a)

                $seenByB.Port | Should -Contain $a.Port
                $seenByA.Port | Should -Contain $b.Port
                $seenByA[0].InfoHash | Should -Be $TestHash
                $seenByA[0].Tracker | Should -Be $Tracker
            }
            finally {
                Invoke-TrackerAnnounce @common @a -Event Stopped | Out-Null
                Invoke-TrackerAnnounce @common @b -Event Stopped | Out-Null
            }
        }
    }

    It 'over HTTP, two peers see each other' -Skip:(-not $env:TRACKERPS_OPENTRACKER_HTTP) {
        Test-PeersSeeEachOther -Tracker $env:TRACKERPS_OPENTRACKER_HTTP -BasePort 51001
    }

    It 'over UDP, two peers see each other' -Skip:(-not $env:TRACKERPS_OPENTRACKER_UDP) {
        Test-PeersSeeEachOther -Tracker $env:TRACKERPS_OPENTRACKER_UDP -BasePort 51011
    }

    It 'with -AsResponse, emits one response per tracker with the interval' -Skip:(-not $env:TRACKERPS_OPENTRACKER_HTTP) {
        $response = Invoke-TrackerAnnounce -InfoHash $TestHash -Tracker $env:TRACKERPS_OPENTRACKER_HTTP -Port 51021 -Event Stopped -AsResponse -ErrorAction Stop

        $response | Should -HaveCount 1
        $response | Should -BeOfType ([TrackerPS.AnnounceResponse])
        $response.InfoHash | Should -Be $TestHash
        $response.Interval | Should -BeGreaterThan ([timespan]::Zero)
    }
}

Describe 'Invoke-TrackerAnnounce session etiquette parameters' {
    BeforeAll {
        $script:Command = Get-Command Invoke-TrackerAnnounce
    }

    It '-TierMode is the TierMode enum (All, FirstSuccess), so it tab-completes' {
        $Command.Parameters['TierMode'].ParameterType | Should -Be ([TrackerPS.TierMode])
        [enum]::GetNames([TrackerPS.TierMode]) | Should -Be 'All', 'FirstSuccess'
    }

    It '-Force, -IsPrivate and -Repeat are switches' {
        $Command.Parameters['Force'].SwitchParameter | Should -BeTrue
        $Command.Parameters['Repeat'].SwitchParameter | Should -BeTrue
        $Command.Parameters['IsPrivate'].SwitchParameter | Should -BeTrue
    }

    It '-IsPrivate binds by property name; -AdditionalTracker does not bind from the pipeline' {
        $Command.Parameters['IsPrivate'].Attributes.Where({ $_ -is [Parameter] }).ValueFromPipelineByPropertyName | Should -Contain $true
        $additional = $Command.Parameters['AdditionalTracker'].Attributes.Where({ $_ -is [Parameter] })
        $additional.ValueFromPipelineByPropertyName | Should -Not -Contain $true
        $additional.ValueFromPipeline | Should -Not -Contain $true
        $Command.Parameters['AdditionalTracker'].ParameterType | Should -Be ([uri[]])
    }
}

Describe 'Invoke-TrackerAnnounce private torrents and tiers without a tracker' {
    BeforeAll {
        $script:Own = [uri] 'wss://own.example/announce'
        $script:Extra = [uri] 'wss://extra.example/announce'
    }

    It 'ignores -AdditionalTracker with a warning for a private torrent' {
        Invoke-TrackerAnnounce -InfoHash $TestHash -Tracker $Own -AdditionalTracker $Extra -IsPrivate `
            -ErrorAction SilentlyContinue -ErrorVariable failures -WarningAction SilentlyContinue -WarningVariable warnings

        $failures | Should -HaveCount 1
        $failures[0].TargetObject | Should -Be $Own
        $warnings | Should -HaveCount 1
        "$warnings" | Should -BeLike '*private (BEP 27)*extra.example*'
    }

    It 'asks -AdditionalTracker as well for a public torrent' {
        Invoke-TrackerAnnounce -InfoHash $TestHash -Tracker $Own -AdditionalTracker $Extra `
            -ErrorAction SilentlyContinue -ErrorVariable failures -WarningAction SilentlyContinue -WarningVariable warnings

        $failures | Should -HaveCount 2
        $failures.TargetObject | Should -Contain $Own
        $failures.TargetObject | Should -Contain $Extra
        $warnings | Should -BeNullOrEmpty
    }

    It 'binds IsPrivate from Get-TorrentInfo' {
        $path = Join-Path $TestDrive 'private.torrent'
        New-TestTorrent -Path $path -Announce $Own -Private
        (Get-TorrentInfo $path).IsPrivate | Should -BeTrue

        Get-TorrentInfo $path | Invoke-TrackerAnnounce -AdditionalTracker $Extra `
            -ErrorAction SilentlyContinue -ErrorVariable failures -WarningAction SilentlyContinue -WarningVariable warnings

        $failures.TargetObject | Should -Be $Own
        "$warnings" | Should -BeLike '*private (BEP 27)*'
    }

    It 'with -TierMode FirstSuccess, tries every tracker once when none answers' {
        $tiers = [uri[][]] @(@('wss://a.example/announce', 'ftp://b.example/announce'), @(, 'wss://c.example/announce'))

        Invoke-TrackerAnnounce -InfoHash $TestHash -Tracker $Own -TrackerTiers $tiers -TierMode FirstSuccess -ErrorAction SilentlyContinue -ErrorVariable failures

        $failures | Should -HaveCount 3
        $failures[2].TargetObject | Should -Be ([uri] 'wss://c.example/announce')
    }
}

Describe 'Invoke-TrackerAnnounce session etiquette against opentracker' {
    It 'with -TierMode FirstSuccess, stops at the first tier that answers' -Skip:(-not $env:TRACKERPS_OPENTRACKER_UDP) {
        $tiers = [uri[][]] @(@(, [uri] $env:TRACKERPS_OPENTRACKER_UDP), @(, 'wss://never-asked.example/announce'))

        $responses = Invoke-TrackerAnnounce -InfoHash $TestHash -Tracker $env:TRACKERPS_OPENTRACKER_UDP -TrackerTiers $tiers -TierMode FirstSuccess `
            -Port 51031 -Event Stopped -AsResponse -ErrorVariable failures

        $responses | Should -HaveCount 1
        $responses.Tracker | Should -Be ([uri] $env:TRACKERPS_OPENTRACKER_UDP)
        $failures | Should -BeNullOrEmpty
    }

    It 'with -Repeat, writes peers until the pipeline stops, then sends stopped before it returns, and says so' -Skip:(-not $env:TRACKERPS_OPENTRACKER_UDP) {
        $tracker = [uri] $env:TRACKERPS_OPENTRACKER_UDP
        $common = @{ InfoHash = $TestHash; Tracker = $tracker; PeerId = '-XX0001-dddddddddddd'; Port = 51051; Left = 1000 }

        # A shell of its own, to read the verbose lines written to the host after Select-Object stopped the pipeline.
        # opentracker lists the announcing peer itself, so the first round yields a peer and Select-Object ends the repeat.
        $shell = [powershell]::Create()
        try {
            $null = $shell.AddCommand('Import-Module').AddParameter('Name', $ModuleManifest).AddStatement().AddScript(
                'param($Common) Invoke-TrackerAnnounce @Common -Event Started -Force -Repeat -Verbose -ErrorAction Stop | Select-Object -First 1'
            ).AddArgument($common)
            $peer = $shell.Invoke()
            $verbose = @($shell.Streams.Verbose.Message)
        }
        finally {
            $shell.Dispose()
        }

        $peer | Should -HaveCount 1
        $verbose -like "Announcing $TestHash (event Stopped, port 51051) to $tracker" | Should -HaveCount 1
        $observer = @{ InfoHash = $TestHash; Tracker = $tracker; PeerId = '-XX0001-eeeeeeeeeeee'; Port = 51052; Left = 1000; Force = $true; ErrorAction = 'Stop' }
        try {
            # Another peer of the swarm no longer sees the repeating one: it said stopped before the pipeline ended.
            $seen = Invoke-TrackerAnnounce @observer -Event Started -AsResponse
            $seen.Peers.Port | Should -Contain 51052
            $seen.Peers.Port | Should -Not -Contain 51051
        }
        finally {
            Invoke-TrackerAnnounce @observer -Event Stopped | Out-Null
        }
    }

    It 'over UDP, says refused for an info-hash opentracker does not serve (not whitelisted)' -Skip:(-not $env:TRACKERPS_OPENTRACKER_UDP) {
        $hash = 'ee' * 20

        Invoke-TrackerAnnounce -InfoHash $hash -Tracker $env:TRACKERPS_OPENTRACKER_UDP -Port 51053 -ErrorAction SilentlyContinue -ErrorVariable failures | Out-Null

        $failures | Should -HaveCount 1
        $failures[0].Exception.Message | Should -BeLike "*refused the announce of $hash*"
        $failures[0].Exception.Message | Should -Not -BeLike '*truncated*'
    }

    It 'skips a re-announce within the min interval with a warning, and -Force sends it' -Skip:(-not $env:TRACKERPS_OPENTRACKER_HTTP) {
        $common = @{ InfoHash = $TestHash; Tracker = $env:TRACKERPS_OPENTRACKER_HTTP; Port = 51041; PeerId = '-XX0001-cccccccccccc'; ErrorAction = 'Stop' }
        try {
            $first = Invoke-TrackerAnnounce @common -Event Started -Force -AsResponse
            if ($null -eq $first.MinInterval) {
                Set-ItResult -Skipped -Because 'this tracker sends no min interval'
                return
            }

            $skipped = Invoke-TrackerAnnounce @common -AsResponse -WarningAction SilentlyContinue -WarningVariable warnings
            $forced = Invoke-TrackerAnnounce @common -AsResponse -Force

            $skipped | Should -BeNullOrEmpty
            $warnings | Should -HaveCount 1
            "$warnings" | Should -BeLike "*Skipped announcing $TestHash*-Force*"
            $forced | Should -HaveCount 1
        }
        finally {
            Invoke-TrackerAnnounce @common -Event Stopped | Out-Null
        }
    }
}
