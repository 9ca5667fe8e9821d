using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace TrackerPS.Core.Tests.Integration
{
    /// <summary>
    /// The real opentracker for integration tests. When <c>TRACKERPS_OPENTRACKER_HTTP</c> and
    /// <c>TRACKERPS_OPENTRACKER_UDP</c> are set (see tests/opentracker/start.sh), uses that tracker; else, when
    /// /usr/bin/opentracker exists, starts one on a free loopback port in a temp dir and stops it on dispose; else the
    /// <see cref="OpenTrackerFactAttribute"/> tests are skipped with <see cref="UnavailableReason"/>.
    /// Debian's build serves only the info-hashes in tests/opentracker/whitelist (see <see cref="OpenTrackerHashes"/>),
    /// is IPv4-only, answers compact only, and lists the announcing peer itself among the peers.
    /// </summary>
    public sealed class OpenTrackerFixture : IAsyncLifetime
    {
        public const string HttpVariable = "TRACKERPS_OPENTRACKER_HTTP";
        public const string UdpVariable = "TRACKERPS_OPENTRACKER_UDP";
        public const string BinaryPath = "/usr/bin/opentracker";

        private static readonly TimeSpan s_startTimeout = TimeSpan.FromSeconds(10);
        private readonly Process? _process;
        private readonly string? _directory;

        public OpenTrackerFixture()
        {
            string? http = Environment.GetEnvironmentVariable(HttpVariable);
            string? udp = Environment.GetEnvironmentVariable(UdpVariable);
            if (!string.IsNullOrEmpty(http) && !string.IsNullOrEmpty(udp))
            {
                HttpAnnounce = new Uri(http);
                UdpAnnounce = new Uri(udp);
                return;
            }

            if (UnavailableReason is not null || OperatingSystem.IsWindows())
            {
                return;
            }

            _directory = Path.Combine(Path.GetTempPath(), "trackerps-opentracker-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(_directory);

            // opentracker drops privileges to "nobody" and chroots into its directory (when run as root): the
            // directory and whitelist must be world-readable, and the whitelist named relative to the directory.
            File.SetUnixFileMode(_directory, (UnixFileMode)0b111_101_101);
            File.Copy(Path.Combine(AppContext.BaseDirectory, "opentracker", "whitelist"), Path.Combine(_directory, "whitelist"));
            File.SetUnixFileMode(Path.Combine(_directory, "whitelist"), (UnixFileMode)0b110_100_100);
            int port = FreePort();
            var startInfo = new ProcessStartInfo(BinaryPath)
            {
                WorkingDirectory = _directory,
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (string argument in new[] { "-i", "127.0.0.1", "-p", $"{port}", "-P", $"{port}", "-d", ".", "-w", "whitelist" })
            {
                startInfo.ArgumentList.Add(argument);
            }

            _process = Process.Start(startInfo)!;
            _process.OutputDataReceived += (_, _) => { };
            _process.ErrorDataReceived += (_, _) => { };
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
            HttpAnnounce = new Uri($"http://127.0.0.1:{port}/announce");
            UdpAnnounce = new Uri($"udp://127.0.0.1:{port}/announce");
        }

        /// <summary>Why the integration tests cannot run here, or null when they can.</summary>
        public static string? UnavailableReason =>
            !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(HttpVariable)) && !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(UdpVariable))
                ? null
                : File.Exists(BinaryPath)
                    ? null
                    : $"opentracker is not available: set {HttpVariable} and {UdpVariable} (tests/opentracker/start.sh prints them) or install {BinaryPath} (Debian package opentracker).";

        public Uri HttpAnnounce { get; } = null!;

        public Uri UdpAnnounce { get; } = null!;

        /// <summary>True in CI (<c>CI=true</c>), where a missing opentracker fails the tests instead of skipping them.</summary>
        public static bool IsRequired => Environment.GetEnvironmentVariable("CI") == "true";

        public Task InitializeAsync()
        {
            if (UnavailableReason is not null && IsRequired)
            {
                // In CI the tests were not skipped (OpenTrackerFactAttribute): fail them with the reason.
                throw new InvalidOperationException(UnavailableReason);
            }

            return _process is null ? Task.CompletedTask : WaitUntilReadyAsync();
        }

        public Task DisposeAsync()
        {
            if (_process is not null)
            {
                _process.Kill();
                _process.WaitForExit();
                _process.Dispose();
            }

            if (_directory is not null)
            {
                Directory.Delete(_directory, recursive: true);
            }

            return Task.CompletedTask;
        }

        // A port free for both TCP and UDP on 127.0.0.1 (opentracker serves both on it).
        private static int FreePort()
        {
            while (true)
            {
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                int port = ((IPEndPoint)listener.LocalEndpoint).Port;
                try
                {
                    using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                    udp.Bind(new IPEndPoint(IPAddress.Loopback, port));
                    return port;
                }
                catch (SocketException)
                {
                    // Taken for UDP: try another.
                }
                finally
                {
                    listener.Stop();
                }
            }
        }

        // Ready when an HTTP announce with event=stopped (adds no peer) of a whitelisted hash gets no failure:
        // the listener is up and the whitelist is loaded.
        private async Task WaitUntilReadyAsync()
        {
            string escaped = string.Concat(OpenTrackerHashes.Test(0).ToArray().Select(b => "%" + b.ToString("X2")));
            var probe = new Uri(HttpAnnounce, $"?info_hash={escaped}&peer_id=-TPSREADY-0000000000&port=1&uploaded=0&downloaded=0&left=0&compact=1&event=stopped");
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(1) };
            var clock = Stopwatch.StartNew();
            string last = "no answer";
            while (clock.Elapsed < s_startTimeout)
            {
                if (_process!.HasExited)
                {
                    throw new InvalidOperationException($"opentracker exited with code {_process.ExitCode} at start.");
                }

                try
                {
                    last = await http.GetStringAsync(probe);
                    if (!last.Contains("failure reason", StringComparison.Ordinal))
                    {
                        return;
                    }
                }
                catch (HttpRequestException e)
                {
                    last = e.Message;
                }

                await Task.Delay(100);
            }

            throw new InvalidOperationException($"opentracker did not become ready on {HttpAnnounce} within {s_startTimeout}: {last}");
        }
    }
}
