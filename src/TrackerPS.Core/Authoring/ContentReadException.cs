using System;
using System.IO;

namespace TrackerPS.Core.Authoring
{
    /// <summary>A content file could not be read as the torrent needs it (it changed size while hashed, say); names the file.</summary>
    public sealed class ContentReadException : IOException
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="path">The file's full path.</param>
        /// <param name="message">What went wrong, naming the file.</param>
        /// <param name="inner">The underlying error, if any.</param>
        public ContentReadException(string path, string message, Exception? inner = null)
            : base(message, inner)
        {
            FilePath = path;
        }

        /// <summary>The file's full path.</summary>
        public string FilePath { get; }
    }
}
