namespace TrackerPS
{
    /// <summary>Test-Torrent's result for one file of a torrent.</summary>
    public sealed class FileCheck
    {
        /// <summary>The file's path inside the torrent ('/' between elements; the torrent's name for a single-file torrent).</summary>
        public string Path { get; init; } = string.Empty;

        /// <summary>The file's full path on disk.</summary>
        public string FullPath { get; init; } = string.Empty;

        /// <summary>Complete, Incomplete, Missing or WrongSize.</summary>
        public FileCheckStatus Status { get; init; }

        /// <summary>The length the torrent gives the file, in bytes.</summary>
        public long Length { get; init; }

        /// <summary>The file's length on disk, in bytes (0 when missing).</summary>
        public long ActualLength { get; init; }

        /// <summary>The 0-based indexes of the pieces holding the file's data that do not match (v1 pieces; for v2, pieces laid out on file boundaries).</summary>
        public long[] BadPieces { get; init; } = new long[0];

        /// <summary>Bytes of the file in pieces that match.</summary>
        public long BytesVerified { get; init; }

        /// <summary>The torrent's info-hash (v1, or the truncated v2 one for a v2-only torrent).</summary>
        public string InfoHash { get; init; } = string.Empty;
    }
}
