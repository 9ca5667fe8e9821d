using System;
using System.IO;
using System.Linq;

namespace TrackerPS.Benchmarks.Metainfo
{
    /// <summary>
    /// The inputs written by make-inputs.py, read into memory before measuring so that only parsing is timed.
    /// The directory comes from the <c>TRACKERPS_BENCH_DATA</c> environment variable (run.sh sets it).
    /// </summary>
    internal static class BenchmarkInputs
    {
        public const string DataDirectoryVariable = "TRACKERPS_BENCH_DATA";

        /// <summary>Number of small torrents make-inputs.py writes.</summary>
        public const int SmallTorrentCount = 2000;

        public static string DataDirectory
        {
            get
            {
                string? directory = Environment.GetEnvironmentVariable(DataDirectoryVariable);
                if (string.IsNullOrEmpty(directory) || !Directory.Exists(directory))
                {
                    throw new InvalidOperationException(
                        $"Set {DataDirectoryVariable} to a directory written by tests/TrackerPS.Benchmarks/make-inputs.py (run.sh does both).");
                }

                return directory;
            }
        }

        public static byte[][] ReadSmallTorrents()
        {
            string[] paths = Directory.GetFiles(Path.Combine(DataDirectory, "small"), "*.torrent")
                .OrderBy(p => p, StringComparer.Ordinal)
                .ToArray();
            if (paths.Length != SmallTorrentCount)
            {
                throw new InvalidOperationException($"expected {SmallTorrentCount} small torrents, found {paths.Length}");
            }

            return paths.Select(File.ReadAllBytes).ToArray();
        }

        public static byte[] Read(string name) => File.ReadAllBytes(Path.Combine(DataDirectory, name));
    }
}
