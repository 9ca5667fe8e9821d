using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace TrackerPS.Core.Tests.Integration
{
    /// <summary>
    /// Real libtorrent seeds on loopback for the peer-wire tests (tests/libtorrent/seed.py). When
    /// <c>TRACKERPS_LIBTORRENT_SEEDS</c> is set (tests/libtorrent/start.sh prints it), uses those seeds; else, when
    /// Debian's python3-libtorrent is installed, runs start.sh and kills the seeds on dispose; else the
    /// <see cref="LibtorrentFactAttribute"/> tests are skipped with <see cref="UnavailableReason"/> (failed in CI).
    /// </summary>
    public sealed class LibtorrentFixture : IAsyncLifetime
    {
        public const string SeedsVariable = "TRACKERPS_LIBTORRENT_SEEDS";
        public const string ModulePath = "/usr/lib/python3/dist-packages";

        private int? _pid;
        private string? _directory;

        public IReadOnlyDictionary<string, LibtorrentSeed> Seeds { get; private set; } = new Dictionary<string, LibtorrentSeed>();

        /// <summary>Why the tests cannot run here, or null when they can.</summary>
        public static string? UnavailableReason =>
            !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(SeedsVariable))
                || (File.Exists("/usr/bin/python3") && Directory.Exists(ModulePath) && Directory.EnumerateFiles(ModulePath, "libtorrent*.so").Any())
                ? null
                : $"libtorrent is not available: set {SeedsVariable} (tests/libtorrent/start.sh prints it) or install python3-libtorrent (Debian).";

        public LibtorrentSeed this[string name] => Seeds[name];

        public async Task InitializeAsync()
        {
            if (UnavailableReason is not null)
            {
                if (OpenTrackerFixture.IsRequired)
                {
                    throw new InvalidOperationException(UnavailableReason);
                }

                return;
            }

            string? path = Environment.GetEnvironmentVariable(SeedsVariable);
            if (string.IsNullOrEmpty(path))
            {
                path = await StartAsync();
            }

            LibtorrentSeed[] seeds = JsonSerializer.Deserialize<LibtorrentSeed[]>(await File.ReadAllTextAsync(path), new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower })!;
            Seeds = seeds.ToDictionary(s => s.Name);
        }

        public Task DisposeAsync()
        {
            if (_pid is int pid)
            {
                using Process process = Process.GetProcessById(pid);
                process.Kill();
                process.WaitForExit();
                Directory.Delete(_directory!, recursive: true);
            }

            return Task.CompletedTask;
        }

        private async Task<string> StartAsync()
        {
            var startInfo = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            startInfo.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "libtorrent", "start.sh"));
            using Process start = Process.Start(startInfo)!;
            string output = await start.StandardOutput.ReadToEndAsync();
            string error = await start.StandardError.ReadToEndAsync();
            await start.WaitForExitAsync();
            if (start.ExitCode != 0)
            {
                throw new InvalidOperationException($"tests/libtorrent/start.sh failed: {error}");
            }

            var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
            _pid = int.Parse(lines["TRACKERPS_LIBTORRENT_PID"], System.Globalization.CultureInfo.InvariantCulture);
            _directory = Path.GetDirectoryName(lines[SeedsVariable]);
            return lines[SeedsVariable];
        }
    }

    /// <summary>One torrent seeded by tests/libtorrent/seed.py.</summary>
    public sealed record LibtorrentSeed(string Name, int Port, string Torrent, string? InfoHashV1, string? InfoHashV2, string InfoHash, long MetadataSize);

    /// <summary>Tests in this collection share one <see cref="LibtorrentFixture"/>.</summary>
    [CollectionDefinition(Name)]
    public sealed class LibtorrentCollection : ICollectionFixture<LibtorrentFixture>
    {
        public const string Name = "libtorrent";
    }

    /// <summary>A fact that needs real libtorrent seeds: skipped, saying why, when they are unavailable, except in CI (where the fixture fails it).</summary>
    public sealed class LibtorrentFactAttribute : FactAttribute
    {
        public LibtorrentFactAttribute()
        {
            string? reason = LibtorrentFixture.UnavailableReason;
            if (reason is not null && !OpenTrackerFixture.IsRequired)
            {
                Skip = reason;
            }
        }
    }
}
