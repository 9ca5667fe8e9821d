# Pester 5 tests for ConvertFrom-Bencode and ConvertTo-Bencode. The tracker reply test reads TRACKERPS_OPENTRACKER_HTTP
# (build.ps1 -Task Test starts opentracker; with CI=true a skip is a failure).

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'oracle.ps1')
}

Describe 'ConvertFrom-Bencode' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'common.ps1')
        $v1Multi = Get-FixturePath 'v1-multi.torrent'
        $bytes = [IO.File]::ReadAllBytes($v1Multi)
    }

    It 'decodes bytes piped one by one (PowerShell unrolls a byte[]), as in the README' {
        [IO.File]::ReadAllBytes($v1Multi) | ConvertFrom-Bencode | Select-Object -ExpandProperty announce |
            Should -Be 'http://a.example/announce'
    }

    It 'decodes one byte[] from -InputObject, from ",$bytes |" and positionally, writing one ordered dictionary' {
        foreach ($value in @((ConvertFrom-Bencode -InputObject $bytes), (, $bytes | ConvertFrom-Bencode), (ConvertFrom-Bencode $bytes))) {
            @($value).Count | Should -Be 1
            $value | Should -BeOfType System.Collections.Specialized.OrderedDictionary
            @($value.Keys) | Should -Be @('announce', 'announce-list', 'comment', 'created by', 'creation date', 'info')
        }
    }

    It 'decodes files from -Path, -LiteralPath and Get-ChildItem, one value per file' {
        (ConvertFrom-Bencode -Path (Join-Path $DataDir 'v1-m*.torrent')).info.name | Should -Be 'v1-multi'
        (ConvertFrom-Bencode -LiteralPath $v1Multi).'created by' | Should -Match 'libtorrent'
        @(Get-ChildItem -LiteralPath $DataDir -Filter '*.torrent' | ConvertFrom-Bencode).Count | Should -Be @($OracleCases).Count
    }

    It 'writes lists as arrays, integers as long, text as string and binary strings as byte[]' {
        $value = ConvertFrom-Bencode $bytes
        , $value.'announce-list' | Should -BeOfType [object[]]
        $value.'announce-list'[1] | Should -Be @('http://c.example/announce?passkey=abc')
        $value.'creation date' | Should -BeOfType [long]
        , $value.info.pieces | Should -BeOfType [byte[]]
        $value.info.'piece length' | Should -Be 16384
    }

    It '-AsByteArray writes every string as byte[]; -AsByteKeys writes raw keys' {
        $value = ConvertFrom-Bencode $bytes -AsByteArray
        [Text.Encoding]::UTF8.GetString($value.announce) | Should -Be 'http://a.example/announce'
        $raw = ConvertFrom-Bencode $bytes -AsByteKeys
        $keys = [object[]]::new($raw.Count)
        $raw.Keys.CopyTo($keys, 0)
        , $keys[0] | Should -BeOfType [byte[]]
        [Text.Encoding]::ASCII.GetString($keys[0]) | Should -Be 'announce'
    }

    It 'writes an integer past 64 bits as BigInteger, and ConvertTo-Bencode writes it back' {
        $text = 'li9223372036854775807ei-123456789012345678901234567890ee'
        $value = , [Text.Encoding]::ASCII.GetBytes($text) | ConvertFrom-Bencode
        $value[0] | Should -BeOfType [long]
        $value[1] | Should -BeOfType [System.Numerics.BigInteger]
        ConvertTo-Bencode -InputObject $value -AsString | Should -Be $text
    }

    It 'writes a key that is not UTF-8 as hex' {
        $value = , [byte[]] (0x64, 0x32, 0x3A, 0xFF, 0xFE, 0x69, 0x31, 0x65, 0x65) | ConvertFrom-Bencode
        @($value.Keys) | Should -Be @('fffe')
    }

    It 'reports invalid bencode with its byte offset as BencodeParseFailed' {
        $null = , [Text.Encoding]::ASCII.GetBytes('d3:abci1e') | ConvertFrom-Bencode -ErrorVariable errors 2>$null
        Get-ErrorId $errors[0] | Should -Be 'BencodeParseFailed'
        $errors[0].CategoryInfo.Category | Should -Be 'InvalidData'
        $errors[0].Exception.Message | Should -Match 'at byte 9'
    }

    It 'applies -MaxDepth (alias -Depth), -MaxSize and -MaxTokens, and one bad file does not stop the rest' {
        $deep = [Text.Encoding]::ASCII.GetBytes('lllee' + 'e')
        $null = , $deep | ConvertFrom-Bencode -Depth 2 -ErrorVariable depthErrors 2>$null
        $depthErrors[0].Exception.Message | Should -Match 'deeper than the limit of 2'
        $null = , $bytes | ConvertFrom-Bencode -MaxSize 100 -ErrorVariable sizeErrors 2>$null
        $sizeErrors[0].Exception.Message | Should -Match 'limit of 100 bytes'
        $null = , $bytes | ConvertFrom-Bencode -MaxTokens 5 -ErrorVariable tokenErrors 2>$null
        $tokenErrors[0].Exception.Message | Should -Match 'limit of 5 values'
        $out = ConvertFrom-Bencode -LiteralPath (Join-Path $DataDir 'README.md'), $v1Multi -ErrorVariable fileErrors 2>$null
        @($out).Count | Should -Be 1
        $fileErrors[0].TargetObject | Should -Be (Join-Path $DataDir 'README.md')
    }

    It 'decodes a captured HTTP announce reply from opentracker' -Skip:(-not $env:TRACKERPS_OPENTRACKER_HTTP) {
        $hash = -join ((Get-TestHash 1090) -split '(..)' -ne '' | ForEach-Object { '%' + $_ })
        $client = [Net.Http.HttpClient]::new()
        try {
            $url = "$($env:TRACKERPS_OPENTRACKER_HTTP)?info_hash=$hash&peer_id=-TP0001-123456789012&port=51413&uploaded=0&downloaded=0&left=0&compact=1&event=started"
            $reply = $client.GetByteArrayAsync($url).GetAwaiter().GetResult()
        }
        finally {
            $client.Dispose()
        }

        $value = , $reply | ConvertFrom-Bencode
        $value.Keys | Should -Not -Contain 'failure reason'
        $value.interval | Should -BeGreaterThan 0
        $value.complete | Should -BeOfType [long]
        , $value.peers | Should -BeOfType [byte[]]
        $value.peers.Length % 6 | Should -Be 0
    }
}

Describe 'ConvertTo-Bencode' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'common.ps1')
    }

    It 'round-trips <File> (raw keys, and text keys unless v2 piece layers have binary ones)' -ForEach $OracleCases {
        $path = Get-FixturePath $File
        $bytes = [IO.File]::ReadAllBytes($path)
        $canonical = @((Get-TorrentInfo -LiteralPath $path -WarningAction SilentlyContinue).Warnings | Where-Object { $_ -match 'not sorted|leading zero' }).Count -eq 0
        if ($canonical) {
            $again = ConvertTo-Bencode (ConvertFrom-Bencode $bytes -AsByteKeys)
            [Convert]::ToHexString($again) | Should -Be ([Convert]::ToHexString($bytes))
            if ($null -eq $Expected.info_hash_v2) {
                [Convert]::ToHexString((ConvertTo-Bencode (ConvertFrom-Bencode $bytes))) | Should -Be ([Convert]::ToHexString($bytes))
            }
        }
        else {
            # A non-canonical input comes back canonical: the keys sorted.
            $again = ConvertTo-Bencode (ConvertFrom-Bencode $bytes -AsByteKeys)
            [Convert]::ToHexString($again) | Should -Not -Be ([Convert]::ToHexString($bytes))
            (ConvertFrom-Bencode $again).info.name | Should -Be $Expected.name
            [Convert]::ToHexString((ConvertTo-Bencode (ConvertFrom-Bencode $again -AsByteKeys))) | Should -Be ([Convert]::ToHexString($again))
        }
    }

    It 'encodes hashtables, ordered dictionaries, custom objects, arrays, integers, strings and byte[] with sorted keys' {
        $value = @{ b = 1; a = @('x', [byte[]] (1, 2)); c = [pscustomobject] @{ z = [long] 1; y = 'q' }; d = [ordered] @{ k = -3 } }
        ConvertTo-Bencode $value -AsString | Should -Be "d1:al1:x2:$([char]1)$([char]2)e1:bi1e1:cd1:y1:q1:zi1ee1:dd1:ki-3eee"
        $bytes = ConvertTo-Bencode ([string] [char] 0xE9)
        , $bytes | Should -BeOfType [byte[]]
        [Text.Encoding]::ASCII.GetString($bytes, 0, 2) | Should -Be '2:'
    }

    It 'writes an unsupported value as BencodeUnsupportedValue naming its path, and goes on with the next input' {
        $out = @{ ok = 1 }, @{ info = @{ files = @(1, $true) } }, 7 | ConvertTo-Bencode -ErrorVariable errors 2>$null
        @($out).Count | Should -Be 2
        Get-ErrorId $errors[0] | Should -Be 'BencodeUnsupportedValue'
        $errors[0].Exception.Message | Should -Match ([regex]::Escape("'$.info.files[1]'"))
        $errors[0].Exception.Message | Should -Match 'Boolean'
    }

    It 'stops an object that contains itself at -MaxDepth' {
        $list = [Collections.ArrayList]::new()
        $null = $list.Add($list)
        $null = ConvertTo-Bencode -InputObject (, $list) -MaxDepth 5 -ErrorVariable errors 2>$null
        $errors[0].Exception.Message | Should -Match 'deeper than the limit of 5'
    }
}
