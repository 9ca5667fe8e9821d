#Requires -Version 7.0
# Pester 5 tests for issue 10: one hostile item never stops the others. The regression inputs are in tests/data/regression.
# The tracker test reads TRACKERPS_OPENTRACKER_HTTP / TRACKERPS_OPENTRACKER_UDP (a real opentracker on loopback) and adds two
# in-process fake HTTP trackers for what a real one will not send: a dictionary peer whose ip is '::1/64', and HTML.

BeforeAll {
    . "$PSScriptRoot/common.ps1"

    if (-not ('TrackerPSTests.FixedReplyHttpTracker' -as [type])) {
        Add-Type -TypeDefinition @'
namespace TrackerPSTests
{
    using System;
    using System.Net;
    using System.Net.Sockets;
    using System.Text;
    using System.Threading.Tasks;

    /// <summary>An HTTP server on 127.0.0.1 that answers every request with the same 200 body, then closes.</summary>
    public sealed class FixedReplyHttpTracker : IDisposable
    {
        private readonly TcpListener _listener = new TcpListener(IPAddress.Loopback, 0);
        private readonly byte[] _reply;

        public FixedReplyHttpTracker(byte[] body)
        {
            byte[] head = Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + body.Length + "\r\nConnection: close\r\n\r\n");
            _reply = new byte[head.Length + body.Length];
            head.CopyTo(_reply, 0);
            body.CopyTo(_reply, head.Length);
            _listener.Start();
            Url = new Uri("http://127.0.0.1:" + ((IPEndPoint)_listener.LocalEndpoint).Port + "/announce");
            Task.Run(AcceptLoop);
        }

        public Uri Url { get; }

        public void Dispose() => _listener.Stop();

        private async Task AcceptLoop()
        {
            while (true)
            {
                TcpClient client;
                try
                {
                    client = await _listener.AcceptTcpClientAsync();
                }
                catch (Exception)
                {
                    return;
                }

                _ = Task.Run(() => Answer(client));
            }
        }

        private async Task Answer(TcpClient client)
        {
            using (client)
            {
                NetworkStream stream = client.GetStream();
                var buffer = new byte[8192];
                var head = new StringBuilder();
                while (head.ToString().IndexOf("\r\n\r\n", StringComparison.Ordinal) < 0)
                {
                    int read = await stream.ReadAsync(buffer, 0, buffer.Length);
                    if (read == 0)
                    {
                        return;
                    }

                    head.Append(Encoding.ASCII.GetString(buffer, 0, read));
                }

                await stream.WriteAsync(_reply, 0, _reply.Length);
            }
        }
    }
}
'@
    }
}

Describe 'Hostile input: one bad torrent file' {
    It 'Get-TorrentInfo bad.torrent, good.torrent gives TorrentParseFailed for bad and the object for good' {
        # encoding 'utf-7' once made Encoding.GetEncoding throw NotSupportedException: a terminating error before good.torrent.
        $bad = Join-Path $TestDrive 'bad.torrent'
        Copy-Item -LiteralPath (Get-FixturePath 'regression/utf7-encoding.torrent') -Destination $bad
        $good = Get-FixturePath 'v1-single.torrent'

        $torrents = @(Get-TorrentInfo $bad, $good -ErrorAction SilentlyContinue -ErrorVariable failures)

        $torrents | Should -HaveCount 1
        $torrents[0].Path | Should -Be $good
        $failures | Should -HaveCount 1
        Get-ErrorId $failures[0] | Should -Be 'TorrentParseFailed'
        $failures[0].CategoryInfo.Category | Should -Be 'InvalidData'
        $failures[0].TargetObject | Should -Be $bad
        $failures[0].Exception.Message | Should -BeLike "*'info.name' is missing*"
    }

    It 'reads a valid torrent whose encoding is UTF-7, warning that names are decoded as UTF-8' {
        $torrent = Get-TorrentInfo (Get-FixturePath 'regression/utf7-encoding-valid.torrent') -WarningAction SilentlyContinue -WarningVariable warnings

        $torrent.Name | Should -BeExactly 'a.bin'
        $warnings.Message | Should -BeLike "*'encoding' 'UTF-7' is not available; names are decoded as UTF-8*"
    }
}

Describe 'Hostile input: warnings are capped' {
    It 'a torrent of 150 non-canonical integers has 100 warnings and a line counting the other 50' {
        $path = Join-Path $TestDrive 'flood.torrent'
        $info = 'd6:lengthi1e4:name1:a12:piece lengthi16384e6:pieces20:' + ('0' * 20) + 'e'
        [System.IO.File]::WriteAllText($path, "d4:info$($info)7:x-floodl$('i01e' * 150)ee")

        $torrent = Get-TorrentInfo $path -WarningAction SilentlyContinue -WarningVariable warnings

        $torrent.Warnings | Should -HaveCount 101
        $torrent.Warnings[-1] | Should -BeExactly '50 more warning(s) were dropped (only the first 100 are kept)'
        $warnings | Should -HaveCount 101
    }

    It 'a magnet link of 150 unusable parameters has 100 warnings and a line counting the other 50' {
        $link = 'magnet:?xt=urn:btih:' + ('0' * 40) + ('&xl=x' * 150)

        $magnet = ConvertFrom-MagnetUri $link -WarningAction SilentlyContinue

        $magnet.Warnings | Should -HaveCount 101
        $magnet.Warnings[-1] | Should -BeExactly '50 more warning(s) were dropped (only the first 100 are kept)'
    }
}

Describe 'Hostile input: one hostile tracker among good ones' {
    BeforeAll {
        $script:PrefixPeer = [TrackerPSTests.FixedReplyHttpTracker]::new([System.IO.File]::ReadAllBytes((Get-FixturePath 'regression/peer-ipv6-prefix.bencode')))
        $script:Html = [TrackerPSTests.FixedReplyHttpTracker]::new([System.Text.Encoding]::ASCII.GetBytes('<html>not a tracker</html>'))
    }

    AfterAll {
        $PrefixPeer.Dispose()
        $Html.Dispose()
    }

    It 'gives the good responses, the hostile peer skipped with a warning, and one TrackerProtocolViolation' -Skip:(-not ($env:TRACKERPS_OPENTRACKER_HTTP -and $env:TRACKERPS_OPENTRACKER_UDP)) {
        # The '::1/64' peer once threw a FormatException out of Invoke-TrackerAnnounce, ending the announce to every tracker.
        $trackers = [uri[]] @($env:TRACKERPS_OPENTRACKER_HTTP, $env:TRACKERPS_OPENTRACKER_UDP, $PrefixPeer.Url, $Html.Url)

        $responses = @(Invoke-TrackerAnnounce -InfoHash (Get-TestHash 0) -Tracker $trackers -Port 51201 -Event Stopped -AsResponse -Force `
                -ErrorAction SilentlyContinue -ErrorVariable failures -WarningAction SilentlyContinue -WarningVariable warnings)

        ($responses.Tracker | Sort-Object) | Should -Be ($trackers[0..2] | Sort-Object)
        $fromPrefixPeer = $responses | Where-Object Tracker -EQ $PrefixPeer.Url
        $fromPrefixPeer.Peers.EndPoint | Should -Be '127.0.0.1:6882'
        ($warnings.Message -join "`n") | Should -BeLike "*'peers' entry 0 has 'ip' '::1/64', which is not an IP address; ignored*"
        $failures | Should -HaveCount 1
        Get-ErrorId $failures[0] | Should -Be 'TrackerProtocolViolation'
        $failures[0].TargetObject | Should -Be $Html.Url
    }
}
