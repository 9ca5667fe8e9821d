using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace TrackerPS.Core.Trackers.Http
{
    /// <summary>Reads a stream to its end, stopping as soon as it yields more than a limit (so a huge body is never buffered).</summary>
    internal static class CappedReader
    {
        private const int ChunkSize = 16 * 1024;

        /// <summary>Reads the whole stream.</summary>
        /// <param name="stream">The stream.</param>
        /// <param name="maxSize">The most bytes allowed.</param>
        /// <param name="cancellationToken">Cancels the read.</param>
        /// <returns>The bytes, or null when the stream has more than <paramref name="maxSize"/> bytes.</returns>
        public static async Task<byte[]?> ReadAsync(Stream stream, int maxSize, CancellationToken cancellationToken)
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[ChunkSize];
            while (true)
            {
                // Ask for at most one byte past the limit: enough to know it was exceeded.
                int wanted = (int)System.Math.Min(chunk.Length, (long)maxSize + 1 - buffer.Length);
                int read = await stream.ReadAsync(chunk, 0, wanted, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return buffer.ToArray();
                }

                buffer.Write(chunk, 0, read);
                if (buffer.Length > maxSize)
                {
                    return null;
                }
            }
        }
    }
}
