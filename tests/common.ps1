# Shared setup for the Pester 5 suite. Dot-source it from a BeforeAll block:
#     BeforeAll { . (Join-Path $PSScriptRoot 'common.ps1') }
# It imports the module laid out by `dotnet build -c Release` (output/TrackerPS) and loads the oracle values
# ($Oracle, $OracleCases from oracle.ps1).

$ModuleManifest = Join-Path $PSScriptRoot '../output/TrackerPS/TrackerPS.psd1'
if (-not (Test-Path -LiteralPath $ModuleManifest)) {
    throw "The module is not built: '$ModuleManifest' is missing. Run 'dotnet build -c Release' first."
}

Import-Module -Name $ModuleManifest -Force -ErrorAction Stop

$DataDir = Join-Path $PSScriptRoot 'data'
. (Join-Path $PSScriptRoot 'oracle.ps1')

function Get-FixturePath {
    param([Parameter(Mandatory)] [string] $Name)
    Join-Path $DataDir $Name
}

function Get-ExpectedInfoHash {
    # The hash trackers know a torrent by: the v1 SHA-1, or for a v2-only torrent the SHA-256 truncated to 20 bytes (BEP 52).
    param([Parameter(Mandatory)] $Expected)
    if ($null -ne $Expected.info_hash_v1) {
        $Expected.info_hash_v1
    }
    else {
        $Expected.info_hash_v2.Substring(0, 40)
    }
}

# Helpers of the tracker cmdlets' tests.

# A loopback port nothing listens on: bind an ephemeral port, note it, release it.
function Get-ClosedLoopbackPort {
    $probe = [System.Net.Sockets.UdpClient]::new([System.Net.IPEndPoint]::new([System.Net.IPAddress]::Loopback, 0))
    try {
        $probe.Client.LocalEndPoint.Port
    }
    finally {
        $probe.Dispose()
    }
}

# A loopback TCP port nothing listens on: listen on an ephemeral port, note it, stop.
function Get-ClosedTcpPort {
    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $listener.Start()
    try {
        $listener.LocalEndpoint.Port
    }
    finally {
        $listener.Stop()
    }
}

# A minimal v1 single-file torrent (sorted keys, one zero piece hash) announcing to $Announce; trackerless when $Announce
# is '', private (BEP 27) with -Private.
function New-TestTorrent {
    [CmdletBinding(SupportsShouldProcess)]
    param([string] $Path, [string] $Announce, [string] $Name = 'a.bin', [switch] $Private)

    $ascii = [System.Text.Encoding]::ASCII
    $privateEntry = if ($Private) { '7:privatei1e' } else { '' }
    $bytes = [System.Collections.Generic.List[byte]]::new()
    $announceEntry = if ($Announce) { "8:announce$($Announce.Length):$($Announce)" } else { '' }
    $bytes.AddRange($ascii.GetBytes("d$($announceEntry)4:infod6:lengthi1e4:name$($Name.Length):$($Name)12:piece lengthi16384e6:pieces20:"))
    $bytes.AddRange([byte[]]::new(20))
    $bytes.AddRange($ascii.GetBytes("$($privateEntry)ee"))
    if ($PSCmdlet.ShouldProcess($Path, 'Write test torrent')) {
        [System.IO.File]::WriteAllBytes($Path, $bytes.ToArray())
    }
}

function Get-ErrorId([System.Management.Automation.ErrorRecord] $ErrorRecord) {
    ($ErrorRecord.FullyQualifiedErrorId -split ',')[0]
}

function Get-TestHash([int] $N) {
    -join ([System.Security.Cryptography.SHA1]::HashData([System.Text.Encoding]::ASCII.GetBytes("trackerps-test-$N")) |
        ForEach-Object { $_.ToString('x2') })
}

# What a client sees from a silent or closed UDP port: nothing (timeout), or an ICMP port-unreachable surfaced
# as a socket error.
$UnansweredIds = @('TrackerTimeout', 'TrackerConnectionFailed')

# Runs $Command with $Parameters in a fresh PowerShell with the module loaded and returns the output and every stream,
# progress included (a pipeline in this session cannot capture progress records).
function Invoke-Captured([string] $Command, [hashtable] $Parameters) {
    $shell = [powershell]::Create()
    try {
        $null = $shell.AddCommand('Import-Module').AddParameter('Name', $ModuleManifest).AddStatement()
        $null = $shell.AddCommand($Command).AddParameters($Parameters)
        $output = $shell.Invoke()
        [pscustomobject] @{
            Output = $output
            Error = @($shell.Streams.Error)
            Verbose = @($shell.Streams.Verbose)
            Warning = @($shell.Streams.Warning)
            Progress = @($shell.Streams.Progress)
        }
    }
    finally {
        $shell.Dispose()
    }
}

# Every text a user can see in captured streams: error messages (inner exceptions too), verbose, warning and progress text.
function Get-StreamText($Streams) {
    foreach ($record in $Streams.Error) {
        for ($e = $record.Exception; $null -ne $e; $e = $e.InnerException) {
            $e.Message
        }
        $record.ErrorDetails.Message
        $record.ToString()
    }
    $Streams.Verbose.Message
    $Streams.Warning.Message
    foreach ($record in $Streams.Progress) {
        $record.Activity
        $record.StatusDescription
        $record.CurrentOperation
    }
}

# A passkey as private trackers put it in the path (32 hex) and in the query (base64url).
$PathPasskey = 'a1b2c3d4e5f60718293a4b5c6d7e8f90'
$QueryPasskey = 'Zm9vYmFy-YmF6_cXV4LTEy'

# Runs $ScriptBlock with verbose output on; returns its verbose messages and the ErrorIds of the errors it wrote, in order.
function Invoke-Verbosely([scriptblock] $ScriptBlock) {
    $VerbosePreference = 'Continue'
    $records = @(& $ScriptBlock 2>&1 4>&1)
    [pscustomobject] @{
        Verbose = @($records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)
        ErrorIds = @($records | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] } | ForEach-Object { Get-ErrorId $_ })
    }
}

# Checks a TrackerRefusedByPolicy error: SecurityError, the tracker as target, the rule in the exception and its message.
function Assert-PolicyRefusal([System.Management.Automation.ErrorRecord] $ErrorRecord, [uri] $Tracker, [string] $Rule) {
    Get-ErrorId $ErrorRecord | Should -Be 'TrackerRefusedByPolicy'
    $ErrorRecord.CategoryInfo.Category | Should -Be 'SecurityError'
    $ErrorRecord.TargetObject | Should -Be $Tracker
    $ErrorRecord.Exception.PolicyRule | Should -Be $Rule
    $ErrorRecord.Exception.Message | Should -BeLike "*(rule $Rule)*"
}
