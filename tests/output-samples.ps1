# Sample objects of every output type, for the view, export and job tests. Dot-source it after common.ps1.
# Peer, AnnounceResponse and ScrapeResult are constructed (their properties are public), so the tests need no tracker;
# tests/Export.Tests.ps1 also exports the objects a real opentracker returns when TRACKERPS_OPENTRACKER_UDP is set.

$SampleTracker = 'udp://127.0.0.1:6969/announce'
$SampleHash = 'a9b2d6dba31feb8b59ebaf98d70d550dcf09f49d'
$SampleMagnet = "magnet:?xt=urn:btih:$SampleHash&dn=hybrid&xl=40606" +
    '&tr=http%3A%2F%2F127.0.0.1%3A6969%2Fannounce&tr=udp://b.example:6969/announce' +
    '&ws=http%3A%2F%2Fseed.example%2Ff%2F&x.pe=10.0.0.1:6881&x.pe=[::1]:6882&kt=a+b'

function Get-SamplePeer([string] $Address, [int] $Port, [string] $Family) {
    [TrackerPS.Peer] @{
        IPAddress     = ([ipaddress] $Address).ToString()
        Port          = $Port
        AddressFamily = $Family
        InfoHash      = $SampleHash
        Tracker       = [uri] $SampleTracker
        Source        = if ($Family -eq 'InterNetworkV6') { 'Peers6' } else { 'Compact' }
    }
}

# Returns a hashtable: output type name (without the TrackerPS. prefix) => one object of that type.
function Get-SampleOutput {
    $peers = @(
        Get-SamplePeer -Address '1.2.3.4' -Port 6881 -Family 'InterNetwork'
        Get-SamplePeer -Address '2001:db8::7' -Port 51413 -Family 'InterNetworkV6'
    )
    $torrent = Get-TorrentInfo -LiteralPath (Get-FixturePath 'v1-multi.torrent')
    @{
        TorrentInfo      = $torrent
        TorrentFile      = $torrent.Files[0]
        TorrentInfoHash  = Get-TorrentInfoHash -LiteralPath (Get-FixturePath 'hybrid.torrent')
        MagnetLink       = ConvertFrom-MagnetUri -Uri $SampleMagnet
        Peer             = $peers[1]
        AnnounceResponse = [TrackerPS.AnnounceResponse] @{
            Tracker           = [uri] $SampleTracker
            InfoHash          = $SampleHash
            Interval          = [timespan]::FromMinutes(30)
            Seeders           = 3
            Leechers          = 1
            ExternalIPAddress = '203.0.113.5'
            Peers             = [TrackerPS.Peer[]] $peers
            Warnings          = [string[]] @('first, with a comma', 'second')
        }
        ScrapeResult     = [TrackerPS.ScrapeResult] @{
            Tracker    = [uri] $SampleTracker
            InfoHash   = $SampleHash
            Seeders    = 3
            Leechers   = 1
            Downloaded = 7
            Name       = 'hybrid'
        }
    }
}
