namespace TrackerPS
{
    /// <summary>
    /// The error ids the cmdlets write; each is the first part of an error's <c>FullyQualifiedErrorId</c>
    /// (<c>FileNotFound,TrackerPS.Commands.GetTorrentInfoCommand</c>). They are part of the module's contract.
    /// </summary>
    internal static class ErrorIds
    {
        /// <summary>A path, or a wildcard, that names no existing file (ObjectNotFound).</summary>
        internal const string FileNotFound = "FileNotFound";

        /// <summary>A path that is a directory or is not on the FileSystem provider (InvalidArgument).</summary>
        internal const string PathNotFileSystem = "PathNotFileSystem";

        /// <summary>A file that exists but cannot be read (ReadError, or PermissionDenied).</summary>
        internal const string FileReadFailed = "FileReadFailed";

        /// <summary>A file that is not valid bencode or not valid metainfo (InvalidData).</summary>
        internal const string TorrentParseFailed = "TorrentParseFailed";

        /// <summary>A tracker cmdlet's input with no tracker to ask: a trackerless torrent, a magnet link without <c>tr</c> (InvalidArgument).</summary>
        internal const string NoTracker = "NoTracker";

        /// <summary>A scraped info-hash the tracker's reply left out: it does not track that torrent (ObjectNotFound).</summary>
        internal const string InfoHashNotListed = "InfoHashNotListed";

        /// <summary>An edit that does not fit a torrent, such as a tier past its last one (InvalidArgument).</summary>
        internal const string TorrentEditFailed = "TorrentEditFailed";

        /// <summary>A file that cannot be written: a missing or read-only folder, a full disk (WriteError, PermissionDenied or ObjectNotFound). The original is untouched.</summary>
        internal const string FileWriteFailed = "FileWriteFailed";

        /// <summary>A second input edited to the same <c>-Destination</c> file, which would overwrite the first (InvalidArgument).</summary>
        internal const string DestinationConflict = "DestinationConflict";

        /// <summary>Bytes that are not valid bencode or break a limit (InvalidData).</summary>
        internal const string BencodeParseFailed = "BencodeParseFailed";

        /// <summary>A value bencode cannot hold: null, a Boolean, a floating-point number, an object of another type (InvalidArgument).</summary>
        internal const string BencodeUnsupportedValue = "BencodeUnsupportedValue";

        /// <summary>A peer address that is not <c>host:port</c>, <c>ipv4:port</c> or <c>[ipv6]:port</c> (InvalidArgument).</summary>
        internal const string InvalidPeerEndPoint = "InvalidPeerEndPoint";

        /// <summary>No peer supplied a torrent's metadata: none answered, offered ut_metadata, or stayed (ObjectNotFound).</summary>
        internal const string MetadataNotFound = "MetadataNotFound";

        /// <summary>The metadata assembled from peers did not match the info-hash (InvalidData).</summary>
        internal const string MetadataHashMismatch = "MetadataHashMismatch";

        /// <summary>New-Torrent: the content cannot make a torrent (an empty folder, a bad piece length or name) (InvalidArgument).</summary>
        internal const string TorrentCreateFailed = "TorrentCreateFailed";

        /// <summary>New-Torrent: a content file changed size while hashed or could not be read (ReadError).</summary>
        internal const string ContentReadFailed = "ContentReadFailed";

        /// <summary>New-Torrent: the destination lies inside the content folder (InvalidArgument).</summary>
        internal const string DestinationInsideContent = "DestinationInsideContent";

        /// <summary>New-Torrent: the destination exists and -Force was not given (ResourceExists).</summary>
        internal const string DestinationExists = "DestinationExists";

        /// <summary>Test-Torrent: the torrent's v1 and v2 hashes disagree about a piece (InvalidData).</summary>
        internal const string HashVersionsDisagree = "HashVersionsDisagree";
    }
}
