using System.Collections.Generic;

namespace TrackerPS.Core.Authoring
{
    /// <summary>The outcome of <see cref="TorrentVerifier.Verify"/>: one result per file and the torrent's summary.</summary>
    public sealed class TorrentVerification
    {
        internal TorrentVerification(IReadOnlyList<FileCheck> files, TorrentCheck summary)
        {
            Files = files;
            Summary = summary;
        }

        /// <summary>One result per file, pad files left out, in the torrent's order.</summary>
        public IReadOnlyList<FileCheck> Files { get; }

        /// <summary>The summary.</summary>
        public TorrentCheck Summary { get; }
    }
}
