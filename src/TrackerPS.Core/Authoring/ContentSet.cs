using System.Collections.Generic;

namespace TrackerPS.Core.Authoring
{
    /// <summary>The content a torrent is made of: its name, whether it is one file or a folder, and the files in <see cref="PathOrder"/>.</summary>
    public sealed class ContentSet
    {
        /// <summary>Creates a content set.</summary>
        /// <param name="name">The torrent's <c>name</c>: the file's or the folder's name.</param>
        /// <param name="isSingleFile">True for a single-file torrent.</param>
        /// <param name="files">The files, in order.</param>
        public ContentSet(string name, bool isSingleFile, IReadOnlyList<ContentFile> files)
        {
            Name = name;
            IsSingleFile = isSingleFile;
            Files = files;
        }

        /// <summary>The torrent's <c>name</c>.</summary>
        public string Name { get; }

        /// <summary>True for a single-file torrent.</summary>
        public bool IsSingleFile { get; }

        /// <summary>The files, in <see cref="PathOrder"/>.</summary>
        public IReadOnlyList<ContentFile> Files { get; }
    }
}
