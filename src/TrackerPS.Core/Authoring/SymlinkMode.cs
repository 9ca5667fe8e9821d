namespace TrackerPS.Core.Authoring
{
    /// <summary>What New-Torrent does with a symbolic link inside the content.</summary>
    public enum SymlinkMode
    {
        /// <summary>Follows it: a link to a file is that file's data, a link to a folder that folder's files (the default).</summary>
        Follow,

        /// <summary>Stores it as a BEP 47 symlink (<c>attr</c> 'l', <c>symlink path</c>, no data); its target must be inside the content.</summary>
        Store,
    }
}
