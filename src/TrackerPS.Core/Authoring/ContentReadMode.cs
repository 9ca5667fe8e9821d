namespace TrackerPS.Core.Authoring
{
    /// <summary>How <see cref="ContentReader"/> treats files that do not match the layout.</summary>
    public enum ContentReadMode
    {
        /// <summary>New-Torrent: a file that is missing, unreadable or changes size while hashed is an error.</summary>
        Create,

        /// <summary>Test-Torrent: a missing or short file reads as zeros, and what was found is recorded for the report.</summary>
        Verify,
    }
}
