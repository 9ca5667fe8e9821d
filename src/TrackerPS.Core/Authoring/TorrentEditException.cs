using System;

namespace TrackerPS.Core.Authoring
{
    /// <summary>
    /// An edit that cannot be applied to one torrent: a tier past the last one, say. The message names the file:
    /// <c>Cannot edit 'x.torrent': tier 5 does not exist; it has 2 tiers (0 to 1), and tier 2 adds a new one</c>.
    /// </summary>
    public sealed class TorrentEditException : InvalidOperationException
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="reason">What is wrong.</param>
        /// <param name="sourceName">The torrent's name (a file path), or null.</param>
        public TorrentEditException(string reason, string? sourceName)
            : base(sourceName is null ? $"Cannot edit the torrent: {reason}" : $"Cannot edit '{sourceName}': {reason}")
        {
            Reason = reason;
        }

        /// <summary>What is wrong, without the file name.</summary>
        public string Reason { get; }
    }
}
