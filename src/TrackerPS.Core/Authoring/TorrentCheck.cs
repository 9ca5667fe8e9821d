namespace TrackerPS
{
    /// <summary>Test-Torrent's summary of one torrent.</summary>
    public sealed class TorrentCheck
    {
        /// <summary>The torrent's name.</summary>
        public string Name { get; init; } = string.Empty;

        /// <summary>The torrent's info-hash.</summary>
        public string InfoHash { get; init; } = string.Empty;

        /// <summary>The content checked: the folder (multi-file) or the file (single-file).</summary>
        public string ContentPath { get; init; } = string.Empty;

        /// <summary>True when every file is Complete.</summary>
        public bool IsComplete { get; init; }

        /// <summary>Number of files (pad files not counted).</summary>
        public int FileCount { get; init; }

        /// <summary>Number of Complete files.</summary>
        public int CompleteFiles { get; init; }

        /// <summary>The bad pieces, over all files.</summary>
        public long[] BadPieces { get; init; } = new long[0];

        /// <summary>Pieces where a hybrid's v1 and v2 hashes disagree (one matches, the other not); empty otherwise.</summary>
        public long[] DisagreeingPieces { get; init; } = new long[0];

        /// <summary>Bytes in pieces that match, pad files not counted.</summary>
        public long BytesVerified { get; init; }

        /// <summary>The torrent's total size, pad files not counted.</summary>
        public long TotalSize { get; init; }
    }
}
