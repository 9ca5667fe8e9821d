#Requires -Version 7.0
# The default table views (TrackerPS.Format.ps1xml) as a user sees them: they fit 80 columns and keep the columns
# that identify an object; the last column (info-hash, path, tracker) takes the rest of a wider window. The same
# views apply to objects back from Start-Job, whose types are Deserialized.TrackerPS.*, and SerializationDepth
# (TrackerPS.Types.ps1xml) brings back their files, tiers and peers as objects.

BeforeAll {
    . "$PSScriptRoot/common.ps1"
    . "$PSScriptRoot/output-samples.ps1"

    $script:Samples = Get-SampleOutput
    $script:Hybrid = Get-TorrentInfo -LiteralPath (Get-FixturePath 'hybrid.torrent')

    function Get-TableLine($InputObject, [int] $Width) {
        ($InputObject | Format-Table | Out-String -Width $Width) -split '\r?\n' | Where-Object { $_.Trim() }
    }
}

Describe 'Table views at 80 columns' {
    It '<_> fits in 80 columns' -ForEach 'TorrentInfo', 'TorrentFile', 'TorrentInfoHash', 'MagnetLink', 'Peer', 'AnnounceResponse', 'ScrapeResult' {
        Get-TableLine $Samples[$_] 80 | Where-Object { $_.TrimEnd().Length -gt 80 } | Should -BeNullOrEmpty
    }

    It 'TorrentInfo shows name, version, a binary size, file count, private flag and the start of the hash' {
        $lines = Get-TableLine $Hybrid 80

        $lines[0] | Should -Match '^Name\s+Version\s+Size\s+Files\s+Private\s+InfoHash$'
        $lines[2] | Should -Match '^hybrid\s+Hybrid\s+39\.7 KiB\s+4\s+False\s+a9b2d6dba31feb8b'
        $Hybrid.TotalSize | Should -Be 40606
    }

    It 'TorrentInfo keeps every file of the fixtures on its own row' {
        $torrents = Get-ChildItem -LiteralPath $DataDir -Filter *.torrent | Get-TorrentInfo -WarningAction SilentlyContinue
        $lines = Get-TableLine $torrents 80

        $lines.Count | Should -Be ($torrents.Count + 2)
        $lines | Where-Object { $_.TrimEnd().Length -gt 80 } | Should -BeNullOrEmpty
    }

    It 'TorrentInfoHash shows the file name' {
        (Get-TableLine $Samples.TorrentInfoHash 80)[2] | Should -Match '^hybrid\.torrent\s+a9b2d6dba31feb8b59ebaf98d70d550dcf09f49d\s'
    }

    It 'TorrentFile shows a binary size and the path' {
        (Get-TableLine $Samples.TorrentFile 80)[2] | Should -Match '^\s*580 B\s+0\s+readme\.txt$'
    }

    It '<_> shows the tracker with its scheme and port, not cut' -ForEach 'Peer', 'AnnounceResponse', 'ScrapeResult' {
        $row = (Get-TableLine $Samples[$_] 80)[2]

        $row | Should -Match 'udp://127\.0\.0\.1:6969$'
        $row | Should -Not -Match "$([char] 0x2026)`$"
    }

    It 'Peer shows its endpoint, an IPv6 address in brackets' {
        (Get-TableLine $Samples.Peer 80)[2] | Should -Match '^\[2001:db8::7\]:51413\s+Peers6\s'
    }
}

Describe 'Table views in a wider window' {
    It 'TorrentInfo shows the whole info-hash at 120 columns' {
        (Get-TableLine $Hybrid 120)[2] | Should -Match 'a9b2d6dba31feb8b59ebaf98d70d550dcf09f49d$'
    }

    It 'MagnetLink shows the whole info-hash at 120 columns' {
        (Get-TableLine $Samples.MagnetLink 120)[2] | Should -Match "$SampleHash$"
    }
}

Describe 'Format-List' {
    It 'AnnounceResponse shows its peers as endpoints, not type names' {
        $text = $Samples.AnnounceResponse | Format-List | Out-String -Width 80

        $text | Should -Match 'Peers\s+: \{1\.2\.3\.4:6881, \[2001:db8::7\]:51413\}'
        $text | Should -Not -Match 'TrackerPS\.Peer'
    }

    It '<_> shows its tiers with their boundaries' -ForEach 'TorrentInfo', 'MagnetLink' {
        $text = $Samples[$_] | Format-List | Out-String -Width 200
        $expected = if ($_ -eq 'TorrentInfo') {
            'http://a.example/announce, udp://b.example:6969/announce | http://c.example/announce?passkey=abc'
        }
        else {
            'http://127.0.0.1:6969/announce | udp://b.example:6969/announce'
        }

        $text | Should -Match "TrackerTiers\s+: $([regex]::Escape($expected))\r?\n"
    }

    It 'TorrentInfo shows its files as paths' {
        $text = $Hybrid | Format-List | Out-String -Width 200

        $text | Should -Match 'Files\s+: \{big\.bin, docs/notes\.txt, '
        $text | Should -Not -Match 'TrackerPS\.TorrentFile'
    }
}

Describe 'Objects back from Start-Job' {
    BeforeAll {
        # One job for every type: starting PowerShell is the slow part.
        $samplesScript = "$PSScriptRoot/output-samples.ps1"
        $job = Start-Job -ScriptBlock {
            Import-Module -Name $using:ModuleManifest
            $DataDir = $using:DataDir
            function Get-FixturePath([string] $Name) { Join-Path $DataDir $Name }
            . $using:samplesScript
            $samples = Get-SampleOutput
            foreach ($name in 'TorrentInfo', 'TorrentFile', 'TorrentInfoHash', 'MagnetLink', 'Peer', 'AnnounceResponse', 'ScrapeResult') {
                $samples[$name]
            }
        }
        $script:Back = @{}
        foreach ($object in ($job | Wait-Job | Receive-Job)) {
            $Back[$object.PSObject.TypeNames[0] -replace '^Deserialized\.TrackerPS\.'] = $object
        }
        $job | Remove-Job
    }

    It 'brings back one deserialized object of each type' {
        $Back.Keys | Sort-Object | Should -Be @('AnnounceResponse', 'MagnetLink', 'Peer', 'ScrapeResult', 'TorrentFile', 'TorrentInfo', 'TorrentInfoHash')
    }

    It 'brings back a TorrentInfo''s info-hashes, which it computes on first read' {
        $Back.TorrentInfo.InfoHash | Should -BeExactly $Oracle.'v1-multi.torrent'.info_hash_v1
        $Back.TorrentInfo.InfoHashV1 | Should -BeExactly $Oracle.'v1-multi.torrent'.info_hash_v1
    }

    It 'brings back a TorrentInfo''s files as objects and its tiers as lists of URIs' {
        $torrent = $Back.TorrentInfo

        $torrent.Files[0].Path | Should -BeExactly 'readme.txt'
        $torrent.Files[0].Length | Should -Be 580
        $torrent.TrackerTiers.Count | Should -Be 2
        $torrent.TrackerTiers[0][1] | Should -BeOfType [uri]
        "$($torrent.TrackerTiers[0][1])" | Should -BeExactly 'udp://b.example:6969/announce'
        $torrent.Tracker[2] | Should -BeOfType [uri]
    }

    It 'brings back an AnnounceResponse''s peers as objects' {
        $peer = $Back.AnnounceResponse.Peers[1]

        $peer.IPAddress | Should -BeExactly '2001:db8::7'
        $peer.EndPoint | Should -BeExactly '[2001:db8::7]:51413'
        $peer.Tracker | Should -BeOfType [uri]
    }

    It 'brings back a MagnetLink''s trackers and tiers' {
        $Back.MagnetLink.Tracker[1] | Should -BeOfType [uri]
        @($Back.MagnetLink.TrackerTiers[1])[0] | Should -BeOfType [uri]
    }

    It 'shows a deserialized <_> with the same table view, in 80 columns' -ForEach 'TorrentInfo', 'TorrentFile', 'TorrentInfoHash', 'MagnetLink', 'Peer', 'AnnounceResponse', 'ScrapeResult' {
        $here = Get-TableLine $Samples[$_] 80
        $back = Get-TableLine $Back[$_] 80

        $back | Should -Be $here
    }

    It 'shows a deserialized <_> with the same list view' -ForEach 'TorrentInfo', 'MagnetLink', 'AnnounceResponse' {
        $here = ($Samples[$_] | Format-List | Out-String -Width 200) -split '\r?\n' | Where-Object { $_ -match '^(TrackerTiers|Peers|Files|Tracker) ' }
        $back = ($Back[$_] | Format-List | Out-String -Width 200) -split '\r?\n' | Where-Object { $_ -match '^(TrackerTiers|Peers|Files|Tracker) ' }

        $here | Should -Not -BeNullOrEmpty
        $back | Should -Be $here
    }

    It 'binds a deserialized TorrentInfo''s trackers to Invoke-TrackerAnnounce' {
        $failures = $null
        $Back.TorrentInfo | Invoke-TrackerAnnounce -TimeoutSec 1 -ErrorAction SilentlyContinue -ErrorVariable failures |
            Out-Null
        # Its trackers do not resolve; each failure names one of the torrent's own trackers.
        $failures | Should -Not -BeNullOrEmpty
        $failures | ForEach-Object { "$($_.TargetObject)" } | Should -BeIn @('http://a.example/announce', 'udp://b.example:6969/announce', 'http://c.example/announce?passkey=abc')
    }
}
