# The pieces both cmdlet benchmarks (Invoke-CmdletBenchmark.ps1, Invoke-TrackerBenchmark.ps1) share: a long-lived
# worker process spoken to one case per line (a case name in, one JSON line out), and the statistics they print.

function Open-BenchmarkWorker([string] $FileName, [string[]] $Arguments, [string] $WorkingDirectory) {
    $info = [Diagnostics.ProcessStartInfo]::new($FileName)
    foreach ($argument in $Arguments) {
        $info.ArgumentList.Add($argument)
    }
    $info.WorkingDirectory = $WorkingDirectory
    $info.RedirectStandardInput = $true
    $info.RedirectStandardOutput = $true
    $info.UseShellExecute = $false
    [Diagnostics.Process]::Start($info)
}

function Invoke-Case($Worker, [string] $Case) {
    $Worker.StandardInput.WriteLine($Case)
    $Worker.StandardInput.Flush()
    $line = $Worker.StandardOutput.ReadLine()
    if ($null -eq $line) {
        throw "The worker for '$Case' exited."
    }
    $result = $line | ConvertFrom-Json
    if ($result.PSObject.Properties['error']) {
        throw "Case '$Case': $($result.error)"
    }
    $result
}

# The warm-up both scripts run before any round is measured: each case on a pwsh worker (-PwshTools) -Rounds times,
# since .NET's tiered compilation goes on replacing code over many runs, each case on any other worker once, and none
# of a tool without a worker (wrk). A case shared by two comparisons runs once a round. Returns the first run of each
# case (the cold one), keyed "tool/case".
function Invoke-WarmUp([hashtable] $Workers, [object[]] $Comparisons, [int] $Rounds, [string[]] $PwshTools) {
    $firstRuns = @{}
    for ($round = 1; $round -le $Rounds; $round++) {
        Write-Information "== warm-up round $round of $Rounds" -InformationAction Continue
        $ran = @{}
        foreach ($comparison in $Comparisons) {
            foreach ($side in @(@{ Tool = 'TrackerPS'; Case = $comparison.Ours }, @{ Tool = $comparison.Tool; Case = $comparison.Reference })) {
                $key = "$($side.Tool)/$($side.Case)"
                if (-not $Workers.Contains($side.Tool) -or $ran[$key] -or ($round -gt 1 -and $side.Tool -notin $PwshTools)) { continue }
                $ran[$key] = $true
                $result = Invoke-Case $Workers[$side.Tool] $side.Case
                if ($round -eq 1) { $firstRuns[$key] = $result }
            }
        }
    }
    $firstRuns
}

function Get-Median([double[]] $Values) {
    $sorted = $Values | Sort-Object
    $middle = [int][Math]::Floor($sorted.Count / 2)
    if ($sorted.Count % 2) { $sorted[$middle] } else { ($sorted[$middle - 1] + $sorted[$middle]) / 2 }
}

# The median of a field of a case's samples, or $null when its worker does not report it (allocated, collections and
# pause come from the cmdlet worker only; cpu from the tracker worker and bep15-worker.py, not from wrk).
function Get-FieldMedian([object[]] $Samples, [string] $Field) {
    if ($Samples[0].PSObject.Properties[$Field]) { Get-Median ([double[]]($Samples | ForEach-Object $Field)) }
}

function Format-Duration([double] $Seconds) {
    if ($Seconds -ge 1) { '{0:N2} s' -f $Seconds } else { '{0:N1} ms' -f ($Seconds * 1000) }
}

# The announce URL Invoke-TrackerAnnounce sends by default for one info-hash (HttpAnnounceUri's fields and order):
# what wrk and the HttpClient floor (HttpClientFloor.cs) request.
function Get-AnnounceUrl([string] $Tracker, [string] $InfoHash) {
    $escaped = -join ([Convert]::FromHexString($InfoHash) | ForEach-Object { '%{0:X2}' -f $_ })
    "$($Tracker)?info_hash=$escaped&peer_id=-TP0000-benchmark000&port=6881&uploaded=0&downloaded=0&left=0&compact=1&key=0000002A"
}
