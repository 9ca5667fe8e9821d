namespace TrackerPS.Core.Authoring
{
    /// <summary>What <see cref="ContentReader"/> found of one file in <see cref="ContentReadMode.Verify"/> mode.</summary>
    public sealed class FileReadState
    {
        /// <summary>True when the file was there and could be opened.</summary>
        public bool Exists { get; internal set; }

        /// <summary>The file's length on disk, or 0 when missing.</summary>
        public long ActualLength { get; internal set; }

        /// <summary>Why the file could not be opened or read, if it exists but could not be.</summary>
        public string? Error { get; internal set; }
    }
}
