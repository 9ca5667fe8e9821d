using System;

namespace TrackerPS.Core.Authoring
{
    /// <summary>Which files of a folder <see cref="ContentScanner"/> takes.</summary>
    public sealed class ContentScanOptions
    {
        /// <summary>Decides per file, from its path inside the torrent ('/' between elements) and its name; null takes every file.</summary>
        public Func<string, string, bool>? Filter { get; init; }

        /// <summary>Takes hidden files and folders too: names starting with '.', or with the Hidden attribute.</summary>
        public bool IncludeHidden { get; init; }

        /// <summary>Follow symbolic links (the default) or store them as BEP 47 symlinks.</summary>
        public SymlinkMode Symlinks { get; init; } = SymlinkMode.Follow;

        /// <summary>The deepest folder nesting followed: 64 folders below the content folder; a folder deeper than that is an error (a loop of folder links is found before, by <see cref="ContentScanner"/>).</summary>
        public int MaxDepth { get; init; } = 64;
    }
}
