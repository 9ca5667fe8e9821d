# Pester 5 tests for Edit-Torrent. libtorrent (python3-libtorrent, Debian's /usr/bin/python3) reads every result back.

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'oracle.ps1')
}

Describe 'Edit-Torrent' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'common.ps1')
        $LtRead = Join-Path $PSScriptRoot 'libtorrent/read-torrent.py'

        # What libtorrent's lt.torrent_info reports for a file.
        function Read-WithLibtorrent([string] $Path) {
            $json = & /usr/bin/python3 $LtRead $Path
            if ($LASTEXITCODE -ne 0) {
                throw "libtorrent could not read '$Path'."
            }
            $json | ConvertFrom-Json
        }

        function New-WorkFolder {
            [CmdletBinding(SupportsShouldProcess)]
            param()
            $folder = Join-Path ([IO.Path]::GetTempPath()) ("trackerps-edit-" + [guid]::NewGuid().ToString('N'))
            if ($PSCmdlet.ShouldProcess($folder, 'Create test folder')) {
                New-Item -ItemType Directory -Path $folder | Out-Null
            }
            $folder
        }

        # What -WhatIf writes to the host (not a stream, so only a transcript sees it).
        function Get-WhatIfText([scriptblock] $ScriptBlock) {
            $transcript = Join-Path ([IO.Path]::GetTempPath()) ("trackerps-whatif-" + [guid]::NewGuid().ToString('N') + '.txt')
            $null = Start-Transcript -LiteralPath $transcript -UseMinimalHeader
            try {
                $null = & $ScriptBlock
            }
            finally {
                $null = Stop-Transcript
            }
            $text = Get-Content -LiteralPath $transcript -Raw
            Remove-Item -LiteralPath $transcript
            $text -replace "`r", ''
        }

        function Get-FolderState([string] $Folder) {
            Get-ChildItem -LiteralPath $Folder -Force -Recurse -File |
                ForEach-Object { '{0} {1}' -f $_.Name, (Get-FileHash -LiteralPath $_.FullName -Algorithm SHA256).Hash }
        }
    }

    BeforeEach {
        $work = New-WorkFolder
        Copy-Item -Path (Join-Path $DataDir '*.torrent') -Destination $work
    }

    AfterEach {
        Remove-Item -LiteralPath $work -Recurse -Force
    }

    Context 'Command metadata' {
        It 'supports ShouldProcess and declares TrackerPS.TorrentInfo' {
            $command = Get-Command -Name Edit-Torrent
            $command.Parameters.Keys | Should -Contain 'WhatIf'
            $command.Parameters.Keys | Should -Contain 'Confirm'
            $command.OutputType.Name | Should -Be 'TrackerPS.TorrentInfo'
        }
    }

    Context 'Keeping the torrent' {
        It 'adds a tracker to <File> in place, keeping both info-hashes, and libtorrent reads the new tracker' -ForEach $OracleCases {
            $path = Join-Path $work $File
            $result = Edit-Torrent -LiteralPath $path -AddTracker 'udp://backup.example:6969/announce' -Comment 'mirror'

            $result.Path | Should -Be $path
            $result.InfoHashV1 | Should -Be $Expected.info_hash_v1
            $result.InfoHashV2 | Should -Be $Expected.info_hash_v2
            $lt = Read-WithLibtorrent $path
            $lt.info_hash_v1 | Should -Be $Expected.info_hash_v1
            $lt.info_hash_v2 | Should -Be $Expected.info_hash_v2
            $lt.trackers.url | Should -Contain 'udp://backup.example:6969/announce'
            $lt.comment | Should -Be 'mirror'
        }

        It 'keeps the hash of the non-canonical unsorted-info.torrent (info keys not sorted)' {
            $path = Join-Path $work 'unsorted-info.torrent'
            $null = Edit-Torrent -LiteralPath $path -ReplaceTracker 'http://127.0.0.1:6969/announce', 'https://new.example/announce' 3>$null

            (Get-TorrentInfoHash -LiteralPath $path 3>$null).InfoHash | Should -Be $Oracle.'unsorted-info.torrent'.info_hash_v1
            $lt = Read-WithLibtorrent $path
            $lt.info_hash_v1 | Should -Be $Oracle.'unsorted-info.torrent'.info_hash_v1
            $lt.trackers.url | Should -Be @('https://new.example/announce')
        }

        It 'edits the libtorrent-made hybrid into a new file, tiers as asked, hashes kept' {
            $source = Join-Path $work 'hybrid.torrent'
            $before = Get-FileHash -LiteralPath $source
            $target = Join-Path $work 'y.torrent'
            $result = Edit-Torrent -LiteralPath $source -AddTracker 'udp://backup.example:6969/announce' -Tier 1 -Destination $target

            $result.Path | Should -Be $target
            (Get-FileHash -LiteralPath $source).Hash | Should -Be $before.Hash
            $lt = Read-WithLibtorrent $target
            $lt.info_hash_v1 | Should -Be $Oracle.'hybrid.torrent'.info_hash_v1
            $lt.info_hash_v2 | Should -Be $Oracle.'hybrid.torrent'.info_hash_v2
            ($lt.trackers | Where-Object url -EQ 'udp://backup.example:6969/announce').tier | Should -Be 1
        }

        It 'replaces a passkey in every tracker URL and never shows it' {
            $path = Join-Path $work 't.torrent'
            New-TestTorrent -Path $path -Announce "http://t.example/$PathPasskey/announce"
            $new = '0f9e8d7c6b5a49382716f5e4d3c2b1a0'
            $shown = Get-WhatIfText { Edit-Torrent -LiteralPath $path -ReplacePasskey $PathPasskey, $new -WhatIf }
            $shown += (Edit-Torrent -LiteralPath $path -ReplacePasskey $PathPasskey, $new -Verbose 4>&1 | Out-String)

            (Read-WithLibtorrent $path).trackers.url | Should -Be @("http://t.example/$new/announce")
            $shown | Should -Match 'What if: Edit .*\n  replace the passkey in 1 tracker URL'
            $shown | Should -Not -Match $PathPasskey
            $shown | Should -Not -Match $new
        }
    }

    Context 'Changes inside info' {
        It 'refuses -Private without -ChangeInfoHash, leaving the file as it was' {
            $path = Join-Path $work 'v1-single.torrent'
            $before = (Get-FileHash -LiteralPath $path).Hash
            { Edit-Torrent -LiteralPath $path -Private } | Should -Throw -ErrorId 'TorrentEditFailed,TrackerPS.Commands.EditTorrentCommand'
            (Get-FileHash -LiteralPath $path).Hash | Should -Be $before
        }

        It 'with -ChangeInfoHash makes a private torrent and warns with the old and new info-hashes' {
            $path = Join-Path $work 'v1-single.torrent'
            $result = Edit-Torrent -LiteralPath $path -Private -Source 'SRC' -ChangeInfoHash -WarningVariable warnings 3>$null

            $result.IsPrivate | Should -BeTrue
            $result.InfoHash | Should -Not -Be $Oracle.'v1-single.torrent'.info_hash_v1
            "$warnings" | Should -Match $Oracle.'v1-single.torrent'.info_hash_v1
            "$warnings" | Should -Match $result.InfoHash
            $lt = Read-WithLibtorrent $path
            $lt.priv | Should -BeTrue
            $lt.info_hash_v1 | Should -Be $result.InfoHash
        }
    }

    Context '-WhatIf' {
        It 'shows each change per file at 80 columns and writes nothing' {
            $state = Get-FolderState $work
            $text = Get-WhatIfText {
                $null = Get-ChildItem -LiteralPath $work -Filter 'v1-*.torrent' |
                    Edit-Torrent -ReplaceTracker 'http://a.example/announce', 'https://new.example/announce' -WhatIf 3>$null
            }

            Get-FolderState $work | Should -Be $state
            $text | Should -Match "v1-multi.torrent'"
            $text | Should -Match '  replace tracker http://a.example/announce'
            $text | Should -Match '    with https://new.example/announce'
            $text -split "`n" | Where-Object { $_ -notmatch 'What if: Edit' } | ForEach-Object { $_.TrimEnd().Length | Should -BeLessOrEqual 80 }
        }
    }

    Context 'Writing safely' {
        It 'a missing destination folder is a FileWriteFailed error; the original is untouched and nothing is left' {
            $path = Join-Path $work 'v1-single.torrent'
            $state = Get-FolderState $work
            $out = Edit-Torrent -LiteralPath $path -Comment 'x' -Destination (Join-Path $work 'missing/y.torrent') -ErrorVariable errors 2>$null

            $out | Should -BeNullOrEmpty
            Get-ErrorId $errors[0] | Should -Be 'FileWriteFailed'
            $errors[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
            Get-FolderState $work | Should -Be $state
        }

        It 'a folder where no file can be created (/proc, even for root) is a FileWriteFailed error naming the target' -Skip:(-not $IsLinux) {
            $path = Join-Path $work 'v1-single.torrent'
            $state = Get-FolderState $work
            $null = Edit-Torrent -LiteralPath $path -Comment 'x' -Destination '/proc/trackerps-edit.torrent' -ErrorVariable errors 2>$null

            Get-ErrorId $errors[0] | Should -Be 'FileWriteFailed'
            $errors[0].Exception.Message | Should -Match "Cannot write '/proc/trackerps-edit.torrent'"
            $errors[0].TargetObject | Should -Be '/proc/trackerps-edit.torrent'
            Get-FolderState $work | Should -Be $state
            Get-ChildItem -LiteralPath '/proc' -Filter '.trackerps-*' -Force | Should -BeNullOrEmpty
        }

        It 'a pipeline stopped mid-run (Ctrl+C) leaves each file either as it was or fully edited, and no temporary file' {
            $source = Join-Path $work 'v1-multi.torrent'
            $original = (Get-FileHash -LiteralPath $source).Hash
            $many = Join-Path $work 'many'
            $null = New-Item -ItemType Directory -Path $many
            foreach ($i in 1..300) {
                Copy-Item -LiteralPath $source -Destination (Join-Path $many "t$i.torrent")
            }
            $shell = [powershell]::Create()
            try {
                $null = $shell.AddCommand('Import-Module').AddParameter('Name', $ModuleManifest).AddStatement()
                $null = $shell.AddCommand('Edit-Torrent').AddParameter('Path', (Join-Path $many '*.torrent')).AddParameter('AddTracker', 'udp://backup.example:6969/announce')
                $run = $shell.BeginInvoke()
                # Files are edited in name order: stop as soon as the first one is written.
                $first = Join-Path $many 't1.torrent'
                while ((Get-FileHash -LiteralPath $first).Hash -eq $original -and -not $run.IsCompleted) {
                    Start-Sleep -Milliseconds 20
                }
                $shell.Stop()
                $null = $run.AsyncWaitHandle.WaitOne(10000)
            }
            finally {
                $shell.Dispose()
            }

            $edited = Edit-Torrent -LiteralPath $source -AddTracker 'udp://backup.example:6969/announce' -Destination (Join-Path $work 'expected.torrent')
            $expected = (Get-FileHash -LiteralPath $edited.Path).Hash
            $hashes = Get-ChildItem -LiteralPath $many -Force | ForEach-Object { (Get-FileHash -LiteralPath $_.FullName).Hash }
            @($hashes).Count | Should -Be 300
            $hashes | Where-Object { $_ -ne $original -and $_ -ne $expected } | Should -BeNullOrEmpty
            @($hashes | Where-Object { $_ -eq $original }).Count | Should -BeGreaterThan 0
            @($hashes | Where-Object { $_ -eq $expected }).Count | Should -BeGreaterThan 0
        }

        It 'one bad file in the pipeline is a non-terminating error and the rest are edited' {
            [IO.File]::WriteAllText((Join-Path $work 'bad.torrent'), 'not bencode')
            $results = Get-ChildItem -LiteralPath $work -Filter '*.torrent' | Sort-Object Name |
                Edit-Torrent -AddTracker 'udp://backup.example:6969/announce' -ErrorVariable errors 2>$null 3>$null

            @($errors).Count | Should -Be 1
            Get-ErrorId $errors[0] | Should -Be 'TorrentParseFailed'
            $errors[0].TargetObject | Should -Be (Join-Path $work 'bad.torrent')
            @($results).Count | Should -Be @($OracleCases).Count
        }

        It 'takes Get-TorrentInfo output from the pipeline and writes into a -Destination folder' {
            $out = New-WorkFolder
            try {
                $results = Get-TorrentInfo -LiteralPath (Join-Path $work 'v1-single.torrent'), (Join-Path $work 'v2-only.torrent') |
                    Edit-Torrent -Clear Tracker -WebSeed 'http://ws.example/files/' -Destination $out

                @($results).Path | Should -Be @((Join-Path $out 'v1-single.torrent'), (Join-Path $out 'v2-only.torrent'))
                $lt = Read-WithLibtorrent (Join-Path $out 'v2-only.torrent')
                $lt.trackers | Should -BeNullOrEmpty
                $lt.web_seeds | Should -Be @('http://ws.example/files/')
                $lt.info_hash_v2 | Should -Be $Oracle.'v2-only.torrent'.info_hash_v2
            }
            finally {
                Remove-Item -LiteralPath $out -Recurse -Force
            }
        }

        It 'refuses a second input to the same -Destination file' {
            $target = Join-Path $work 'out.torrent'
            $results = Edit-Torrent -LiteralPath (Join-Path $work 'v1-single.torrent'), (Join-Path $work 'v1-multi.torrent') -Comment 'x' -Destination $target -ErrorVariable errors 2>$null

            @($results).Count | Should -Be 1
            Get-ErrorId $errors[0] | Should -Be 'DestinationConflict'
            (Get-TorrentInfo -LiteralPath $target).Name | Should -Be 'single.bin'
        }

        It 'a tier past the last one is a TorrentEditFailed error for that file' {
            $null = Edit-Torrent -LiteralPath (Join-Path $work 'v1-single.torrent') -AddTracker 'http://x.example/announce' -Tier 5 -ErrorVariable errors 2>$null

            Get-ErrorId $errors[0] | Should -Be 'TorrentEditFailed'
            $errors[0].Exception.Message | Should -Match 'tier 5 does not exist'
        }
    }
}

Describe 'Read-only cmdlets' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'common.ps1')
    }

    It 'no cmdlet but the writers (Edit-Torrent, New-Torrent; Get-TorrentMetadata only with -Destination) writes a file' {
        $work = Join-Path ([IO.Path]::GetTempPath()) ("trackerps-readonly-" + [guid]::NewGuid().ToString('N'))
        $outside = Join-Path ([IO.Path]::GetTempPath()) ("trackerps-readonly-torrent-" + [guid]::NewGuid().ToString('N') + '.torrent')
        New-Item -ItemType Directory -Path $work | Out-Null
        try {
            Copy-Item -Path (Join-Path $DataDir '*.torrent') -Destination $work
            # Content for Test-Torrent, one of whose files then goes missing: it must not be created.
            $content = New-Item -ItemType Directory -Path (Join-Path $work 'content')
            [IO.File]::WriteAllBytes((Join-Path $content 'a.bin'), [byte[]]::new(40000))
            [IO.File]::WriteAllBytes((Join-Path $content 'b.bin'), [byte[]]::new(100))
            $null = New-Torrent -LiteralPath $content -Destination $outside -Version Hybrid
            Remove-Item -LiteralPath (Join-Path $content 'b.bin')
            $before = Get-ChildItem -LiteralPath $work -Force -Recurse -File | ForEach-Object { '{0} {1} {2}' -f $_.FullName, $_.LastWriteTimeUtc.Ticks, (Get-FileHash -LiteralPath $_.FullName).Hash }
            $files = Get-ChildItem -LiteralPath $work -Filter '*.torrent'
            $tracker = "http://127.0.0.1:$(Get-ClosedLoopbackPort)/announce"
            $run = [ordered] @{
                'ConvertFrom-Bencode' = { $files | ConvertFrom-Bencode }
                'ConvertFrom-MagnetUri' = { $files | Get-TorrentInfo 3>$null | ConvertTo-MagnetUri | ConvertFrom-MagnetUri }
                'ConvertTo-Bencode' = { $files | ConvertFrom-Bencode | ConvertTo-Bencode }
                'ConvertTo-MagnetUri' = { $files | Get-TorrentInfo 3>$null | ConvertTo-MagnetUri }
                'Get-TorrentInfo' = { $files | Get-TorrentInfo -Strict 2>$null 3>$null }
                'Get-TorrentInfoHash' = { $files | Get-TorrentInfoHash 3>$null }
                'Invoke-TrackerAnnounce' = { Get-TorrentInfo -LiteralPath $files[0].FullName 3>$null | Invoke-TrackerAnnounce -Tracker $tracker -TimeoutSec 1 2>$null }
                'Invoke-TrackerScrape' = { Get-TorrentInfo -LiteralPath $files[0].FullName 3>$null | Invoke-TrackerScrape -Tracker $tracker -TimeoutSec 1 2>$null }
                'Get-TorrentMetadata' = { Get-TorrentInfo -LiteralPath $files[0].FullName 3>$null | Get-TorrentMetadata -Peer "127.0.0.1:$(Get-ClosedTcpPort)" -NoAnnounce -TimeoutSec 1 2>$null }
                'Test-TorrentPeer' = { Test-TorrentPeer -EndPoint "127.0.0.1:$(Get-ClosedTcpPort)" -InfoHash (Get-TestHash 1) -TimeoutSec 1 }
                'Test-Torrent' = { Get-TorrentInfo -LiteralPath $outside | Test-Torrent -ContentPath $content }
            }
            # Every exported cmdlet but the writers is run, so a new cmdlet must be added here or to the writers.
            $writers = 'Edit-Torrent', 'New-Torrent'
            (Get-Command -Module TrackerPS -CommandType Cmdlet).Name | Where-Object { $_ -notin $writers } | Sort-Object |
                Should -Be @($run.Keys | Sort-Object)
            Push-Location -LiteralPath $work
            try {
                foreach ($name in $run.Keys) {
                    $null = & $run[$name]
                }
            }
            finally {
                Pop-Location
            }

            Get-ChildItem -LiteralPath $work -Force -Recurse -File | ForEach-Object { '{0} {1} {2}' -f $_.FullName, $_.LastWriteTimeUtc.Ticks, (Get-FileHash -LiteralPath $_.FullName).Hash } |
                Should -Be $before
        }
        finally {
            Remove-Item -LiteralPath $work -Recurse -Force
            Remove-Item -LiteralPath $outside -Force -ErrorAction SilentlyContinue
        }
    }
}
