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

        /// <summary>The deepest folder nesting followed (symbolic links to folders are followed, so a loop stops here): 64.</summary>
        public int MaxDepth { get; init; } = 64;
    }
}
