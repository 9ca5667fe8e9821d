# Pester 5 tests for New-Torrent. libtorrent 2.0.8 (python3-libtorrent, Debian's /usr/bin/python3) makes the torrent of
# the same content (tests/libtorrent/create-torrent.py), and the info dictionaries must be byte for byte the same.

Describe 'New-Torrent' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'common.ps1')
        $LtCreate = Join-Path $PSScriptRoot 'libtorrent/create-torrent.py'
        $LtRead = Join-Path $PSScriptRoot 'libtorrent/read-torrent.py'

        function New-WorkFolder {
            [CmdletBinding(SupportsShouldProcess)]
            param()
            $folder = Join-Path ([IO.Path]::GetTempPath()) ("trackerps-new-" + [guid]::NewGuid().ToString('N'))
            if ($PSCmdlet.ShouldProcess($folder, 'Create test folder')) {
                New-Item -ItemType Directory -Path $folder | Out-Null
            }
            $folder
        }

        # A file of $Length deterministic bytes (seeded by its name), its folders created.
        function New-ContentFile {
            [CmdletBinding(SupportsShouldProcess)]
            param([string] $Path, [long] $Length)
            if ($PSCmdlet.ShouldProcess($Path, 'Create content file')) {
                $null = New-Item -ItemType Directory -Force -Path (Split-Path -Parent $Path)
                $bytes = [byte[]]::new($Length)
                [Random]::new([Math]::Abs((Split-Path -Leaf $Path).GetHashCode() % 1000) + $Length).NextBytes($bytes)
                [IO.File]::WriteAllBytes($Path, $bytes)
            }
        }

        # The tricky tree: b/ beside b-c, names differing only in case, an empty file between unaligned ones, a file of
        # exactly one 16 KiB piece, files under 16 KiB, a multi-piece file, non-ASCII names (NFC), nested folders.
        function New-TrickyTree {
            [CmdletBinding(SupportsShouldProcess)]
            param([string] $Root)
            if (-not $PSCmdlet.ShouldProcess($Root, 'Create the tricky tree')) {
                return
            }
            $ae = [string][char]0xE4
            $nihon = [string]::new([char[]](0x65E5, 0x672C))
            $test = [string]::new([char[]](0x30C6, 0x30B9, 0x30C8))
            New-ContentFile (Join-Path $Root 'b/x.bin') 20000
            New-ContentFile (Join-Path $Root 'b-c') 3000
            New-ContentFile (Join-Path $Root 'B/y') 100
            New-ContentFile (Join-Path $Root 'Case.txt') 5
            New-ContentFile (Join-Path $Root 'case.txt') 7
            New-ContentFile (Join-Path $Root 'e1.bin') 5000
            New-ContentFile (Join-Path $Root 'e2-empty') 0
            New-ContentFile (Join-Path $Root 'e3.bin') 7000
            New-ContentFile (Join-Path $Root 'exact.bin') 16384
            New-ContentFile (Join-Path $Root 'small.bin') 100
            New-ContentFile (Join-Path $Root 'multi.bin') 70000
            New-ContentFile (Join-Path $Root "$ae.bin") 300
            New-ContentFile (Join-Path $Root "$nihon/$test.txt") 50
            New-ContentFile (Join-Path $Root 'deep/a/b/c.bin') 10
        }

        function Read-WithLibtorrent([string] $Path) {
            $json = & /usr/bin/python3 $LtRead $Path
            if ($LASTEXITCODE -ne 0) {
                throw "libtorrent could not read '$Path'."
            }
            $json | ConvertFrom-Json
        }

        function Invoke-LibtorrentCreate([string] $Path, [string] $Version, [long] $PieceLength, [switch] $Private, [string] $Symlink = 'Follow') {
            $extra = @(if ($Private) { 'private' }) + @(if ($Symlink -eq 'Store') { 'symlinks' })
            $json = & /usr/bin/python3 $LtCreate $Path $Version.ToLowerInvariant() $PieceLength $extra
            if ($LASTEXITCODE -ne 0) {
                throw "libtorrent could not make a torrent of '$Path'."
            }
            $json | ConvertFrom-Json
        }

        # Makes the torrent with both tools and checks the info dictionaries, piece layers and info-hashes are the same.
        function Assert-SameAsLibtorrent([string] $Content, [string] $Version, [long] $PieceLength, [switch] $Private, [string] $Symlink = 'Follow') {
            $destination = Join-Path $work "$Version-$PieceLength.torrent"
            $ours = New-Torrent -LiteralPath $Content -Destination $destination -Version $Version -PieceLength $PieceLength -Private:$Private -Symlink $Symlink -NoCreationDate -Force
            $theirs = Invoke-LibtorrentCreate $Content $Version $PieceLength -Private:$Private -Symlink $Symlink
            $read = Read-WithLibtorrent $destination
            $read.info | Should -Be $theirs.info -Because "the $Version info dictionary of '$Content' at $PieceLength bytes per piece"
            $read.piece_layers | Should -Be $theirs.piece_layers
            $ours.InfoHashV1 | Should -Be $theirs.info_hash_v1
            $ours.InfoHashV2 | Should -Be $theirs.info_hash_v2
        }
    }

    BeforeEach {
        $work = New-WorkFolder
    }

    AfterEach {
        Remove-Item -LiteralPath $work -Recurse -Force
    }

    Context 'Command metadata' {
        It 'supports ShouldProcess and declares TrackerPS.TorrentInfo' {
            $command = Get-Command -Name New-Torrent
            $command.Parameters.Keys | Should -Contain 'WhatIf'
            $command.OutputType.Name | Should -Contain 'TrackerPS.TorrentInfo'
        }
    }

    Context 'Byte for byte libtorrent 2.0.8' {
        It 'the tricky tree, <Version> at <PieceLength> bytes per piece' -ForEach @(
            @{ Version = 'V1'; PieceLength = 16384 }
            @{ Version = 'V1'; PieceLength = 49152 }
            @{ Version = 'V1'; PieceLength = 65536 }
            @{ Version = 'V2'; PieceLength = 16384 }
            @{ Version = 'V2'; PieceLength = 65536 }
            @{ Version = 'Hybrid'; PieceLength = 16384 }
            @{ Version = 'Hybrid'; PieceLength = 32768 }
            @{ Version = 'Hybrid'; PieceLength = 65536 }
        ) {
            $content = Join-Path $work 'tricky'
            New-TrickyTree $content
            Assert-SameAsLibtorrent $content $Version $PieceLength
        }

        It 'a single-file torrent, <Version>, private' -ForEach @(
            @{ Version = 'V1' }, @{ Version = 'V2' }, @{ Version = 'Hybrid' }
        ) {
            $file = Join-Path $work 'single.bin'
            New-ContentFile $file 40000
            Assert-SameAsLibtorrent $file $Version 16384 -Private
        }

        It 'a single file under one block, <Version>' -ForEach @(
            @{ Version = 'V1' }, @{ Version = 'V2' }, @{ Version = 'Hybrid' }
        ) {
            $file = Join-Path $work 'tiny.bin'
            New-ContentFile $file 100
            Assert-SameAsLibtorrent $file $Version 32768
        }

        It 'a folder of one file, <Version>' -ForEach @(
            @{ Version = 'V1' }, @{ Version = 'V2' }, @{ Version = 'Hybrid' }
        ) {
            $content = Join-Path $work 'one'
            New-ContentFile (Join-Path $content 'only.bin') 20000
            Assert-SameAsLibtorrent $content $Version 16384
        }

        It 'a sparse file over 4 GiB beside a small one, hybrid (v1 and v2 at once) at 16 MiB pieces' {
            $content = Join-Path $work 'large'
            New-ContentFile (Join-Path $content 'tail.bin') 1000
            $stream = [IO.File]::Create((Join-Path $content 'big.bin'))
            $stream.SetLength(4GB + 12345)
            $stream.Dispose()
            Assert-SameAsLibtorrent $content 'Hybrid' 16MB
        }
    }

    Context 'BEP 47 symlinks and the executable attribute' {
        BeforeEach {
            # Links at the torrent's root, where libtorrent's targets (written relative to the link) are also from the root.
            $links = Join-Path $work 'links'
            New-ContentFile (Join-Path $links 'a.bin') 40000
            New-ContentFile (Join-Path $links 'sub/run.sh') 5000
            New-ContentFile (Join-Path $links 'sub/x.bin') 20000
            [IO.File]::SetUnixFileMode((Join-Path $links 'sub/run.sh'), [IO.UnixFileMode] 'UserRead, UserWrite, UserExecute, GroupRead, GroupExecute, OtherRead, OtherExecute')
            $null = New-Item -ItemType SymbolicLink -Path (Join-Path $links 'link-a') -Target 'a.bin'
            $null = New-Item -ItemType SymbolicLink -Path (Join-Path $links 'dirlink') -Target 'sub'
        }

        It '-Symlink Store writes libtorrent 2.0.8''s symlink entries, <Version>' -ForEach @(
            @{ Version = 'V1' }, @{ Version = 'V2' }, @{ Version = 'Hybrid' }
        ) {
            Assert-SameAsLibtorrent $links $Version 16384 -Symlink Store
            $t = Get-TorrentInfo -LiteralPath (Join-Path $work "$Version-16384.torrent")
            $link = $t.Files | Where-Object Path -eq 'dirlink'
            $link.IsSymlink | Should -BeTrue
            $link.SymlinkPath | Should -Be 'sub'
            ($t.Files | Where-Object Path -eq 'link-a').SymlinkPath | Should -Be 'a.bin'
        }

        It 'follows links by default (a folder link is its files), and an executable file gets attr x as in libtorrent, <Version>' -ForEach @(
            @{ Version = 'V1' }, @{ Version = 'V2' }, @{ Version = 'Hybrid' }
        ) {
            Remove-Item -LiteralPath (Join-Path $links 'link-a'), (Join-Path $links 'dirlink')
            Assert-SameAsLibtorrent $links $Version 16384
            $null = New-Item -ItemType SymbolicLink -Path (Join-Path $links 'dirlink') -Target 'sub'
            $t = New-Torrent -LiteralPath $links -Destination (Join-Path $work 'follow.torrent') -Version $Version -Force
            $t.Files.Path | Should -Be @('a.bin', 'dirlink/run.sh', 'dirlink/x.bin', 'sub/run.sh', 'sub/x.bin')
            ($t.Files | Where-Object IsSymlink) | Should -BeNullOrEmpty
            $info = (ConvertFrom-Bencode -LiteralPath (Join-Path $work 'follow.torrent')).info
            if ($Version -eq 'V1') {
                $info.files | Where-Object { $_.attr -eq 'x' } | ForEach-Object { $_.path -join '/' } | Should -Be @('dirlink/run.sh', 'sub/run.sh')
            }
            else {
                $info.'file tree'.sub.'run.sh'.''.attr | Should -Be 'x'
                $info.'file tree'.sub.'x.bin'.''.PSObject.Properties.Name | Should -Not -Contain 'attr'
            }
        }

        It 'a stored link pointing outside the content is TorrentCreateFailed naming the link, and nothing is written' {
            $outside = Join-Path $links 'sub/out'
            $null = New-Item -ItemType SymbolicLink -Path $outside -Target '../../elsewhere'
            $target = Join-Path $work 'out.torrent'
            $null = New-Torrent -LiteralPath $links -Destination $target -Symlink Store -ErrorVariable errors 2>$null
            Get-ErrorId $errors[0] | Should -Be 'TorrentCreateFailed'
            $errors[0].Exception.Message | Should -BeLike "*'$outside'*not inside the content*"
            $target | Should -Not -Exist
            $null = New-Torrent -LiteralPath $links -Destination $target -Symlink Store -Exclude 'out'
            $target | Should -Exist
        }

        It 'a followed link to a folder holding it is TorrentCreateFailed (a loop), and nothing is written' {
            Remove-Item -LiteralPath (Join-Path $links 'dirlink')
            $null = New-Item -ItemType Directory -Path (Join-Path $links 'sub/deeper')
            $loop = Join-Path $links 'sub/deeper/loop'
            $null = New-Item -ItemType SymbolicLink -Path $loop -Target '..'
            $target = Join-Path $work 'loop.torrent'
            $null = New-Torrent -LiteralPath $links -Destination $target -ErrorVariable errors 2>$null
            Get-ErrorId $errors[0] | Should -Be 'TorrentCreateFailed'
            $errors[0].Exception.Message | Should -BeLike "*'$loop'*never end*"
            $target | Should -Not -Exist
            $stored = (New-Torrent -LiteralPath $links -Destination $target -Symlink Store).Files | Where-Object Path -eq 'sub/deeper/loop'
            $stored.SymlinkPath | Should -Be 'sub'
        }

        It 'Test-Torrent passes the stored links of a clean copy and flags a retargeted one' {
            $torrent = Join-Path $work 'store.torrent'
            $null = New-Torrent -LiteralPath $links -Destination $torrent -Version Hybrid -Symlink Store
            $results = Test-Torrent -LiteralPath $torrent -ContentPath $links
            $results.Status | Sort-Object -Unique | Should -Be 'Complete'
            Remove-Item -LiteralPath (Join-Path $links 'link-a')
            $null = New-Item -ItemType SymbolicLink -Path (Join-Path $links 'link-a') -Target 'sub/x.bin'
            (Test-Torrent -LiteralPath $torrent -ContentPath $links | Where-Object Path -eq 'link-a').Status | Should -Be 'Incomplete'
        }
    }

    Context 'Fields and options' {
        It 'writes trackers as BEP 12 tiers, web seeds, comment, source, creator and date; never private 0' {
            $content = Join-Path $work 'c'
            New-ContentFile (Join-Path $content 'a.bin') 1000
            $date = [DateTimeOffset]::FromUnixTimeSeconds(1700000000)
            $t = New-Torrent -LiteralPath $content -Destination (Join-Path $work 'x.torrent') -Tracker ('udp://a.example:6969/announce', 'udp://b.example:6969/announce'), 'http://c.example/announce' -WebSeed 'http://ws.example/files/' -Comment 'hello' -Source 'SRC' -CreatedBy 'me' -CreationDate $date
            $t.TrackerTiers.Count | Should -Be 2
            @($t.TrackerTiers[0]).Count | Should -Be 2
            $t.Tracker[0].OriginalString | Should -Be 'udp://a.example:6969/announce'
            $t.WebSeeds[0].OriginalString | Should -Be 'http://ws.example/files/'
            $t.Comment | Should -Be 'hello'
            $t.Source | Should -Be 'SRC'
            $t.CreatedBy | Should -Be 'me'
            $t.CreationDate | Should -Be $date
            $t.IsPrivate | Should -BeFalse
            [Text.Encoding]::ASCII.GetString([IO.File]::ReadAllBytes((Join-Path $work 'x.torrent'))) | Should -Not -Match '7:private'
            $lt = Read-WithLibtorrent (Join-Path $work 'x.torrent')
            $lt.trackers.Count | Should -Be 3
            ($lt.trackers | Where-Object url -eq 'http://c.example/announce').tier | Should -Be 1
        }

        It '-Tracker takes one tier per element: <Case>' -ForEach @(
            @{ Case = "('a','b'),'c'"; Value = { ('udp://a.example:1/announce', 'udp://b.example:1/announce'), 'udp://c.example:1/announce' }; Tiers = @('a b', 'c') }
            @{ Case = "a,b (two tiers of one)"; Value = { 'udp://a.example:1/announce', 'udp://b.example:1/announce' }; Tiers = @('a', 'b') }
            @{ Case = 'one URI'; Value = { 'udp://a.example:1/announce' }; Tiers = @('a') }
            @{ Case = 'a [Uri[][]]'; Value = { [Uri[][]] @(, [Uri[]] @('udp://a.example:1/announce', 'udp://b.example:1/announce')) + @(, [Uri[]] @('udp://c.example:1/announce')) }; Tiers = @('a b', 'c') }
        ) {
            $content = Join-Path $work 'c'
            New-ContentFile (Join-Path $content 'a.bin') 1000
            $tracker = & $Value
            $null = New-Torrent -LiteralPath $content -Destination (Join-Path $work 't.torrent') -Tracker $tracker
            # What libtorrent reads: one group of hosts per BEP 12 tier, tiers in order. libtorrent
            # shuffles the trackers within a tier as it loads (BEP 12), so its hosts are compared sorted;
            # the order we wrote within a tier is checked with our own reader.
            $lt = Read-WithLibtorrent (Join-Path $work 't.torrent')
            $groups = $lt.trackers | Group-Object tier | Sort-Object { [int] $_.Name } | ForEach-Object { ($_.Group.url | ForEach-Object { ([Uri] $_).Host.Split('.')[0] } | Sort-Object) -join ' ' }
            $groups | Should -Be $Tiers
            $written = (Get-TorrentInfo -LiteralPath (Join-Path $work 't.torrent')).TrackerTiers | ForEach-Object { (@($_) | ForEach-Object { $_.Host.Split('.')[0] }) -join ' ' }
            $written | Should -Be $Tiers
        }

        It '-Tracker cannot be given twice: PowerShell refuses it (ParameterAlreadyBound), so tiers are written as one array' {
            $content = Join-Path $work 'c'
            New-ContentFile (Join-Path $content 'a.bin') 1000
            $call = { New-Torrent -LiteralPath $content -Destination (Join-Path $work 't.torrent') -Tracker 'udp://a.example:1/announce', 'udp://b.example:1/announce' -Tracker 'udp://c.example:1/announce' }
            $call | Should -Throw -ErrorId 'ParameterAlreadyBound,TrackerPS.Commands.NewTorrentCommand'
            Join-Path $work 't.torrent' | Should -Not -Exist
        }

        It 'defaults: V1, created by TrackerPS/<version>, a creation date, the automatic piece length' {
            $content = Join-Path $work 'c'
            New-ContentFile (Join-Path $content 'a.bin') 1000
            $t = New-Torrent $content (Join-Path $work 'x.torrent')
            $t.Version | Should -Be 'V1'
            $t.CreatedBy | Should -Match '^TrackerPS/\d+\.\d+\.\d+$'
            $t.CreationDate | Should -Not -BeNullOrEmpty
            $t.PieceLength | Should -Be 16384
        }

        It 'picks the same piece length for every version: <Size> bytes -> <Expected>' -ForEach @(
            @{ Size = 40MB; Expected = 32KB }
            @{ Size = 100MB; Expected = 64KB }
        ) {
            $content = Join-Path $work 'p'
            $null = New-Item -ItemType Directory -Path $content
            $stream = [IO.File]::Create((Join-Path $content 'sparse.bin'))
            $stream.SetLength($Size)
            $stream.Dispose()
            foreach ($version in 'V1', 'Hybrid') {
                (New-Torrent -LiteralPath $content -Destination (Join-Path $work "$version.torrent") -Version $version).PieceLength | Should -Be $Expected
            }
        }

        It 'leaves hidden files out unless -IncludeHidden, and applies -Include and -Exclude' {
            $content = Join-Path $work 'h'
            New-ContentFile (Join-Path $content 'a.bin') 10
            New-ContentFile (Join-Path $content 'b.txt') 10
            New-ContentFile (Join-Path $content '.hidden') 10
            New-ContentFile (Join-Path $content '.git/config') 10
            (New-Torrent $content (Join-Path $work '1.torrent')).Files.Path | Should -Be @('a.bin', 'b.txt')
            (New-Torrent $content (Join-Path $work '2.torrent') -IncludeHidden).Files.Path | Should -Be @('.git/config', '.hidden', 'a.bin', 'b.txt')
            (New-Torrent $content (Join-Path $work '3.torrent') -Include '*.bin').Files.Path | Should -Be @('a.bin')
            (New-Torrent $content (Join-Path $work '4.torrent') -Exclude '*.bin').Files.Path | Should -Be @('b.txt')
        }

        It 'warns when a name is not in Unicode normalization form C' {
            $content = Join-Path $work 'n'
            New-ContentFile (Join-Path $content ("a" + [char]0x0308 + ".bin")) 10
            $null = New-Torrent $content (Join-Path $work 'n.torrent') -WarningVariable warnings 3>$null
            $warnings | Should -HaveCount 1
            "$warnings" | Should -Match 'NFC'
        }

        It '-WhatIf hashes and writes nothing' {
            $content = Join-Path $work 'w'
            New-ContentFile (Join-Path $content 'a.bin') 10
            $null = New-Torrent $content (Join-Path $work 'w.torrent') -WhatIf
            Join-Path $work 'w.torrent' | Should -Not -Exist
        }
    }

    Context 'Progress' {
        It 'New-Torrent and Test-Torrent show bytes hashed, rate and time left over a long hash, and end with Completed' {
            # 4 GiB of zeros (sparse, so no disk): several seconds of hashing, past the one-second delay before a bar.
            $content = Join-Path $work 'progress.bin'
            $stream = [IO.File]::Create($content)
            $stream.SetLength(4GB)
            $stream.Dispose()
            $torrent = Join-Path $work 'progress.torrent'
            $created = Invoke-Captured 'New-Torrent' @{ LiteralPath = $content; Destination = $torrent; PieceLength = 4MB }
            $created.Error | Should -BeNullOrEmpty
            $checked = Invoke-Captured 'Test-Torrent' @{ LiteralPath = $torrent; ContentPath = $content; Summary = $true }
            $checked.Output[0].IsComplete | Should -BeTrue
            foreach ($case in @{ Name = 'New-Torrent'; Run = $created }, @{ Name = 'Test-Torrent'; Run = $checked }) {
                $records = @($case.Run.Progress)
                $bars = @($records | Where-Object RecordType -eq 'Processing')
                $bars.Count | Should -BeGreaterThan 0 -Because "$($case.Name) hashes for more than a second"
                foreach ($bar in $bars) {
                    $bar.Activity | Should -BeLike "$($case.Name) *progress.*"
                    $bar.StatusDescription | Should -Match '^Hashed [\d.,]+ (B|KiB|MiB|GiB) of 4[.,]0 GiB \([\d.,]+ (B|KiB|MiB|GiB)/s\)$'
                    $bar.PercentComplete | Should -BeIn (0..100)
                    $bar.SecondsRemaining | Should -BeGreaterOrEqual 0
                }
                $percents = @($bars.PercentComplete)
                $percents | Should -Be @($percents | Sort-Object)
                $records[-1].RecordType | Should -Be 'Completed'
                $records[-1].ActivityId | Should -Be $bars[0].ActivityId
            }
        }
    }

    Context 'Bad input' {
        It 'an empty folder is TorrentCreateFailed naming it, and nothing is written' {
            $content = Join-Path $work 'empty'
            $null = New-Item -ItemType Directory -Path $content
            $out = New-Torrent $content (Join-Path $work 'e.torrent') -ErrorVariable errors 2>$null
            $out | Should -BeNullOrEmpty
            Get-ErrorId $errors[0] | Should -Be 'TorrentCreateFailed'
            $errors[0].TargetObject | Should -Be $content
            $errors[0].Exception.Message | Should -BeLike "*$content*"
            Get-ChildItem -LiteralPath $work -Force | Should -HaveCount 1
        }

        It 'a folder of only empty files is TorrentCreateFailed' {
            $content = Join-Path $work 'zero'
            New-ContentFile (Join-Path $content 'a') 0
            $null = New-Torrent $content (Join-Path $work 'z.torrent') -ErrorVariable errors 2>$null
            Get-ErrorId $errors[0] | Should -Be 'TorrentCreateFailed'
            Join-Path $work 'z.torrent' | Should -Not -Exist
        }

        It 'a destination inside the content is DestinationInsideContent' {
            $content = Join-Path $work 'in'
            New-ContentFile (Join-Path $content 'a.bin') 10
            $null = New-Torrent $content (Join-Path $content 'self.torrent') -ErrorVariable errors 2>$null
            Get-ErrorId $errors[0] | Should -Be 'DestinationInsideContent'
            Get-ChildItem -LiteralPath $content -Force | Should -HaveCount 1
        }

        It 'an existing destination is kept without -Force and replaced with it' {
            $content = Join-Path $work 'f'
            New-ContentFile (Join-Path $content 'a.bin') 10
            $target = Join-Path $work 'f.torrent'
            Set-Content -LiteralPath $target -Value 'old'
            $null = New-Torrent $content $target -ErrorVariable errors 2>$null
            Get-ErrorId $errors[0] | Should -Be 'DestinationExists'
            Get-Content -LiteralPath $target | Should -Be 'old'
            (New-Torrent $content $target -Force).Name | Should -Be 'f'
        }

        It 'a piece length that is not a power of two is refused for <Version>' -ForEach @(@{ Version = 'V2' }, @{ Version = 'Hybrid' }) {
            $content = Join-Path $work 'pl'
            New-ContentFile (Join-Path $content 'a.bin') 10
            $null = New-Torrent $content (Join-Path $work 'pl.torrent') -Version $Version -PieceLength 49152 -ErrorVariable errors 2>$null
            Get-ErrorId $errors[0] | Should -Be 'TorrentCreateFailed'
            Join-Path $work 'pl.torrent' | Should -Not -Exist
        }

        It 'an unwritable destination folder is FileWriteFailed and leaves no temporary file' {
            $content = Join-Path $work 'u'
            New-ContentFile (Join-Path $content 'a.bin') 10
            $null = New-Torrent $content (Join-Path $work 'missing/u.torrent') -ErrorVariable errors 2>$null
            Get-ErrorId $errors[0] | Should -Be 'FileWriteFailed'
            Get-ChildItem -LiteralPath $work -Force -Recurse -Filter '.trackerps-*' | Should -BeNullOrEmpty
        }

        It 'Ctrl+C stops hashing within 200 ms and leaves no file behind' {
            $content = Join-Path $work 'stop'
            $null = New-Item -ItemType Directory -Path $content
            $stream = [IO.File]::Create((Join-Path $content 'big.bin'))
            $stream.SetLength(64GB)
            $stream.Dispose()
            $target = Join-Path $work 'stop.torrent'
            $shell = [powershell]::Create()
            try {
                $null = $shell.AddCommand('Import-Module').AddParameter('Name', $ModuleManifest).AddStatement()
                $null = $shell.AddCommand('New-Torrent').AddParameter('LiteralPath', $content).AddParameter('Destination', $target).AddParameter('Version', 'Hybrid')
                $run = $shell.BeginInvoke()
                Start-Sleep -Milliseconds 1500
                $run.IsCompleted | Should -BeFalse
                $clock = [Diagnostics.Stopwatch]::StartNew()
                $shell.Stop()
                $completed = $run.AsyncWaitHandle.WaitOne(5000)
                $clock.Stop()
                $completed | Should -BeTrue
            }
            finally {
                # Disposing while a batch statement still runs crashes the host (the runspace closes under it).
                if ($run) { $null = $run.AsyncWaitHandle.WaitOne(10000) }
                $shell.Dispose()
            }

            $clock.ElapsedMilliseconds | Should -BeLessOrEqual 200
            $target | Should -Not -Exist
            Get-ChildItem -LiteralPath $work -Force -Filter '.trackerps-*' | Should -BeNullOrEmpty
        }

        It 'a missing path is FileNotFound' {
            $null = New-Torrent (Join-Path $work 'nothing') (Join-Path $work 'n.torrent') -ErrorVariable errors 2>$null
            Get-ErrorId $errors[0] | Should -Be 'FileNotFound'
        }
    }
}
