using System;

namespace TrackerPS.Core.IO
{
    /// <summary>
    /// One array that whole-file reads go into, reused from read to read, so that reading many small files allocates no
    /// array per file: for 2,000 small torrents piped to <c>Get-TorrentInfoHash</c>, 60 MB and the collections they
    /// cost. It grows to at most 1.5 times the largest file read into it and is kept for the buffer's life. What a read
    /// leaves in it is valid only until the next read. Not thread-safe: one reader at a time.
    /// </summary>
    public sealed class FileReadBuffer
    {
        private byte[] _array = Array.Empty<byte>();

        /// <summary>The buffer's array, grown first when it holds fewer than <paramref name="length"/> bytes.</summary>
        /// <param name="length">How many bytes the next read needs, in bytes.</param>
        /// <returns>An array of at least <paramref name="length"/> bytes; its contents are undefined.</returns>
        internal byte[] Take(int length)
        {
            if (_array.Length < length)
            {
                _array = new byte[Math.Max(length, _array.Length + (_array.Length / 2))];
            }

            return _array;
        }
    }
}
