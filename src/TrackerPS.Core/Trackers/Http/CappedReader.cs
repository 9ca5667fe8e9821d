using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace TrackerPS.Core.Trackers.Http
{
    /// <summary>
    /// Reads a stream to its end into one array, stopping as soon as it yields more than a limit (so a huge body is never
    /// buffered). A body whose length is known (<c>Content-Length</c>) is read into an array of that length and one byte,
    /// the room to see its end, up to <see cref="MaxTrustedLength"/>: the header is the sender's word, so a claimed
    /// length beyond it is not allocated before the bytes come. Other bodies go into an array that starts at
    /// <see cref="InitialUnknownLength"/> bytes, and every array doubles as the bytes come, never past one byte over the
    /// limit.
    /// </summary>
    internal static class CappedReader
    {
        /// <summary>The first array for a body of unknown length (chunked, or decompressed), in bytes.</summary>
        internal const int InitialUnknownLength = 4 * 1024;

        /// <summary>The largest first array a claimed length gets, in bytes (an announce reply is a few dozen).</summary>
        internal const int MaxTrustedLength = 64 * 1024;

        /// <summary>Reads the whole stream.</summary>
        /// <param name="stream">The stream.</param>
        /// <param name="length">The length the stream announced (<c>Content-Length</c>) in bytes, or null when unknown; only sizes the first array.</param>
        /// <param name="maxSize">The most bytes allowed.</param>
        /// <param name="cancellationToken">Cancels the read.</param>
        /// <returns>The bytes, or null when the stream has more than <paramref name="maxSize"/> bytes.</returns>
        public static async Task<byte[]?> ReadAsync(Stream stream, long? length, int maxSize, CancellationToken cancellationToken)
        {
            // One byte past the limit is the most ever asked for: enough to know it was exceeded.
            long most = Math.Min((long)maxSize + 1, int.MaxValue);
            long first = length is long claimed ? Math.Min(claimed + 1, MaxTrustedLength) : InitialUnknownLength;
            var buffer = new byte[Math.Min(first, most)];
            int count = 0;
            while (true)
            {
                if (count == buffer.Length)
                {
                    Array.Resize(ref buffer, (int)Math.Min(2L * buffer.Length, most));
                }

                int read = await stream.ReadAsync(buffer, count, buffer.Length - count, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    Array.Resize(ref buffer, count);
                    return buffer;
                }

                count += read;
                if (count > maxSize)
                {
                    return null;
                }
            }
        }
    }
}
