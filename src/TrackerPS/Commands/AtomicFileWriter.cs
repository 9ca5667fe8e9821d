using System;
using System.IO;

namespace TrackerPS.Commands
{
    /// <summary>
    /// Writes a file atomically: a temporary file in the same folder, flushed to disk, then renamed over the target, so a
    /// reader sees the old file or the whole new one, and a failure leaves nothing behind.
    /// </summary>
    internal static class AtomicFileWriter
    {
        /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/>, replacing any file there.</summary>
        /// <param name="path">The full path of the file.</param>
        /// <param name="bytes">The contents.</param>
        /// <exception cref="IOException">The folder is missing or the file cannot be written.</exception>
        /// <exception cref="UnauthorizedAccessException">Access is denied.</exception>
        internal static void Write(string path, byte[] bytes)
        {
            string directory = Path.GetDirectoryName(path) ?? ".";
            string temporary = Path.Combine(directory, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp");
            try
            {
                using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                {
                    stream.Write(bytes, 0, bytes.Length);
                    stream.Flush(flushToDisk: true);
                }

                if (File.Exists(path))
                {
                    File.Replace(temporary, path, destinationBackupFileName: null);
                }
                else
                {
                    File.Move(temporary, path);
                }
            }
            finally
            {
                if (File.Exists(temporary))
                {
                    File.Delete(temporary);
                }
            }
        }
    }
}
