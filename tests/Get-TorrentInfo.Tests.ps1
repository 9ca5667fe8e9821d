BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'oracle.ps1')
}

Describe 'Get-TorrentInfo' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'common.ps1')
        $v1Single = Get-FixturePath 'v1-single.torrent'
        $hybrid = Get-FixturePath 'hybrid.torrent'
        $unsorted = Get-FixturePath 'unsorted-info.torrent'
    }

    Context 'Command metadata' {
        It 'declares TrackerPS.TorrentInfo as its output type' {
            (Get-Command -Name Get-TorrentInfo).OutputType.Name | Should -Be 'TrackerPS.TorrentInfo'
        }

        It 'has the Path (default) and LiteralPath parameter sets' {
            $command = Get-Command -Name Get-TorrentInfo
            ($command.ParameterSets.Name | Sort-Object) -join ',' | Should -Be 'LiteralPath,Path'
            $command.DefaultParameterSet | Should -Be 'Path'
        }

        It 'has help with a synopsis and at least two examples' {
            $help = Get-Help -Name Get-TorrentInfo -Full
            $help.Synopsis | Should -Be 'Reads .torrent files and describes their contents.'
            @($help.examples.example).Count | Should -BeGreaterOrEqual 2
        }
    }

    Context 'Info-hashes, computed on first read' {
        # A read torrent hashes its info dictionary when a hash is first asked for; whatever asks gets the oracle's.
        It 'are in ConvertTo-Json, Export-Csv and Format-List of a torrent no one looked at before' {
            $expected = $Oracle.'hybrid.torrent'
            $json = Get-TorrentInfo -LiteralPath $hybrid | ConvertTo-Json -Depth 1 -WarningAction SilentlyContinue | ConvertFrom-Json
            $json.InfoHashV1, $json.InfoHashV2 | Should -BeExactly $expected.info_hash_v1, $expected.info_hash_v2
            $csv = Get-TorrentInfo -LiteralPath $hybrid | ConvertTo-Csv | ConvertFrom-Csv
            $csv.InfoHash, $csv.InfoHashV2 | Should -BeExactly $expected.info_hash_v1, $expected.info_hash_v2
            Get-TorrentInfo -LiteralPath $hybrid | Format-List InfoHashV2 | Out-String | Should -Match $expected.info_hash_v2
        }

        It 'are the same on every thread that asks first' {
            $torrent = Get-TorrentInfo -LiteralPath $hybrid
            $hashes = 1..4 | ForEach-Object -ThrottleLimit 4 -Parallel { ($using:torrent).InfoHashV2 }
            $hashes | Should -BeExactly (@($Oracle.'hybrid.torrent'.info_hash_v2) * 4)
        }

        It 'of a v2-only torrent: InfoHash is the SHA-256 truncated to 20 bytes' {
            $torrent = Get-TorrentInfo -LiteralPath (Get-FixturePath 'v2-only.torrent')
            $torrent.InfoHash | Should -BeExactly $Oracle.'v2-only.torrent'.info_hash_v2.Substring(0, 40)
            $torrent.InfoHashV1 | Should -BeNullOrEmpty
        }
    }

    Context 'Values match the oracle (libtorrent, mktorrent, transmission)' {
        It 'reads <File>' -ForEach $OracleCases {
            $torrent = Get-TorrentInfo -Path (Get-FixturePath $File) -WarningAction SilentlyContinue

            $torrent | Should -BeOfType ([TrackerPS.TorrentInfo])
            $torrent.Name | Should -BeExactly $Expected.name
            $torrent.InfoHashV1 | Should -BeExactly $Expected.info_hash_v1
            $torrent.InfoHashV2 | Should -BeExactly $Expected.info_hash_v2
            $torrent.InfoHash | Should -BeExactly (Get-ExpectedInfoHash $Expected)
            $torrent.TotalSize | Should -Be $Expected.total_size_excluding_pads
            $torrent.FileCount | Should -Be $Expected.num_files_excluding_pads
            $torrent.PieceLength | Should -Be $Expected.piece_length
            $torrent.IsPrivate | Should -Be $Expected.priv
            $expectedVersion = if ($null -eq $Expected.info_hash_v2) { 'V1' } elseif ($null -eq $Expected.info_hash_v1) { 'V2' } else { 'Hybrid' }
            "$($torrent.Version)" | Should -Be $expectedVersion
            $torrent.Path | Should -Be (Get-FixturePath $File)
        }
    }

    Context 'Path binding and resolution' {
        It 'takes the path by position' {
            $torrent = Get-TorrentInfo $v1Single
            $torrent | Should -BeOfType ([TrackerPS.TorrentInfo])
            $torrent.InfoHashV1 | Should -BeExactly $Oracle.'v1-single.torrent'.info_hash_v1
        }

        It 'takes path strings from the pipeline' {
            $torrents = @($v1Single, $hybrid | Get-TorrentInfo)
            ($torrents.Name) -join ',' | Should -Be 'single.bin,hybrid'
        }

        It 'reads every file piped from Get-ChildItem' {
            $files = @(Get-ChildItem -LiteralPath $DataDir -Filter '*.torrent')
            $torrents = @($files | Get-TorrentInfo -WarningAction SilentlyContinue)

            $files.Count | Should -Be @($Oracle.PSObject.Properties).Count
            $torrents.Count | Should -Be $files.Count
            $torrents | ForEach-Object { $_ | Should -BeOfType ([TrackerPS.TorrentInfo]) }
            ($torrents.Path | Sort-Object) -join '|' | Should -Be (($files.FullName | Sort-Object) -join '|')
        }

        It 'expands wildcards in -Path' {
            $torrents = @(Get-TorrentInfo -Path (Join-Path $DataDir 'v1-*.torrent'))
            ($torrents.Name | Sort-Object) -join ',' | Should -Be 'single.bin,v1-multi'
        }

        It 'reads -LiteralPath given the PSPath of Get-Item' {
            $item = Get-Item -LiteralPath $v1Single
            $torrent = Get-TorrentInfo -LiteralPath $item.PSPath
            $torrent.InfoHashV1 | Should -BeExactly $Oracle.'v1-single.torrent'.info_hash_v1
        }

        It 'binds Get-Item output to -LiteralPath through PSPath' {
            $torrent = Get-Item -LiteralPath $v1Single | Get-TorrentInfo
            $torrent.InfoHashV1 | Should -BeExactly $Oracle.'v1-single.torrent'.info_hash_v1
        }

        It 'accepts the LP alias' {
            (Get-TorrentInfo -LP $hybrid).InfoHashV2 | Should -BeExactly $Oracle.'hybrid.torrent'.info_hash_v2
        }

        It 'takes -LiteralPath brackets literally, while -Path treats them as a wildcard' {
            $bracketed = Join-Path $TestDrive 'copy[1].torrent'
            [System.IO.File]::Copy($v1Single, $bracketed)

            (Get-TorrentInfo -LiteralPath $bracketed).InfoHashV1 | Should -BeExactly $Oracle.'v1-single.torrent'.info_hash_v1
            $result = Get-TorrentInfo -Path $bracketed -ErrorAction SilentlyContinue -ErrorVariable err
            $result | Should -BeNullOrEmpty
            $err.Count | Should -Be 1
            $err[0].FullyQualifiedErrorId | Should -BeLike 'FileNotFound,*'
        }

        It 'resolves a -LiteralPath <What> as the provider does' -ForEach @(
            @{ What = 'that is rooted and plain'; Spell = { param($dir, $name) Join-Path $dir $name } }
            @{ What = 'with ..'; Spell = { param($dir, $name) [IO.Path]::Combine($dir, 'x', '..', $name) } }
            @{ What = 'with .'; Spell = { param($dir, $name) [IO.Path]::Combine($dir, '.', $name) } }
            @{ What = 'with a doubled separator'; Spell = { param($dir, $name) $dir + [IO.Path]::DirectorySeparatorChar + [IO.Path]::DirectorySeparatorChar + $name } }
            @{ What = 'with the other separator'; Spell = { param($dir, $name) ($dir -replace '[\\/]', [IO.Path]::AltDirectorySeparatorChar) + '\' + $name } }
            @{ What = 'behind the FileSystem provider prefix'; Spell = { param($dir, $name) 'Microsoft.PowerShell.Core\FileSystem::' + (Join-Path $dir $name) } }
            @{ What = 'behind the prefix, with ..'; Spell = { param($dir, $name) 'Microsoft.PowerShell.Core\FileSystem::' + [IO.Path]::Combine($dir, 'x', '..', $name) } }
        ) {
            $literal = & $Spell $DataDir 'v1-single.torrent'
            $torrent = Get-TorrentInfo -LiteralPath $literal
            $torrent.Path | Should -BeExactly $v1Single
            $torrent.InfoHashV1 | Should -BeExactly $Oracle.'v1-single.torrent'.info_hash_v1

            $missing = & $Spell $TestDrive 'missing.torrent'
            Get-TorrentInfo -LiteralPath $missing -ErrorAction SilentlyContinue -ErrorVariable err | Should -BeNullOrEmpty
            $err.Count | Should -Be 1
            $err[0].FullyQualifiedErrorId | Should -Be 'FileNotFound,TrackerPS.Commands.GetTorrentInfoCommand'
            $err[0].TargetObject | Should -BeExactly $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($missing)
        }

        It 'reads a rooted -LiteralPath while the location is on another provider, and refuses a relative one there' {
            Push-Location Variable:
            try {
                (Get-TorrentInfo -LiteralPath $v1Single).InfoHashV1 | Should -BeExactly $Oracle.'v1-single.torrent'.info_hash_v1
                Get-TorrentInfo -LiteralPath 'PSHOME' -ErrorAction SilentlyContinue -ErrorVariable err | Should -BeNullOrEmpty
            }
            finally {
                Pop-Location
            }
            $err.Count | Should -Be 1
            $err[0].FullyQualifiedErrorId | Should -BeLike 'PathNotFileSystem,*'
        }
    }

    Context 'Errors are non-terminating and name the path' {
        It 'writes FileNotFound for a missing file and still reads the others' {
            $missing = Join-Path $DataDir 'does-not-exist.torrent'
            $torrents = @(Get-TorrentInfo -Path $v1Single, $missing, $hybrid -ErrorAction SilentlyContinue -ErrorVariable err)

            ($torrents.Name) -join ',' | Should -Be 'single.bin,hybrid'
            $err.Count | Should -Be 1
            $err[0].FullyQualifiedErrorId | Should -Be 'FileNotFound,TrackerPS.Commands.GetTorrentInfoCommand'
            "$($err[0].CategoryInfo.Category)" | Should -Be 'ObjectNotFound'
            $err[0].TargetObject | Should -Be $missing
        }

        It 'writes FileNotFound for a missing file in the pipeline and still reads the others' {
            $missing = Join-Path $TestDrive 'missing.torrent'
            $torrents = @($v1Single, $missing, $hybrid | Get-TorrentInfo -ErrorAction SilentlyContinue -ErrorVariable err)

            $torrents.Count | Should -Be 2
            $err.Count | Should -Be 1
            $err[0].FullyQualifiedErrorId | Should -BeLike 'FileNotFound,*'
        }

        It 'writes FileNotFound for a missing -LiteralPath' {
            $missing = Join-Path $TestDrive 'missing.torrent'
            Get-TorrentInfo -LiteralPath $missing -ErrorAction SilentlyContinue -ErrorVariable err | Should -BeNullOrEmpty
            $err[0].FullyQualifiedErrorId | Should -BeLike 'FileNotFound,*'
            $err[0].TargetObject | Should -BeLike '*missing.torrent'
        }

        It 'writes FileNotFound for a wildcard that matches nothing' {
            Get-TorrentInfo -Path (Join-Path $DataDir 'no-such-*.torrent') -ErrorAction SilentlyContinue -ErrorVariable err | Should -BeNullOrEmpty
            $err.Count | Should -Be 1
            $err[0].FullyQualifiedErrorId | Should -BeLike 'FileNotFound,*'
            "$($err[0].CategoryInfo.Category)" | Should -Be 'ObjectNotFound'
        }

        It 'writes PathNotFileSystem for a directory' {
            Get-TorrentInfo -LiteralPath $DataDir -ErrorAction SilentlyContinue -ErrorVariable err | Should -BeNullOrEmpty
            $err.Count | Should -Be 1
            $err[0].FullyQualifiedErrorId | Should -BeLike 'PathNotFileSystem,*'
            "$($err[0].CategoryInfo.Category)" | Should -Be 'InvalidArgument'
        }

        It 'writes PathNotFileSystem for a path on another provider' {
            Get-TorrentInfo -Path 'Variable:\PSHOME' -ErrorAction SilentlyContinue -ErrorVariable err | Should -BeNullOrEmpty
            $err.Count | Should -Be 1
            $err[0].FullyQualifiedErrorId | Should -BeLike 'PathNotFileSystem,*'
        }

        It 'writes TorrentParseFailed, naming the file and byte offset, for a file that is not bencode' {
            $bad = Join-Path $TestDrive 'bad.torrent'
            [System.IO.File]::WriteAllText($bad, 'this is not bencode')

            $torrents = @(Get-TorrentInfo -LiteralPath $bad, $v1Single -ErrorAction SilentlyContinue -ErrorVariable err)

            $torrents.Count | Should -Be 1
            $torrents[0].Name | Should -Be 'single.bin'
            $err.Count | Should -Be 1
            $err[0].FullyQualifiedErrorId | Should -Be 'TorrentParseFailed,TrackerPS.Commands.GetTorrentInfoCommand'
            "$($err[0].CategoryInfo.Category)" | Should -Be 'InvalidData'
            $err[0].TargetObject | Should -BeLike '*bad.torrent'
            $err[0].Exception | Should -BeOfType ([System.FormatException])
            $err[0].Exception.Message | Should -BeLike '*bad.torrent*'
            $err[0].Exception.Message | Should -BeLike '*byte*'
        }
    }

    Context 'BEP 47 symlinks' {
        It 'shows IsSymlink and SymlinkPath for the symlink of <File>, as libtorrent reports it' -ForEach @(
            @{ File = 'symlink-hybrid.torrent' }
            @{ File = 'symlink-v1.torrent' }
        ) {
            $expected = $Oracle.$File
            $torrent = Get-TorrentInfo -Path (Get-FixturePath $File) -WarningVariable warnings

            $links = @($torrent.Files | Where-Object IsSymlink)
            $links.Count | Should -Be 1
            $links[0].Path | Should -BeExactly 'link'
            $links[0].SymlinkPath | Should -BeExactly ($expected.files | Where-Object symlink).symlink_path
            $links[0].Length | Should -Be 0
            [System.Text.Encoding]::UTF8.GetString($links[0].RawSymlinkPath[-1]) | Should -BeExactly 'b.txt'
            @($torrent.Files | Where-Object { -not $_.IsSymlink -and $null -eq $_.SymlinkPath }).Count | Should -Be 2
            $torrent.TotalSize | Should -Be $expected.total_size_excluding_pads
            $torrent.PieceCount | Should -Be $expected.num_pieces
            $warnings.Count | Should -Be 0
        }
    }

    Context 'Progress' {
        It 'writes no progress for a run that ends within a second' {
            # The timing rules are unit-tested with an injected clock (ProgressThrottleTests); a timed test here would be flaky.
            $ps = [powershell]::Create()
            try {
                $null = $ps.AddCommand('Import-Module').AddParameter('Name', $ModuleManifest).AddStatement()
                $null = $ps.AddCommand('Get-TorrentInfo').AddParameter('Path', @($v1Single, $hybrid))
                $torrents = $ps.Invoke()

                $torrents.Count | Should -Be 2
                @($ps.Streams.Progress | Where-Object Activity -eq 'Get-TorrentInfo').Count | Should -Be 0
                $ps.Streams.Error.Count | Should -Be 0
            }
            finally {
                $ps.Dispose()
            }
        }
    }

    Context 'Torrents libtorrent rejects' {
        It 'writes TorrentParseFailed for a <What>' -ForEach @(
            @{ What = 'single file of length 0'; Info = 'd6:lengthi0e4:name5:a.bin12:piece lengthi16384e6:pieces0:e'; Reason = 'the files add up to 0 bytes*' }
            @{ What = 'multi-file torrent whose files are all empty'; Info = 'd5:filesld6:lengthi0e4:pathl1:aeee4:name4:root12:piece lengthi16384e6:pieces0:e'; Reason = 'the files add up to 0 bytes*' }
            @{ What = 'single file with an empty name'; Info = "d6:lengthi1e4:name0:12:piece lengthi16384e6:pieces20:$('x' * 20)e"; Reason = "'info.name' is empty*" }
        ) {
            $file = Join-Path $TestDrive 'rejected.torrent'
            [System.IO.File]::WriteAllText($file, "d4:info$($Info)e")

            Get-TorrentInfo -LiteralPath $file -ErrorAction SilentlyContinue -ErrorVariable err | Should -BeNullOrEmpty

            $err.Count | Should -Be 1
            $err[0].FullyQualifiedErrorId | Should -Be 'TorrentParseFailed,TrackerPS.Commands.GetTorrentInfoCommand'
            "$($err[0].CategoryInfo.Category)" | Should -Be 'InvalidData'
            $err[0].TargetObject | Should -Be $file
            $err[0].Exception.Reason | Should -BeLike $Reason
        }
    }

    Context 'Options' {
        It 'accepts unsorted info keys with a warning per finding, naming the file' {
            $torrent = Get-TorrentInfo -Path $unsorted -WarningAction SilentlyContinue -WarningVariable warnings

            $torrent.InfoHashV1 | Should -BeExactly $Oracle.'unsorted-info.torrent'.info_hash_v1
            $torrent.Warnings.Count | Should -BeGreaterThan 0
            $warnings.Count | Should -Be $torrent.Warnings.Count
            $warnings[0].Message | Should -BeLike '*unsorted-info.torrent*'
        }

        It 'writes no warning for a canonical file' {
            $torrent = Get-TorrentInfo -Path $v1Single -WarningVariable warnings
            $torrent.Warnings.Count | Should -Be 0
            $warnings.Count | Should -Be 0
        }

        It 'rejects unsorted info keys with -Strict' {
            Get-TorrentInfo -Path $unsorted -Strict -ErrorAction SilentlyContinue -ErrorVariable err | Should -BeNullOrEmpty
            $err.Count | Should -Be 1
            $err[0].FullyQualifiedErrorId | Should -BeLike 'TorrentParseFailed,*'
        }

        It 'accepts bytes after the top-level dictionary with a warning naming the offset, and rejects them with -Strict' {
            $trailing = Join-Path $TestDrive 'trailing-crlf.torrent'
            $bytes = [System.IO.File]::ReadAllBytes($v1Single)
            [System.IO.File]::WriteAllBytes($trailing, $bytes + [byte[]](13, 10))

            $torrent = Get-TorrentInfo -LiteralPath $trailing -WarningAction SilentlyContinue -WarningVariable warnings
            Get-TorrentInfo -LiteralPath $trailing -Strict -ErrorAction SilentlyContinue -ErrorVariable err | Should -BeNullOrEmpty

            $torrent.InfoHashV1 | Should -BeExactly $Oracle.'v1-single.torrent'.info_hash_v1
            $warnings.Count | Should -Be 1
            $warnings[0].Message | Should -BeExactly "${trailing}: byte $($bytes.Length): 2 bytes after the top-level dictionary are ignored"
            $err.Count | Should -Be 1
            $err[0].FullyQualifiedErrorId | Should -BeLike 'TorrentParseFailed,*'
            $err[0].Exception.Message | Should -BeLike "*at byte $($bytes.Length) *after the root value"
        }

        It 'lists pad files only with -IncludePadFiles' {
            $expected = $Oracle.'hybrid.torrent'
            $without = Get-TorrentInfo -Path $hybrid
            $with = Get-TorrentInfo -Path $hybrid -IncludePadFiles

            $without.Files.Path -join ',' | Should -BeExactly (($expected.files | Where-Object { -not $_.pad }).path -join ',')
            $with.Files.Path -join ',' | Should -BeExactly ($expected.files.path -join ',')
            @($with.Files | Where-Object IsPadding).Count | Should -Be ($expected.num_files - $expected.num_files_excluding_pads)
            $with.FileCount | Should -Be $expected.num_files_excluding_pads
            $with.TotalSize | Should -Be $expected.total_size_excluding_pads
        }

        It 'rejects a file larger than -MaxFileSize' {
            Get-TorrentInfo -Path $v1Single -MaxFileSize 100 -ErrorAction SilentlyContinue -ErrorVariable err | Should -BeNullOrEmpty
            $err.Count | Should -Be 1
            $err[0].FullyQualifiedErrorId | Should -BeLike 'TorrentParseFailed,*'
        }

        It 'rejects nesting deeper than -MaxDepth' {
            Get-TorrentInfo -Path $v1Single -MaxDepth 1 -ErrorAction SilentlyContinue -ErrorVariable err | Should -BeNullOrEmpty
            $err.Count | Should -Be 1
            $err[0].FullyQualifiedErrorId | Should -BeLike 'TorrentParseFailed,*'
        }

        It 'refuses a -MaxFileSize below 1 byte' {
            { Get-TorrentInfo -Path $v1Single -MaxFileSize 0 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
        }
    }
}
