BeforeAll {
    . $PSScriptRoot/common.ps1
    $V1 = '62c4269d7c89f2fee23a374ca8fa44f3222c2c77'
    $V1Base32 = 'MLCCNHL4RHZP5YR2G5GKR6SE6MRCYLDX'
    $HybridV1 = 'a9b2d6dba31feb8b59ebaf98d70d550dcf09f49d'
    $HybridV2 = '315bed578e7c71f1da450cb143370945635873de69d6680b4f430fa28c95be03'
}

Describe 'ConvertFrom-MagnetUri' {
    It 'declares TrackerPS.MagnetLink as its output type' {
        (Get-Command ConvertFrom-MagnetUri).OutputType.Name | Should -Contain 'TrackerPS.MagnetLink'
    }

    It 'parses a v1 link with every BEP 9 parameter' {
        $text = "magnet:?xt=urn:btih:$V1&dn=single+file%20name&xl=50000" +
            '&tr=http%3A%2F%2F127.0.0.1%3A6969%2Fannounce&tr=udp://b.example:6969/announce' +
            '&ws=http%3A%2F%2Fseed.example%2Ff%2F&x.pe=10.0.0.1:6881&so=0,2,4-6&kt=a+b'

        $link = ConvertFrom-MagnetUri -Uri $text

        $link | Should -BeOfType 'TrackerPS.MagnetLink'
        $link.InfoHash | Should -BeExactly $V1
        $link.InfoHashV1 | Should -BeExactly $V1
        $link.InfoHashV2 | Should -BeNullOrEmpty
        $link.Name | Should -BeExactly 'single file name'
        $link.ExactLength | Should -Be 50000
        $link.Tracker.Count | Should -Be 2
        $link.Tracker[0].OriginalString | Should -BeExactly 'http://127.0.0.1:6969/announce'
        $link.Tracker[1].OriginalString | Should -BeExactly 'udp://b.example:6969/announce'
        $link.TrackerTiers.Count | Should -Be 2
        $link.WebSeeds.Count | Should -Be 1
        $link.WebSeeds[0].OriginalString | Should -BeExactly 'http://seed.example/f/'
        $link.Peers.Count | Should -Be 1
        $link.Peers[0] | Should -BeExactly '10.0.0.1:6881'
        $link.SelectOnly | Should -BeExactly '0,2,4-6'
        $link.Parameters.Count | Should -Be 1
        $link.Parameters[0].Name | Should -BeExactly 'kt'
        $link.Parameters[0].Value | Should -BeExactly 'a+b'
        $link.Warnings.Count | Should -Be 0
        $link.MagnetUri | Should -BeExactly $text
    }

    It 'reads a base32 btih as lower-case hex' {
        (ConvertFrom-MagnetUri "MAGNET:?xt=urn:btih:$V1Base32").InfoHash | Should -BeExactly $V1
    }

    It 'parses a hybrid link: InfoHash is the v1 hash' {
        $link = ConvertFrom-MagnetUri "magnet:?xt=urn:btih:$HybridV1&xt=urn:btmh:1220$HybridV2&dn=hybrid"

        $link.InfoHash | Should -BeExactly $HybridV1
        $link.InfoHashV1 | Should -BeExactly $HybridV1
        $link.InfoHashV2 | Should -BeExactly $HybridV2
    }

    It 'parses a v2-only link: InfoHash is the v2 hash truncated to 40 hex' {
        $link = ConvertFrom-MagnetUri "magnet:?xt=urn:btmh:1220$HybridV2"

        $link.InfoHashV1 | Should -BeNullOrEmpty
        $link.InfoHashV2 | Should -BeExactly $HybridV2
        $link.InfoHash | Should -BeExactly $HybridV2.Substring(0, 40)
    }

    It 'decodes percent escapes as UTF-8' {
        $link = ConvertFrom-MagnetUri "magnet:?xt=urn:btih:$V1&dn=utf8-n%C3%A4me"

        $link.Name | Should -BeExactly "utf8-n$([char]0xE4)me"
    }

    It 'takes several links from the pipeline, in order' {
        $links = "magnet:?xt=urn:btih:$V1&dn=first", "magnet:?xt=urn:btih:$HybridV1&dn=second" | ConvertFrom-MagnetUri

        $links.Count | Should -Be 2
        $links[0].Name | Should -BeExactly 'first'
        $links[1].Name | Should -BeExactly 'second'
        $links[1].InfoHash | Should -BeExactly $HybridV1
    }

    It 'takes an array through -Uri' {
        $links = ConvertFrom-MagnetUri -Uri "magnet:?xt=urn:btih:$V1", "magnet:?xt=urn:btih:$HybridV1"

        $links.Count | Should -Be 2
    }

    It 'writes a non-terminating MagnetParseFailed error for a bad link and carries on' {
        $links = 'magnet:?dn=x', "magnet:?xt=urn:btih:$V1" |
            ConvertFrom-MagnetUri -ErrorVariable parseErrors -ErrorAction SilentlyContinue

        @($links).Count | Should -Be 1
        @($links)[0].InfoHash | Should -BeExactly $V1
        $parseErrors.Count | Should -Be 1
        $parseErrors[0].FullyQualifiedErrorId | Should -BeLike 'MagnetParseFailed,*'
        $parseErrors[0].FullyQualifiedErrorId | Should -BeExactly 'MagnetParseFailed,TrackerPS.Commands.ConvertFromMagnetUriCommand'
        $parseErrors[0].CategoryInfo.Category | Should -Be 'InvalidData'
        $parseErrors[0].TargetObject | Should -BeExactly 'magnet:?dn=x'
        $parseErrors[0].Exception.Message | Should -BeExactly "Invalid magnet link 'magnet:?dn=x': no usable xt (expected urn:btih:<40 hex or 32 base32> or urn:btmh:1220<64 hex>)"
    }

    It 'rejects text that is not a magnet link' {
        { ConvertFrom-MagnetUri 'http://example.com/file.torrent' -ErrorAction Stop } |
            Should -Throw -ErrorId 'MagnetParseFailed,TrackerPS.Commands.ConvertFromMagnetUriCommand'
    }

    It 'reports findings as warnings and still emits the link' {
        $link = ConvertFrom-MagnetUri "magnet:?xt=urn:btih:$V1&dn=bad%zz&xl=abc" -WarningVariable parseWarnings -WarningAction SilentlyContinue

        $link.Name | Should -BeExactly 'bad%zz'
        $link.ExactLength | Should -BeNullOrEmpty
        $link.Warnings.Count | Should -Be 2
        $parseWarnings.Count | Should -Be 2
        $parseWarnings[0].Message | Should -BeLike '*malformed percent escape*'
        $parseWarnings[1].Message | Should -BeLike "*Ignored xl 'abc'*"
    }

    It 'binds the MagnetUri property of a TorrentInfo from the pipeline' {
        $torrent = Get-TorrentInfo (Join-Path $DataDir 'hybrid.torrent')

        $link = $torrent | ConvertFrom-MagnetUri

        $link | Should -BeOfType 'TrackerPS.MagnetLink'
        $link.InfoHash | Should -BeExactly $torrent.InfoHash
        $link.InfoHashV1 | Should -BeExactly $torrent.InfoHashV1
        $link.InfoHashV2 | Should -BeExactly $torrent.InfoHashV2
        $link.Name | Should -BeExactly $torrent.Name
    }
}
