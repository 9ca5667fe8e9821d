namespace TrackerPS
{
    /// <summary>What Test-Torrent found of one file.</summary>
    public enum FileCheckStatus
    {
        /// <summary>The file has the torrent's length and every piece it is in matches.</summary>
        Complete,

        /// <summary>The file has the torrent's length but some of its pieces do not match.</summary>
        Incomplete,

        /// <summary>The file is not there (or cannot be opened).</summary>
        Missing,

        /// <summary>The file is shorter or longer than the torrent says; a longer file is never complete.</summary>
        WrongSize,
    }
}
