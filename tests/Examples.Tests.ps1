#Requires -Version 7.0
# Runs the documented examples that use the fixtures of tests/data, so that a wrong example fails a test:
# - README.md: every ```powershell block that mentions tests/data, run as one script from the repository root;
# - the MAML help (module/en-US/TrackerPS.dll-Help.xml): every <dev:code> example that names a .torrent file of
#   tests/data, run in tests/data. In an example written as a session (lines starting "PS> "), those lines are the
#   commands and the other lines the output shown, which must match what the commands write.
# Each example must write something and no error. Examples that call Invoke-TrackerAnnounce or Invoke-TrackerScrape
# are skipped unless every tracker URI they name is on loopback (127.0.0.1, [::1], localhost): the others need the
# network, and so do the trackers of the fixtures themselves.

BeforeDiscovery {
    $root = Split-Path -Parent $PSScriptRoot
    $fixtures = Get-ChildItem -LiteralPath (Join-Path $PSScriptRoot 'data') -Filter *.torrent | ForEach-Object Name

    function Test-NeedsNetwork([string] $Code) {
        # Comments may name the tracker cmdlets without calling them.
        $Code = ($Code -split '\r?\n' | Where-Object { $_ -notmatch '^\s*#' }) -join "`n"
        if ($Code -notmatch 'Invoke-Tracker(Announce|Scrape)') {
            return $false
        }
        $uris = [regex]::Matches($Code, '(?i)\b(?:udp|https?)(?:://|%3A%2F%2F)([^/:%\s''"&]+|\[[^\]]+\])') | ForEach-Object { $_.Groups[1].Value }
        # Piping a fixture's TorrentInfo announces to the fixture's own trackers (a.example, ...).
        ($Code -match '\.torrent') -or -not $uris -or ($uris | Where-Object { $_ -notin '127.0.0.1', '[::1]', 'localhost' })
    }

    $readme = Get-Content -Raw -LiteralPath (Join-Path $root 'README.md')
    $ReadmeExamples = foreach ($fence in [regex]::Matches($readme, '(?ms)^```powershell\r?\n(.*?)^```')) {
        $code = $fence.Groups[1].Value
        if ($code -match 'tests/data') {
            $first = ($code -split '\r?\n' | Where-Object { $_.Trim() -and $_ -notmatch '^\s*#' } | Select-Object -First 1).Trim()
            @{ Name = $first; Code = $code; Skip = (Test-NeedsNetwork $code) }
        }
    }

    [xml] $help = Get-Content -Raw -LiteralPath (Join-Path $root 'module/en-US/TrackerPS.dll-Help.xml')
    $namespaces = @{ dev = 'http://schemas.microsoft.com/maml/dev/2004/10'; command = 'http://schemas.microsoft.com/maml/dev/command/2004/10' }
    $HelpExamples = foreach ($node in (Select-Xml -Xml $help -XPath '//command:command' -Namespace $namespaces)) {
        $cmdlet = $node.Node.details.name
        foreach ($example in (Select-Xml -Xml $node.Node -XPath './/dev:code' -Namespace $namespaces)) {
            $text = $example.Node.InnerText
            $named = [regex]::Matches($text, '[\w.-]+\.torrent') | ForEach-Object Value | Where-Object { $_ -in $fixtures }
            if (-not $named) {
                continue
            }
            $lines = $text -split '\r?\n'
            $isSession = [bool]($lines | Where-Object { $_ -match '^PS> ' })
            $code = if ($isSession) { ($lines | Where-Object { $_ -match '^PS> ' } | ForEach-Object { $_.Substring(4) }) -join "`n" } else { $text }
            $shown = if ($isSession) { @($lines | Where-Object { $_ -notmatch '^PS> ' -and $_.Trim() } | ForEach-Object { $_.TrimEnd() }) } else { @() }
            @{ Name = "$cmdlet`: $(($code -split "`n")[0])"; Code = $code; Shown = $shown; Skip = (Test-NeedsNetwork $code) }
        }
    }
}

BeforeAll {
    . "$PSScriptRoot/common.ps1"

    $script:Root = Split-Path -Parent $PSScriptRoot

    # Runs an example in a child scope of this one (so it sees the imported module) and returns what it writes;
    # errors come back in the output, warnings are dropped.
    function Invoke-Example([string] $Code, [string] $Location) {
        Push-Location -LiteralPath $Location
        try {
            & ([scriptblock]::Create($Code)) 2>&1 3>$null
        }
        finally {
            Pop-Location
        }
    }
}

Describe 'README example: <Name>' -ForEach $ReadmeExamples {
    It 'runs from the repository root, writes output and no error' -Skip:$Skip {
        $output = @(Invoke-Example -Code $Code -Location $Root)

        $output | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] } | ForEach-Object { "$_" } | Should -BeNullOrEmpty
        $output | Should -Not -BeNullOrEmpty
    }
}

Describe 'Help example: <Name>' -ForEach $HelpExamples {
    It 'runs in tests/data, writes output and no error' -Skip:$Skip {
        $output = @(Invoke-Example -Code $Code -Location $DataDir)

        $output | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] } | ForEach-Object { "$_" } | Should -BeNullOrEmpty
        $output | Should -Not -BeNullOrEmpty
        if ($Shown) {
            $written = @(($output | Out-String -Width 200) -split '\r?\n' | Where-Object { $_.Trim() } | ForEach-Object { $_.TrimEnd() })
            $written | Should -Be $Shown
        }
    }
}
