using System;
using System.Collections.Generic;

namespace TrackerPS.Core.Authoring
{
    /// <summary>What New-Torrent puts in a torrent besides the content's hashes.</summary>
    public sealed class TorrentCreateOptions
    {
        /// <summary>V1 (BEP 3), V2 (BEP 52) or Hybrid (both, with BEP 47 pad files).</summary>
        public TorrentVersion Version { get; init; } = TorrentVersion.V1;

        /// <summary>The piece length in bytes, or 0 for <see cref="PieceLengthRule.Choose"/>.</summary>
        public long PieceLength { get; init; }

        /// <summary>The torrent's <c>name</c>, or null for the file's or folder's name.</summary>
        public string? Name { get; init; }

        /// <summary>BEP 12 tiers of tracker URLs; the first becomes <c>announce</c>.</summary>
        public IReadOnlyList<IReadOnlyList<string>> Trackers { get; init; } = Array.Empty<IReadOnlyList<string>>();

        /// <summary>BEP 19 web seeds (<c>url-list</c>).</summary>
        public IReadOnlyList<string> WebSeeds { get; init; } = Array.Empty<string>();

        /// <summary>The <c>comment</c>, or null.</summary>
        public string? Comment { get; init; }

        /// <summary>The <c>info.source</c>, or null.</summary>
        public string? Source { get; init; }

        /// <summary>BEP 27 <c>info.private</c> 1; when false the key is left out (never <c>private: 0</c>).</summary>
        public bool IsPrivate { get; init; }

        /// <summary>The <c>created by</c>, or null.</summary>
        public string? CreatedBy { get; init; }

        /// <summary>The <c>creation date</c>, or null to leave it out.</summary>
        public DateTimeOffset? CreationDate { get; init; }
    }
}
