namespace TrackerPS
{
    /// <summary>Which metainfo format a torrent uses, detected from the keys present in its info dictionary.</summary>
    public enum TorrentVersion
    {
        /// <summary>BEP 3: <c>pieces</c> with <c>length</c> or <c>files</c>; identified by a SHA-1 info-hash.</summary>
        V1,

        /// <summary>BEP 52: <c>file tree</c> and <c>meta version</c> 2; identified by a SHA-256 info-hash.</summary>
        V2,

        /// <summary>BEP 52 §upgrade path: both the v1 and the v2 keys, describing the same files.</summary>
        Hybrid,
    }
}
