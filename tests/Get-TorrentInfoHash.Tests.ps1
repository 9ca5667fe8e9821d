BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'oracle.ps1')
}

Describe 'Get-TorrentInfoHash' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'common.ps1')
        $v1Single = Get-FixturePath 'v1-single.torrent'
        $hybrid = Get-FixturePath 'hybrid.torrent'
        $v2Only = Get-FixturePath 'v2-only.torrent'
    }

    Context 'Command metadata' {
        It 'declares TrackerPS.TorrentInfoHash as its output type' {
            (Get-Command -Name Get-TorrentInfoHash).OutputType.Name | Should -Be 'TrackerPS.TorrentInfoHash'
        }

        It 'has the Path (default), LiteralPath and InputObject parameter sets' {
            $command = Get-Command -Name Get-TorrentInfoHash
            ($command.ParameterSets.Name | Sort-Object) -join ',' | Should -Be 'InputObject,LiteralPath,Path'
            $command.DefaultParameterSet | Should -Be 'Path'
        }

        It 'has help with a synopsis and at least two examples' {
            $help = Get-Help -Name Get-TorrentInfoHash -Full
            $help.Synopsis | Should -Be 'Gets the info-hashes of .torrent files.'
            @($help.examples.example).Count | Should -BeGreaterOrEqual 2
        }
    }

    Context 'Hex (the default) matches the oracle' {
        It 'hashes <File>' -ForEach $OracleCases {
            $hash = Get-TorrentInfoHash -Path (Get-FixturePath $File) -WarningAction SilentlyContinue

            $hash | Should -BeOfType ([TrackerPS.TorrentInfoHash])
            $hash.InfoHashV1 | Should -BeExactly $Expected.info_hash_v1
            $hash.InfoHashV2 | Should -BeExactly $Expected.info_hash_v2
            $hash.InfoHash | Should -BeExactly (Get-ExpectedInfoHash $Expected)
            "$($hash.Format)" | Should -Be 'Hex'
            $hash.Path | Should -Be (Get-FixturePath $File)
        }

        It 'gives a v2-only torrent no v1 hash and the truncated v2 hash as InfoHash' {
            $hash = Get-TorrentInfoHash -Path $v2Only
            $hash.InfoHashV1 | Should -BeNullOrEmpty
            $hash.InfoHashV2 | Should -BeExactly $Oracle.'v2-only.torrent'.info_hash_v2
            $hash.InfoHash | Should -BeExactly $Oracle.'v2-only.torrent'.info_hash_v2.Substring(0, 40)
        }
    }

    Context 'Base32' {
        # Expected values: Python's base64.b32encode of the oracle hashes, '=' padding removed.
        It 'writes the 20-byte hashes as 32 characters and the 32-byte v2 hash as 52' {
            $hash = Get-TorrentInfoHash -Path $hybrid -Format Base32

            $hash.InfoHashV1 | Should -BeExactly 'VGZNNW5DD7VYWWPLV6MNODKVBXHQT5E5'
            $hash.InfoHash | Should -BeExactly 'VGZNNW5DD7VYWWPLV6MNODKVBXHQT5E5'
            $hash.InfoHashV2 | Should -BeExactly 'GFN62V4OPRY7DWSFBSYUGNYJIVRVQ466NHLGQC2PIMH2FDEVXYBQ'
            "$($hash.Format)" | Should -Be 'Base32'
        }

        It 'encodes a v1 hash' {
            (Get-TorrentInfoHash -Path $v1Single -Format Base32).InfoHash | Should -BeExactly 'MLCCNHL4RHZP5YR2G5GKR6SE6MRCYLDX'
        }

        It 'encodes the truncated hash of a v2-only torrent' {
            $hash = Get-TorrentInfoHash -Path $v2Only -Format Base32
            $hash.InfoHash | Should -BeExactly 'LX6YKZHAWUMJ3ZVFO5LWCVWXYYYICS2B'
            $hash.InfoHashV2 | Should -BeExactly 'LX6YKZHAWUMJ3ZVFO5LWCVWXYYYICS2B7HYFULJQECDTBB2EJXRA'
        }

        It 'refuses an unknown format' {
            { Get-TorrentInfoHash -Path $v1Single -Format Base64 } | Should -Throw -ErrorId 'CannotConvertArgument*,*'
        }
    }

    Context 'Pipeline binding' {
        It 'binds a piped TorrentInfo to -InputObject, not its Path property to -Path' {
            # If the object bound by property name instead, the file would be read again and, being deleted, not found.
            $copy = Join-Path $TestDrive 'deleted.torrent'
            [System.IO.File]::Copy($v1Single, $copy)
            $torrent = Get-TorrentInfo -LiteralPath $copy
            Remove-Item -LiteralPath $copy

            $hash = $torrent | Get-TorrentInfoHash -ErrorAction SilentlyContinue -ErrorVariable err

            $err.Count | Should -Be 0
            $hash | Should -BeOfType ([TrackerPS.TorrentInfoHash])
            $hash.InfoHash | Should -BeExactly $Oracle.'v1-single.torrent'.info_hash_v1
            $hash.Path | Should -Be $torrent.Path
        }

        It 'hashes TorrentInfo objects given to -InputObject' {
            $torrents = @(Get-TorrentInfo -Path $v1Single, $hybrid)
            $hashes = @(Get-TorrentInfoHash -InputObject $torrents -Format Base32)

            ($hashes.InfoHash) -join ',' | Should -Be 'MLCCNHL4RHZP5YR2G5GKR6SE6MRCYLDX,VGZNNW5DD7VYWWPLV6MNODKVBXHQT5E5'
        }

        It 'hashes every file piped from Get-ChildItem, largest first, as it hashes each alone' {
            # One call reads every file into one reused buffer, so a smaller file lies over a larger one's bytes.
            $files = @(Get-ChildItem -LiteralPath $DataDir -Filter '*.torrent' | Sort-Object Length -Descending)
            $alone = foreach ($file in $files) { Get-TorrentInfoHash -LiteralPath $file.FullName -WarningAction SilentlyContinue -WarningVariable +aloneWarnings }

            $hashes = @($files | Get-TorrentInfoHash -WarningAction SilentlyContinue -WarningVariable togetherWarnings)

            $hashes.Count | Should -Be $files.Count
            ($togetherWarnings -join "`n") | Should -BeExactly ($aloneWarnings -join "`n")
            ($hashes.InfoHash -join ',') | Should -BeExactly ($alone.InfoHash -join ',')
            foreach ($hash in $hashes) {
                $hash | Should -BeOfType ([TrackerPS.TorrentInfoHash])
                $expected = $Oracle.(Split-Path -Path $hash.Path -Leaf)
                $hash.InfoHash | Should -BeExactly (Get-ExpectedInfoHash $expected)
            }
        }

        It 'takes path strings from the pipeline' {
            $hashes = @($v1Single, $hybrid | Get-TorrentInfoHash)
            ($hashes.InfoHashV1) -join ',' | Should -Be "$($Oracle.'v1-single.torrent'.info_hash_v1),$($Oracle.'hybrid.torrent'.info_hash_v1)"
        }
    }

    Context 'Paths' {
        It 'expands wildcards in -Path' {
            $hashes = @(Get-TorrentInfoHash -Path (Join-Path $DataDir 'v1-*.torrent'))
            ($hashes.InfoHash | Sort-Object) -join ',' |
                Should -Be ((@($Oracle.'v1-single.torrent'.info_hash_v1, $Oracle.'v1-multi.torrent'.info_hash_v1) | Sort-Object) -join ',')
        }

        It 'reads -LiteralPath given the PSPath of Get-Item' {
            $hash = Get-TorrentInfoHash -LiteralPath (Get-Item -LiteralPath $hybrid).PSPath
            $hash.InfoHashV2 | Should -BeExactly $Oracle.'hybrid.torrent'.info_hash_v2
        }

        It 'writes FileNotFound for a missing file and still hashes the others' {
            $missing = Join-Path $DataDir 'does-not-exist.torrent'
            $hashes = @(Get-TorrentInfoHash -Path $v1Single, $missing, $hybrid -ErrorAction SilentlyContinue -ErrorVariable err)

            $hashes.Count | Should -Be 2
            $err.Count | Should -Be 1
            $err[0].FullyQualifiedErrorId | Should -Be 'FileNotFound,TrackerPS.Commands.GetTorrentInfoHashCommand'
            $err[0].TargetObject | Should -Be $missing
        }

        It 'writes TorrentParseFailed for a file that is bencode but not metainfo' {
            # A complete dictionary whose 'info' is an integer: valid bencode, invalid metainfo (BEP 3).
            $bad = Join-Path $TestDrive 'not-metainfo.torrent'
            [System.IO.File]::WriteAllText($bad, 'd4:infoi1ee')

            Get-TorrentInfoHash -LiteralPath $bad -ErrorAction SilentlyContinue -ErrorVariable err | Should -BeNullOrEmpty
            $err.Count | Should -Be 1
            $err[0].FullyQualifiedErrorId | Should -BeLike 'TorrentParseFailed,*'
            "$($err[0].CategoryInfo.Category)" | Should -Be 'InvalidData'
        }

        It 'writes PathNotFileSystem for a directory' {
            Get-TorrentInfoHash -LiteralPath $DataDir -ErrorAction SilentlyContinue -ErrorVariable err | Should -BeNullOrEmpty
            $err[0].FullyQualifiedErrorId | Should -BeLike 'PathNotFileSystem,*'
        }
    }
}
