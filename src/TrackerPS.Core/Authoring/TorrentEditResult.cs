using System.Collections.Generic;

namespace TrackerPS.Core.Authoring
{
    /// <summary>What <see cref="TorrentEditor.Edit"/> produced: the new file's bytes, the torrent before and after, and what changed.</summary>
    public sealed class TorrentEditResult
    {
        internal TorrentEditResult(byte[] bytes, bool unchanged, TorrentInfo before, TorrentInfo after, IReadOnlyList<string> changes, IReadOnlyList<string> warnings)
        {
            IsUnchanged = unchanged;
            Bytes = bytes;
            Before = before;
            After = after;
            Changes = changes;
            Warnings = warnings;
        }

        /// <summary>The edited .torrent file.</summary>
        public byte[] Bytes { get; }

        /// <summary>True when <see cref="Bytes"/> are the input's bytes: there is nothing to write in place.</summary>
        public bool IsUnchanged { get; }

        /// <summary>The torrent as read from the input.</summary>
        public TorrentInfo Before { get; }

        /// <summary>The torrent as read back from <see cref="Bytes"/> (its <c>Path</c> is null).</summary>
        public TorrentInfo After { get; }

        /// <summary>One line per change, for display (<c>-WhatIf</c>); URLs are redacted, so no passkey shows.</summary>
        public IReadOnlyList<string> Changes { get; }

        /// <summary>Edits that found nothing to act on (a tracker to remove that is not listed, say); no passkey shows.</summary>
        public IReadOnlyList<string> Warnings { get; }

        /// <summary>True when the info-hashes changed: the edit made a different torrent (BEP 3, BEP 52).</summary>
        public bool InfoHashChanged => Before.InfoHashV1 != After.InfoHashV1 || Before.InfoHashV2 != After.InfoHashV2;
    }
}
