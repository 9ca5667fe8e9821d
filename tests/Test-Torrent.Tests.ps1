# Pester 5 tests for Test-Torrent: clean content passes for every version, and each planted fault (a flipped byte, a
# truncated file, an extended file, a missing file, a wrong pad) is found in the right file and piece.

Describe 'Test-Torrent' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'common.ps1')
        $PlantPadFault = Join-Path $PSScriptRoot 'libtorrent/plant-pad-fault.py'
        $PieceLength = 16384

        function New-ContentFile {
            [CmdletBinding(SupportsShouldProcess)]
            param([string] $Path, [long] $Length)
            if ($PSCmdlet.ShouldProcess($Path, 'Create content file')) {
                $null = New-Item -ItemType Directory -Force -Path (Split-Path -Parent $Path)
                $bytes = [byte[]]::new($Length)
                [Random]::new([int]$Length).NextBytes($bytes)
                [IO.File]::WriteAllBytes($Path, $bytes)
            }
        }

        function Get-FolderState([string] $Folder) {
            Get-ChildItem -LiteralPath $Folder -Force -Recurse -File |
                ForEach-Object { '{0} {1} {2}' -f $_.FullName, $_.LastWriteTimeUtc.Ticks, (Get-FileHash -LiteralPath $_.FullName).Hash }
        }

        # The piece holding byte $At of file $Path in a torrent (offsets as Get-TorrentInfo lays them out).
        function Get-PieceIndex($Torrent, [string] $Path, [long] $At) {
            $file = $Torrent.Files | Where-Object Path -eq $Path
            [long][Math]::Floor(($file.Offset + $At) / $Torrent.PieceLength)
        }

        $root = Join-Path ([IO.Path]::GetTempPath()) ("trackerps-test-" + [guid]::NewGuid().ToString('N'))
        $data = Join-Path $root 'data'
        New-ContentFile (Join-Path $data 'a.bin') 100000
        New-ContentFile (Join-Path $data 'c.bin') 7000
        New-ContentFile (Join-Path $data 'd.bin') 3000
        New-ContentFile (Join-Path $data 'e-empty') 0
        New-ContentFile (Join-Path $data 'sub/b.bin') 50000
        $torrents = @{}
        foreach ($version in 'V1', 'V2', 'Hybrid') {
            $torrents[$version] = New-Torrent -LiteralPath $data -Destination (Join-Path $root "$version.torrent") -Version $version -PieceLength $PieceLength
        }
    }

    AfterAll {
        Remove-Item -LiteralPath $root -Recurse -Force
    }

    It 'finds every file Complete in clean content, <Version>' -ForEach @(@{ Version = 'V1' }, @{ Version = 'V2' }, @{ Version = 'Hybrid' }) {
        $results = Get-TorrentInfo -LiteralPath (Join-Path $root "$Version.torrent") | Test-Torrent -ContentPath $data
        $results.Path | Should -Be @('a.bin', 'c.bin', 'd.bin', 'e-empty', 'sub/b.bin')
        $results.Status | Sort-Object -Unique | Should -Be 'Complete'
        ($results | Measure-Object BytesVerified -Sum).Sum | Should -Be 160000
        $summary = Test-Torrent -LiteralPath (Join-Path $root "$Version.torrent") -ContentPath $data -Summary
        $summary.IsComplete | Should -BeTrue
        $summary.FileCount | Should -Be 5
        $summary.BytesVerified | Should -Be 160000
    }

    It 'checks an empty file after the last byte too: Complete when there, Missing when not, <Version>' -ForEach @(@{ Version = 'V1' }, @{ Version = 'V2' }, @{ Version = 'Hybrid' }) {
        $folder = Join-Path $root "trailing-$Version"
        New-ContentFile (Join-Path $folder 'a.bin') 20000
        New-ContentFile (Join-Path $folder 'z-empty') 0
        $torrent = New-Torrent -LiteralPath $folder -Destination (Join-Path $root "trailing-$Version.torrent") -Version $Version -PieceLength $PieceLength
        $torrent.Files[-1].Path | Should -Be 'z-empty'

        ($torrent | Test-Torrent -ContentPath $folder).Status | Should -Be @('Complete', 'Complete')
        Remove-Item -LiteralPath (Join-Path $folder 'z-empty')
        ($torrent | Test-Torrent -ContentPath $folder).Status | Should -Be @('Complete', 'Missing')
    }

    Context 'Planted faults' {
        BeforeAll {
            $bad = Join-Path $root 'bad'
            Copy-Item -LiteralPath $data -Destination $bad -Recurse
            $bytes = [IO.File]::ReadAllBytes((Join-Path $bad 'a.bin'))
            $bytes[40000] = $bytes[40000] -bxor 0x01
            [IO.File]::WriteAllBytes((Join-Path $bad 'a.bin'), $bytes)
            $stream = [IO.File]::Open((Join-Path $bad 'sub/b.bin'), 'Open')
            $stream.SetLength(30000)
            $stream.Dispose()
            [IO.File]::AppendAllText((Join-Path $bad 'c.bin'), 'junk')
            Remove-Item -LiteralPath (Join-Path $bad 'd.bin')
        }

        It 'finds each fault in the right file and piece, <Version>' -ForEach @(@{ Version = 'V1' }, @{ Version = 'V2' }, @{ Version = 'Hybrid' }) {
            $torrent = Get-TorrentInfo -LiteralPath (Join-Path $root "$Version.torrent")
            $before = Get-FolderState $bad
            $results = $torrent | Test-Torrent -ContentPath $bad
            $byPath = @{}
            $results | ForEach-Object { $byPath[$_.Path] = $_ }

            $byPath['a.bin'].Status | Should -Be 'Incomplete'
            if ($Version -eq 'V1') {
                # v1 pieces span files: a.bin's last piece also holds c.bin and the missing d.bin, so it is bad too.
                $last = Get-PieceIndex $torrent 'a.bin' 99999
                $byPath['a.bin'].BadPieces | Should -Be @((Get-PieceIndex $torrent 'a.bin' 40000), $last)
                $byPath['a.bin'].BytesVerified | Should -Be (100000 - $PieceLength - (100000 - $last * $PieceLength))
            }
            else {
                $byPath['a.bin'].BadPieces | Should -Be @(Get-PieceIndex $torrent 'a.bin' 40000)
                $byPath['a.bin'].BytesVerified | Should -Be (100000 - $PieceLength)
            }

            $byPath['sub/b.bin'].Status | Should -Be 'WrongSize'
            $byPath['sub/b.bin'].ActualLength | Should -Be 30000
            $truncated = @((Get-PieceIndex $torrent 'sub/b.bin' 30000)..(Get-PieceIndex $torrent 'sub/b.bin' 49999))
            if ($Version -eq 'V1') {
                # Its first piece is shared with the missing d.bin.
                $truncated = @(Get-PieceIndex $torrent 'sub/b.bin' 0) + $truncated
            }
            $byPath['sub/b.bin'].BadPieces | Should -Be $truncated

            # An extended file whose first Length bytes match is still never Complete.
            $byPath['c.bin'].Status | Should -Be 'WrongSize'
            $byPath['c.bin'].ActualLength | Should -Be 7004
            if ($Version -eq 'V1') {
                $byPath['c.bin'].BadPieces | Should -Be @(Get-PieceIndex $torrent 'c.bin' 0)
            }
            else {
                $byPath['c.bin'].BadPieces | Should -BeNullOrEmpty
                $byPath['c.bin'].BytesVerified | Should -Be 7000
            }

            $byPath['d.bin'].Status | Should -Be 'Missing'
            $byPath['d.bin'].BytesVerified | Should -Be 0
            $byPath['e-empty'].Status | Should -Be 'Complete'

            # Read only: nothing changed, nothing created (the missing file stays missing).
            Get-FolderState $bad | Should -Be $before
            Join-Path $bad 'd.bin' | Should -Not -Exist
        }

        It 'a single-file torrent takes the file itself as -ContentPath' {
            $file = Join-Path $root 'single.bin'
            New-ContentFile $file 40000
            $null = New-Torrent -LiteralPath $file -Destination (Join-Path $root 'single.torrent') -Version V2 -PieceLength $PieceLength
            (Test-Torrent -LiteralPath (Join-Path $root 'single.torrent') -ContentPath $file).Status | Should -Be 'Complete'
            $bytes = [IO.File]::ReadAllBytes($file)
            $bytes[39999] = $bytes[39999] -bxor 0x80
            [IO.File]::WriteAllBytes($file, $bytes)
            $result = Test-Torrent -LiteralPath (Join-Path $root 'single.torrent') -ContentPath $file
            $result.Path | Should -Be 'single.bin'
            $result.Status | Should -Be 'Incomplete'
            $result.BadPieces | Should -Be @(2)
        }

        It 'a wrong pad (v1 hashed junk where the pad has zeros) is a v1/v2 disagreement in that file and piece' {
            $planted = Join-Path $root 'wrong-pad.torrent'
            $piece = [long](& /usr/bin/python3 $PlantPadFault (Join-Path $root 'Hybrid.torrent') $data 'c.bin' $planted)
            $LASTEXITCODE | Should -Be 0
            $results = Test-Torrent -LiteralPath $planted -ContentPath $data -ErrorVariable errors 2>$null
            $c = $results | Where-Object Path -eq 'c.bin'
            $c.Status | Should -Be 'Incomplete'
            $c.BadPieces | Should -Be @($piece)
            ($results | Where-Object Path -ne 'c.bin').Status | Sort-Object -Unique | Should -Be 'Complete'
            Get-ErrorId $errors[0] | Should -Be 'HashVersionsDisagree'
            $errors[0].Exception.Message | Should -BeLike "*$piece*"
            (Test-Torrent -LiteralPath $planted -ContentPath $data -Summary 2>$null).DisagreeingPieces | Should -Be @($piece)
        }
    }

    Context 'Bad input' {
        It 'a torrent that cannot be read is TorrentParseFailed and the next one is still checked' {
            $broken = Join-Path $root 'broken.torrent'
            Set-Content -LiteralPath $broken -Value 'not bencode'
            $results = Test-Torrent -LiteralPath $broken, (Join-Path $root 'V1.torrent') -ContentPath $data -ErrorVariable errors 2>$null
            Get-ErrorId $errors[0] | Should -Be 'TorrentParseFailed'
            $errors[0].TargetObject | Should -Be $broken
            $results | Should -HaveCount 5
        }

        It 'a content folder that does not exist makes every file Missing' {
            $results = Test-Torrent -LiteralPath (Join-Path $root 'Hybrid.torrent') -ContentPath (Join-Path $root 'nowhere')
            $results.Status | Sort-Object -Unique | Should -Be 'Missing'
            Join-Path $root 'nowhere' | Should -Not -Exist
        }
    }
}
