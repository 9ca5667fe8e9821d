namespace TrackerPS.Core.PeerWire.Metadata
{
    /// <summary>Why fetching a torrent's metadata failed.</summary>
    public enum MetadataErrorKind
    {
        /// <summary>No peer supplied the whole info dictionary (none answered, none offered ut_metadata, all were dropped).</summary>
        NotFound,

        /// <summary>Every complete info dictionary assembled failed the info-hash check.</summary>
        HashMismatch,
    }
}
