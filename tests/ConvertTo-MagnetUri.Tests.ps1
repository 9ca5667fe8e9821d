BeforeAll {
    . $PSScriptRoot/common.ps1
    $V1 = '62c4269d7c89f2fee23a374ca8fa44f3222c2c77'
    $HybridV2 = '315bed578e7c71f1da450cb143370945635873de69d6680b4f430fa28c95be03'
}

Describe 'ConvertTo-MagnetUri' {
    It 'declares System.String as its output type' {
        (Get-Command ConvertTo-MagnetUri).OutputType.Name | Should -Contain 'System.String'
    }

    Context 'from Get-TorrentInfo' {
        It 'writes the TorrentInfo''s MagnetUri and libtorrent''s make_magnet_uri text for <File>' -ForEach @(
            @{ File = 'v1-single.torrent' }
            @{ File = 'v1-multi.torrent' }
            @{ File = 'v2-only.torrent' }
            @{ File = 'hybrid.torrent' }
            @{ File = 'webseeds.torrent' }
            @{ File = 'utf8-names.torrent' }
            @{ File = 'mktorrent.torrent' }
        ) {
            $torrent = Get-TorrentInfo (Join-Path $DataDir $File)

            $uri = $torrent | ConvertTo-MagnetUri

            $uri | Should -BeOfType 'System.String'
            $uri | Should -BeExactly $torrent.MagnetUri
            # libtorrent writes lower-case escapes (%3a); -Be compares case-insensitively.
            $uri | Should -Be $Oracle.$File.magnet
        }

        It 'has no xl, like libtorrent' {
            $uri = Get-TorrentInfo (Join-Path $DataDir 'v1-single.torrent') | ConvertTo-MagnetUri

            $uri | Should -Not -BeLike '*xl=*'
        }
    }

    Context 'from ConvertFrom-MagnetUri' {
        It 'writes a canonical link: fixed order, RFC 3986 escapes, as kept as ws' {
            $text = "magnet:?dn=a+b&as=http://w.example/&xt=urn:btih:$($V1.ToUpperInvariant())&kt=x&tr=http://t.example/a?k=v&xl=5&so=0,2&x.pe=[::1]:6881"

            $uri = ConvertFrom-MagnetUri $text | ConvertTo-MagnetUri

            $uri | Should -BeExactly ("magnet:?xt=urn:btih:$V1&dn=a%20b&xl=5&tr=http%3A%2F%2Ft.example%2Fa%3Fk%3Dv" +
                '&ws=http%3A%2F%2Fw.example%2F&x.pe=[::1]:6881&so=0,2&kt=x')
        }

        It 'round-trips a hybrid link' {
            $text = "magnet:?xt=urn:btih:$V1&xt=urn:btmh:1220$HybridV2&dn=n%C3%A4me%20%26%2050%25"

            ConvertFrom-MagnetUri $text | ConvertTo-MagnetUri | Should -BeExactly $text
        }

        It 'takes -InputObject by name' {
            $link = ConvertFrom-MagnetUri "magnet:?xt=urn:btih:$V1"

            ConvertTo-MagnetUri -InputObject $link | Should -BeExactly "magnet:?xt=urn:btih:$V1"
        }

        It 'writes one string per input object' {
            $uris = "magnet:?xt=urn:btih:$V1&dn=a", "magnet:?xt=urn:btmh:1220$HybridV2&dn=b" |
                ConvertFrom-MagnetUri |
                ConvertTo-MagnetUri

            $uris.Count | Should -Be 2
            $uris[0] | Should -BeExactly "magnet:?xt=urn:btih:$V1&dn=a"
            $uris[1] | Should -BeExactly "magnet:?xt=urn:btmh:1220$HybridV2&dn=b"
        }
    }

    It 'writes a non-terminating UnsupportedInputType error for other objects' {
        $uris = 42, (ConvertFrom-MagnetUri "magnet:?xt=urn:btih:$V1") |
            ConvertTo-MagnetUri -ErrorVariable formatErrors -ErrorAction SilentlyContinue

        @($uris).Count | Should -Be 1
        $formatErrors.Count | Should -Be 1
        $formatErrors[0].FullyQualifiedErrorId | Should -BeLike 'UnsupportedInputType,*'
        $formatErrors[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
    }
}
