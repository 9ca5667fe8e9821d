using System;
using System.IO;
using System.Threading;

namespace TrackerPS.Core.Authoring
{
    /// <summary>
    /// Writes a file atomically: the bytes go to a temporary file in the target's own folder (so the final rename never
    /// crosses file systems), which is flushed to disk and then renamed over the target. Readers see either the old file
    /// or the new one, never a part; on any failure, or cancellation, the target is untouched and the temporary file is
    /// deleted. Shared by every cmdlet that writes torrents (Edit-Torrent, and New-Torrent).
    /// </summary>
    public static class AtomicFileWriter
    {
        /// <summary>Bytes written between two checks of the cancellation token.</summary>
        public const int ChunkSize = 64 * 1024;

        /// <summary>The temporary file's name prefix; its full name is <c>.trackerps-&lt;target name&gt;.&lt;random&gt;.tmp</c>.</summary>
        public const string TemporaryPrefix = ".trackerps-";

        /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/>, replacing any file there.</summary>
        /// <param name="path">The target file's full path; its folder must exist.</param>
        /// <param name="bytes">The new content.</param>
        /// <param name="cancellationToken">Checked between chunks and before the rename; once cancelled nothing is replaced.</param>
        /// <exception cref="DirectoryNotFoundException">The target's folder does not exist.</exception>
        /// <exception cref="UnauthorizedAccessException">The folder or the target cannot be written.</exception>
        /// <exception cref="IOException">The write failed (the disk is full, say).</exception>
        /// <exception cref="OperationCanceledException">The token was cancelled; the target is untouched.</exception>
        public static void Write(string path, byte[] bytes, CancellationToken cancellationToken)
        {
            if (bytes is null)
            {
                throw new ArgumentNullException(nameof(bytes));
            }

            Write(path, stream => WriteChunks(stream, bytes, cancellationToken), cancellationToken);
        }

        /// <summary>Writes the content that <paramref name="write"/> puts on the stream to <paramref name="path"/>, atomically.</summary>
        /// <param name="path">The target file's full path; its folder must exist.</param>
        /// <param name="write">Writes the content; any exception it throws abandons the write.</param>
        /// <param name="cancellationToken">Checked before the rename; once cancelled nothing is replaced.</param>
        /// <exception cref="DirectoryNotFoundException">The target's folder does not exist.</exception>
        /// <exception cref="UnauthorizedAccessException">The folder or the target cannot be written.</exception>
        /// <exception cref="IOException">The write failed (the disk is full, say).</exception>
        /// <exception cref="OperationCanceledException">The token was cancelled; the target is untouched.</exception>
        public static void Write(string path, Action<Stream> write, CancellationToken cancellationToken)
        {
            if (path is null)
            {
                throw new ArgumentNullException(nameof(path));
            }

            if (write is null)
            {
                throw new ArgumentNullException(nameof(write));
            }

            string fullPath = Path.GetFullPath(path);
            string folder = Path.GetDirectoryName(fullPath) ?? throw new ArgumentException($"'{fullPath}' has no folder.", nameof(path));
            if (!Directory.Exists(folder))
            {
                throw new DirectoryNotFoundException($"Cannot write '{fullPath}': the folder '{folder}' does not exist.");
            }

            string temporary = Path.Combine(folder, TemporaryPrefix + Path.GetFileName(fullPath) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp");
            bool renamed = false;
            try
            {
                using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.None))
                {
                    write(stream);
                    cancellationToken.ThrowIfCancellationRequested();
                    // Flush to the disk, not just to the OS, so a crash after the rename cannot leave an empty file.
                    stream.Flush(flushToDisk: true);
                }

                cancellationToken.ThrowIfCancellationRequested();
                Replace(temporary, fullPath);
                renamed = true;
            }
            catch (UnauthorizedAccessException e)
            {
                throw new UnauthorizedAccessException($"Cannot write '{fullPath}': access to its folder or to the file is denied.", e);
            }
            catch (IOException e)
            {
                // The system's message names the temporary file, which would only confuse: name the target instead.
                throw new IOException($"Cannot write '{fullPath}': {e.Message}", e);
            }
            finally
            {
                if (!renamed)
                {
                    TryDelete(temporary);
                }
            }
        }

        private static void WriteChunks(Stream stream, byte[] bytes, CancellationToken cancellationToken)
        {
            for (int offset = 0; offset < bytes.Length; offset += ChunkSize)
            {
                cancellationToken.ThrowIfCancellationRequested();
                stream.Write(bytes, offset, Math.Min(ChunkSize, bytes.Length - offset));
            }
        }

        /// <summary>Renames the temporary file over the target: File.Replace when the target exists (a rename(2) on Unix), else File.Move.</summary>
        private static void Replace(string temporary, string target)
        {
            if (File.Exists(target))
            {
                File.Replace(temporary, target, destinationBackupFileName: null, ignoreMetadataErrors: true);
            }
            else
            {
                File.Move(temporary, target);
            }
        }

        private static void TryDelete(string temporary)
        {
            try
            {
                File.Delete(temporary);
            }
            catch (IOException)
            {
                // Best effort: the original error is the one to report.
            }
            catch (UnauthorizedAccessException)
            {
                // Likewise.
            }
        }
    }
}
