using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace TrackerPS.Core.Tests.Metainfo
{
    /// <summary>tests/data/oracle.json: what libtorrent 2.0.8 reports for each fixture (see tests/data/README.md).</summary>
    internal static class Oracle
    {
        private static readonly Lazy<Dictionary<string, OracleFixture>> s_fixtures = new Lazy<Dictionary<string, OracleFixture>>(Load);

        public static string DataDirectory => Path.Combine(AppContext.BaseDirectory, "data");

        public static IReadOnlyDictionary<string, OracleFixture> Fixtures => s_fixtures.Value;

        public static string FixturePath(string name) => Path.Combine(DataDirectory, name);

        private static Dictionary<string, OracleFixture> Load()
        {
            var options = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
            OracleFile file = JsonSerializer.Deserialize<OracleFile>(File.ReadAllText(Path.Combine(DataDirectory, "oracle.json")), options)!;
            return file.Fixtures;
        }

        private sealed class OracleFile
        {
            public Dictionary<string, OracleFixture> Fixtures { get; set; } = new Dictionary<string, OracleFixture>();
        }
    }

    internal sealed class OracleFixture
    {
        public string? InfoHashV1 { get; set; }

        public string? InfoHashV2 { get; set; }

        public string Name { get; set; } = string.Empty;

        public long TotalSizeExcludingPads { get; set; }

        public long PieceLength { get; set; }

        public long NumPieces { get; set; }

        public int NumFilesExcludingPads { get; set; }

        public List<OracleFile> Files { get; set; } = new List<OracleFile>();

        public List<OracleTracker> Trackers { get; set; } = new List<OracleTracker>();

        public List<string> WebSeeds { get; set; } = new List<string>();

        public List<string> HttpSeeds { get; set; } = new List<string>();

        public bool Priv { get; set; }

        public long? CreationDate { get; set; }

        public string? Creator { get; set; }

        public string? Comment { get; set; }

        public string Magnet { get; set; } = string.Empty;
    }

    internal sealed class OracleFile
    {
        public string Path { get; set; } = string.Empty;

        public long Size { get; set; }

        public long Offset { get; set; }

        public bool Pad { get; set; }

        public bool Executable { get; set; }

        public bool Hidden { get; set; }

        public bool Symlink { get; set; }

        public string? SymlinkPath { get; set; }
    }

    internal sealed class OracleTracker
    {
        public string Url { get; set; } = string.Empty;

        public int Tier { get; set; }
    }
}
