using System;

namespace TrackerPS.Core.Authoring
{
    /// <summary>The metainfo fields an edit can clear (<see cref="TorrentEdit.Clear"/>).</summary>
    [Flags]
    public enum TorrentField
    {
        /// <summary>No field.</summary>
        None = 0,

        /// <summary><c>announce</c> and <c>announce-list</c> (BEP 3, BEP 12).</summary>
        Tracker = 1,

        /// <summary><c>url-list</c> (BEP 19).</summary>
        WebSeed = 2,

        /// <summary><c>httpseeds</c> (BEP 17).</summary>
        HttpSeed = 4,

        /// <summary><c>comment</c> and <c>comment.utf-8</c>.</summary>
        Comment = 8,

        /// <summary><c>created by</c> and <c>created by.utf-8</c>.</summary>
        CreatedBy = 16,

        /// <summary><c>creation date</c>.</summary>
        CreationDate = 32,

        /// <summary><c>info.source</c> (changes the info-hash).</summary>
        Source = 64,
    }
}
