#Requires -Version 7.0
# What ConvertTo-Json and Export-Csv make of every output type: addresses and URIs as text, BEP 12 tiers as lists of
# trackers, and no cell or value that is a type name (System.Uri[], TrackerPS.TorrentFile[], ...). The module's types
# file (TrackerPS.Types.ps1xml) shows the array properties as TextLists, whose text is their items, for Export-Csv.
# Enums stay .NET enums: Export-Csv writes their names, and ConvertTo-Json does with -EnumsAsStrings (without it, as
# for every .NET enum, their numbers), so the JSON tests of enum fields use -EnumsAsStrings.

BeforeAll {
    . "$PSScriptRoot/common.ps1"
    . "$PSScriptRoot/output-samples.ps1"

    $script:Samples = Get-SampleOutput
    $script:TypeNamePattern = '^(System|TrackerPS|Deserialized)\.|\[\]$'

    # Every value of a parsed JSON document, at any depth.
    function Get-JsonLeaf($Node) {
        if ($Node -is [pscustomobject]) {
            foreach ($property in $Node.PSObject.Properties) {
                Get-JsonLeaf $property.Value
            }
        }
        elseif ($Node -is [array]) {
            foreach ($item in $Node) {
                Get-JsonLeaf $item
            }
        }
        elseif ($null -ne $Node) {
            $Node
        }
    }
}

Describe 'ConvertTo-Json of <_>' -ForEach 'TorrentInfo', 'TorrentFile', 'TorrentInfoHash', 'MagnetLink', 'Peer', 'AnnounceResponse', 'ScrapeResult' {
    BeforeAll {
        $script:Object = $Samples[$_]
    }

    It 'holds no nested Uri or IPAddress dumps' {
        $json = $Object | ConvertTo-Json -Depth 6
        $json | Should -Not -Match '"(AbsoluteUri|DnsSafeHost|IdnHost|IsLoopback|ScopeId|IsIPv6LinkLocal|Address)"'
    }

    It 'holds no type name at depth 6' {
        $document = $Object | ConvertTo-Json -Depth 6 | ConvertFrom-Json
        Get-JsonLeaf $document | Where-Object { $_ -is [string] -and $_ -match $TypeNamePattern } | Should -BeNullOrEmpty
    }

    It 'holds no URI, address or module type name at the default depth' {
        # Past -Depth, ConvertTo-Json writes a value's ToString(): URIs, files and peers read as themselves. (A byte
        # array there reads as System.Byte[], as it does for any object.)
        $document = $Object | ConvertTo-Json -WarningAction SilentlyContinue | ConvertFrom-Json
        Get-JsonLeaf $document | Where-Object { $_ -is [string] -and $_ -match '^(System\.(Uri|Net)|TrackerPS\.)' } | Should -BeNullOrEmpty
    }
}

Describe 'ConvertTo-Json fields' {
    It 'TorrentInfo: Version is a name, trackers and tiers are URI strings, files are objects' {
        $json = $Samples.TorrentInfo | ConvertTo-Json -Depth 4 -EnumsAsStrings | ConvertFrom-Json

        $json.Version | Should -BeExactly 'V1'
        $json.Tracker | Should -Be @('http://a.example/announce', 'udp://b.example:6969/announce', 'http://c.example/announce?passkey=abc')
        $json.TrackerTiers.Count | Should -Be 2
        $json.TrackerTiers[0] | Should -Be @('http://a.example/announce', 'udp://b.example:6969/announce')
        @($json.TrackerTiers[1])[0] | Should -BeOfType [string]
        $json.Files[0].Path | Should -Be $Samples.TorrentInfo.Files[0].Path
    }

    It 'TorrentInfo at the default depth: tiers as URI strings, files as objects' {
        $json = $Samples.TorrentInfo | ConvertTo-Json -WarningAction SilentlyContinue | ConvertFrom-Json

        $json.TrackerTiers[0] | Should -Be @('http://a.example/announce', 'udp://b.example:6969/announce')
        $json.Files[0].Path | Should -Be $Samples.TorrentInfo.Files[0].Path
    }

    It 'TorrentInfoHash: Format is a name' {
        ($Samples.TorrentInfoHash | ConvertTo-Json -EnumsAsStrings | ConvertFrom-Json).Format | Should -BeExactly 'Hex'
    }

    It 'Peer: address, family, source and tracker are text' {
        $json = $Samples.Peer | ConvertTo-Json -EnumsAsStrings | ConvertFrom-Json

        $json.IPAddress | Should -BeExactly '2001:db8::7'
        $json.EndPoint | Should -BeExactly '[2001:db8::7]:51413'
        $json.AddressFamily | Should -BeExactly 'InterNetworkV6'
        $json.Source | Should -BeExactly 'Peers6'
        $json.Tracker | Should -BeExactly $SampleTracker
    }

    It 'AnnounceResponse: the external address is text and the peers are objects with text addresses' {
        $json = $Samples.AnnounceResponse | ConvertTo-Json -Depth 3 | ConvertFrom-Json

        $json.Tracker | Should -BeExactly $SampleTracker
        $json.ExternalIPAddress | Should -BeExactly '203.0.113.5'
        $json.Peers[0].IPAddress | Should -BeExactly '1.2.3.4'
        $json.Peers[1].EndPoint | Should -BeExactly '[2001:db8::7]:51413'
        $json.Warnings | Should -Be @('first, with a comma', 'second')
    }

    It 'AnnounceResponse at depth 1: the peers as their endpoints' {
        $json = $Samples.AnnounceResponse | ConvertTo-Json -Depth 1 -WarningAction SilentlyContinue | ConvertFrom-Json

        $json.Peers | Should -Be @('1.2.3.4:6881', '[2001:db8::7]:51413')
    }

    It 'MagnetLink: trackers, tiers and web seeds are URI strings' {
        $json = $Samples.MagnetLink | ConvertTo-Json -Depth 4 | ConvertFrom-Json

        $json.Tracker | Should -Be @('http://127.0.0.1:6969/announce', 'udp://b.example:6969/announce')
        @($json.TrackerTiers[1])[0] | Should -BeExactly 'udp://b.example:6969/announce'
        $json.WebSeeds | Should -Be @('http://seed.example/f/')
        $json.Parameters[0].Name | Should -BeExactly 'kt'
    }
}

Describe 'Export-Csv of <_>' -ForEach 'TorrentInfo', 'TorrentFile', 'TorrentInfoHash', 'MagnetLink', 'Peer', 'AnnounceResponse', 'ScrapeResult' {
    It 'has no cell that is a type name' {
        $path = Join-Path $TestDrive "$_.csv"
        $Samples[$_] | Export-Csv -LiteralPath $path
        $row = Import-Csv -LiteralPath $path

        $row.PSObject.Properties | Where-Object { $_.Value -match $TypeNamePattern } | ForEach-Object { "$($_.Name)=$($_.Value)" } |
            Should -BeNullOrEmpty
    }
}

Describe 'ConvertTo-Csv cells' {
    It 'TorrentInfo: the version is a name; trackers, tiers, files and the name bytes read as text' {
        $row = $Samples.TorrentInfo | ConvertTo-Csv | ConvertFrom-Csv

        $row.Version | Should -BeExactly 'V1'
        $row.Tracker | Should -BeExactly 'http://a.example/announce, udp://b.example:6969/announce, http://c.example/announce?passkey=abc'
        $row.TrackerTiers | Should -BeExactly 'http://a.example/announce, udp://b.example:6969/announce | http://c.example/announce?passkey=abc'
        $row.Files | Should -BeExactly (($Samples.TorrentInfo.Files | ForEach-Object Path) -join ', ')
        $row.NameBytes | Should -BeExactly '76312d6d756c7469'
        $row.TotalSize | Should -BeExactly '37613'
    }

    It 'TorrentFile: the raw path is each element in hex' {
        $file = $Samples.TorrentInfo.Files | Where-Object Path -EQ 'sub/data.bin'
        ($file | ConvertTo-Csv | ConvertFrom-Csv).RawPath | Should -BeExactly '737562/646174612e62696e'
    }

    It 'AnnounceResponse: the peers are their endpoints' {
        $row = $Samples.AnnounceResponse | ConvertTo-Csv | ConvertFrom-Csv

        $row.Peers | Should -BeExactly '1.2.3.4:6881, [2001:db8::7]:51413'
        $row.ExternalIPAddress | Should -BeExactly '203.0.113.5'
        $row.Warnings | Should -BeExactly 'first, with a comma; second'
    }

    It 'MagnetLink: trackers and peers are text' {
        $row = $Samples.MagnetLink | ConvertTo-Csv | ConvertFrom-Csv

        $row.Tracker | Should -BeExactly 'http://127.0.0.1:6969/announce, udp://b.example:6969/announce'
        $row.Peers | Should -BeExactly '10.0.0.1:6881, [::1]:6882'
        $row.Parameters | Should -BeExactly 'kt=a+b'
    }
}

Describe 'The text lists still bind and behave as lists' {
    It 'a TorrentInfo still binds Tracker and TrackerTiers by property name to Invoke-TrackerAnnounce' {
        # A closed loopback port: the announce fails, and the failure names the tracker the tiers bound.
        $torrentPath = Join-Path $TestDrive 'bind.torrent'
        $tracker = "udp://127.0.0.1:$(Get-ClosedLoopbackPort)/announce"
        New-TestTorrent -Path $torrentPath -Announce $tracker
        $torrent = Get-TorrentInfo -LiteralPath $torrentPath

        $torrent.TrackerTiers[0][0] | Should -BeOfType [uri]
        $torrent | Invoke-TrackerAnnounce -TimeoutSec 1 -ErrorAction SilentlyContinue -ErrorVariable failures
        $failures | Should -HaveCount 1
        "$($failures[0].TargetObject)" | Should -BeExactly $tracker
    }

    It 'lists index, count and enumerate like the arrays they show' {
        $torrent = $Samples.TorrentInfo

        $torrent.Tracker.Count | Should -Be 3
        $torrent.Tracker[1].Host | Should -BeExactly 'b.example'
        $torrent.TrackerTiers.Count | Should -Be 2
        ($torrent.Files | Measure-Object Length -Sum).Sum | Should -Be $torrent.TotalSize
        [System.Text.Encoding]::UTF8.GetString([byte[]] $torrent.NameBytes) | Should -BeExactly $torrent.Name
    }
}

Describe 'Objects from a real opentracker' {
    It 'export with text addresses and the tracker as text' -Skip:(-not $env:TRACKERPS_OPENTRACKER_UDP) {
        # A whitelisted hash of its own, so that its swarm and the session's announce times do not touch other tests'.
        $hash = Get-TestHash 1077
        $response = Invoke-TrackerAnnounce -InfoHash $hash -Tracker $env:TRACKERPS_OPENTRACKER_UDP -Port 51091 -AsResponse -Force -ErrorAction Stop
        $scrape = Invoke-TrackerScrape -InfoHash $hash -Tracker $env:TRACKERPS_OPENTRACKER_UDP -ErrorAction Stop

        $json = $response | ConvertTo-Json -Depth 3 | ConvertFrom-Json
        $json.Tracker | Should -BeExactly $env:TRACKERPS_OPENTRACKER_UDP
        $json.Peers | ForEach-Object { $_.IPAddress | Should -BeOfType [string] }
        ($scrape | ConvertTo-Csv | ConvertFrom-Csv).Tracker | Should -BeExactly $env:TRACKERPS_OPENTRACKER_UDP
        Invoke-TrackerAnnounce -InfoHash $hash -Tracker $env:TRACKERPS_OPENTRACKER_UDP -Port 51091 -Event Stopped -Force -ErrorAction SilentlyContinue | Out-Null
    }
}
