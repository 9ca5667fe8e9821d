using System;
using System.IO;
using System.Threading;
using TrackerPS.Core.IO;
using TrackerPS.Core.Bencode;

namespace TrackerPS.Core.Metainfo
{
    /// <summary>
    /// Reads .torrent files (BEP 3, 12, 17, 19, 27, 47, 52) into <see cref="TorrentInfo"/>. Pure over bytes except
    /// <see cref="ReadFile(string, TorrentReadOptions?)"/> and its overload, which only read (never write or lock) the file.
    /// </summary>
    public static class TorrentReader
    {
        private static readonly TorrentReadOptions s_defaultOptions = new TorrentReadOptions();
        private static readonly BencodeLimits s_lenientLimits = new BencodeLimits { AllowTrailingBytes = true };

        /// <summary>Parses a torrent from bytes.</summary>
        /// <param name="data">The whole .torrent file. The torrent keeps it for what it builds when first read (raw paths, info-hashes), so do not change it afterwards.</param>
        /// <param name="sourceName">The input's name for messages (a file path or URL), or null.</param>
        /// <param name="options">Options, or null for the defaults (lenient, no pad files).</param>
        /// <returns>The torrent; <see cref="TorrentInfo.Path"/> is null.</returns>
        /// <exception cref="BencodeException">The bytes are not valid bencode, or break a limit.</exception>
        /// <exception cref="MetainfoException">The bencode is not a valid torrent.</exception>
        public static TorrentInfo Read(byte[] data, string? sourceName, TorrentReadOptions? options = null) =>
            Read(data, sourceName, options ?? s_defaultOptions, path: null);

        /// <summary>Reads and parses a .torrent file, opened read-only and shared, so other programs may write or delete it meanwhile.</summary>
        /// <param name="path">The file's path (relative paths resolve against the process's current directory).</param>
        /// <param name="options">Options, or null for the defaults.</param>
        /// <returns>The torrent, with <see cref="TorrentInfo.Path"/> set to the full path.</returns>
        /// <exception cref="FileNotFoundException">The file does not exist.</exception>
        /// <exception cref="IOException">The file cannot be read.</exception>
        /// <exception cref="UnauthorizedAccessException">Access is denied.</exception>
        /// <exception cref="MetainfoException">The file is larger than the input size limit, or not a valid torrent.</exception>
        /// <exception cref="BencodeException">The file is not valid bencode.</exception>
        public static TorrentInfo ReadFile(string path, TorrentReadOptions? options = null) => Read(path, options, buffer: null);

        /// <summary>
        /// Reads and parses a .torrent file as <see cref="ReadFile(string, TorrentReadOptions?)"/> does (the same checks,
        /// errors and warnings), reading it into <paramref name="buffer"/> instead of an array of its own. The info-hashes
        /// are computed at once, and nothing the torrent keeps points into the buffer, so the torrent stays whole when the
        /// buffer is reused. For many reads whose hashes are all needed (<c>Get-TorrentInfoHash</c>).
        /// </summary>
        /// <param name="path">The file's path (relative paths resolve against the process's current directory).</param>
        /// <param name="options">Options, or null for the defaults.</param>
        /// <param name="buffer">The buffer to read into; its contents are overwritten.</param>
        /// <returns>The torrent, with <see cref="TorrentInfo.Path"/> set to the full path and its info-hashes computed.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="buffer"/> is null.</exception>
        /// <exception cref="FileNotFoundException">The file does not exist.</exception>
        /// <exception cref="IOException">The file cannot be read.</exception>
        /// <exception cref="UnauthorizedAccessException">Access is denied.</exception>
        /// <exception cref="MetainfoException">The file is larger than the input size limit, or not a valid torrent.</exception>
        /// <exception cref="BencodeException">The file is not valid bencode.</exception>
        public static TorrentInfo ReadFile(string path, TorrentReadOptions? options, FileReadBuffer buffer) =>
            Read(path, options, buffer ?? throw new ArgumentNullException(nameof(buffer)));

        /// <summary>Reads a .torrent file's bytes, opened read-only and shared (as <see cref="ReadFile(string, TorrentReadOptions?)"/> does), refusing a file over the size limit.</summary>
        /// <param name="path">The file's full path.</param>
        /// <param name="limit">The largest size accepted, in bytes.</param>
        /// <returns>The file's bytes.</returns>
        /// <exception cref="FileNotFoundException">The file does not exist.</exception>
        /// <exception cref="IOException">The file cannot be read.</exception>
        /// <exception cref="UnauthorizedAccessException">Access is denied.</exception>
        /// <exception cref="MetainfoException">The file is larger than <paramref name="limit"/>.</exception>
        public static byte[] ReadFileBytes(string path, int limit = BencodeLimits.DefaultMaxInputSize) =>
            // Without a buffer the bytes fill their array (see ReadAll).
            ReadFileBytes(path, limit, buffer: null).Array!;

        /// <summary>
        /// Parses a torrent as <see cref="Read(byte[], string?, TorrentReadOptions?)"/> does and hands back the decoded
        /// document too, for a caller that needs values the torrent does not keep (Test-Torrent's <c>pieces</c> and
        /// <c>piece layers</c>), so that the bytes are decoded once.
        /// </summary>
        internal static TorrentInfo Read(byte[] data, string? sourceName, TorrentReadOptions options, out BencodeDocument document) =>
            Read(data, sourceName, options, path: null, out document);

        private static TorrentInfo Read(byte[] data, string? sourceName, TorrentReadOptions options, string? path) =>
            Read(data, sourceName, options, path, out _);

        private static TorrentInfo Read(byte[] data, string? sourceName, TorrentReadOptions options, string? path, out BencodeDocument document) =>
            Read(new ArraySegment<byte>(data ?? throw new ArgumentNullException(nameof(data))), sourceName, options, path, borrowed: false, out document);

        // borrowed: the bytes are in a FileReadBuffer, so what the torrent keeps is copied out of them.
        private static TorrentInfo Read(
            ArraySegment<byte> data, string? sourceName, TorrentReadOptions options, string? path, bool borrowed, out BencodeDocument document)
        {
            BencodeDocument? decoded = null;
            TorrentInfo torrent = Contain(() =>
            {
                var plainFiles = new PlainFileList();
                decoded = BencodeDecoder.Decode(data, EffectiveLimits(options), sourceName, plainFiles);
                var context = new MetainfoContext(sourceName, options) { PlainFiles = plainFiles, InputIsBorrowed = borrowed };
                return MetainfoParser.Parse(decoded, context, path);
            }, sourceName);
            document = decoded!;
            return torrent;
        }

        private static TorrentInfo Read(string path, TorrentReadOptions? options, FileReadBuffer? buffer)
        {
            if (path is null)
            {
                throw new ArgumentNullException(nameof(path));
            }

            options ??= s_defaultOptions;
            string fullPath = System.IO.Path.GetFullPath(path);
            ArraySegment<byte> data = ReadFileBytes(fullPath, (options.Limits ?? BencodeLimits.Default).MaxInputSize, buffer);
            TorrentInfo torrent = Read(data, fullPath, options, fullPath, borrowed: buffer is not null, out _);
            if (buffer is not null)
            {
                // Hashed now, the torrent lets the buffer go (OnDemandInfoHashes).
                _ = torrent.InfoHash;
            }

            return torrent;
        }

        /// <summary>The file's bytes, in <paramref name="buffer"/> when given, otherwise in an array they fill.</summary>
        private static ArraySegment<byte> ReadFileBytes(string path, int limit, FileReadBuffer? buffer)
        {
            // No FileStream buffer: the whole file is read into one array, so a buffer would only add a copy.
            using FileStream stream = ReadOnlyFile.Open(path, bufferSize: 1, FileOptions.None);
            // One fstat: FileStream asks the system for the length each time (the file is shared for writing).
            long length = stream.Length;
            if (length > limit)
            {
                throw new MetainfoException($"file is {length} bytes, more than the limit of {limit} bytes", path);
            }

            return ReadAll(stream, (int)length, buffer);
        }

        /// <summary>
        /// The one place every torrent is parsed through: an exception other than the reader's own (a bug a hostile file
        /// found, say) becomes a <see cref="MetainfoException"/> for this file, with the original as its inner exception,
        /// so that one file never stops the others (see <see cref="Containment"/>).
        /// </summary>
        internal static TorrentInfo Contain(Func<TorrentInfo> parse, string? sourceName)
        {
            try
            {
                return parse();
            }
            catch (Exception e) when (!(e is BencodeException || e is MetainfoException) && Containment.Contains(e, CancellationToken.None))
            {
                throw new MetainfoException($"the reader failed unexpectedly ({e.GetType().Name}: {e.Message})", sourceName, e);
            }
        }

        /// <summary>
        /// The decoder limits: the given ones (or the defaults), made strict when the options ask for it. Bytes after the
        /// top-level dictionary (a web server's CRLF, say) are allowed unless strict, whatever the limits say: libtorrent
        /// ignores them, and <see cref="MetainfoParser"/> reports them as a warning.
        /// </summary>
        private static BencodeLimits EffectiveLimits(TorrentReadOptions options)
        {
            BencodeLimits limits = options.Limits ?? s_lenientLimits;
            bool strict = options.Strict || limits.Strict;
            if (limits.Strict == strict && limits.AllowTrailingBytes != strict)
            {
                return limits;
            }

            return new BencodeLimits
            {
                MaxDepth = limits.MaxDepth,
                MaxInputSize = limits.MaxInputSize,
                MaxTokens = limits.MaxTokens,
                AllowTrailingBytes = !strict,
                Strict = strict,
            };
        }

        /// <summary>
        /// Reads to the end into <paramref name="buffer"/> or else an array of the file's length, copying only when the file
        /// shrank or grew while read (it is shared for writing). Without a buffer the bytes fill their array. Reading through
        /// a MemoryStream copied every file twice: for a 20 MB torrent, 40 MB allocated.
        /// </summary>
        private static ArraySegment<byte> ReadAll(FileStream stream, int length, FileReadBuffer? buffer)
        {
            byte[] data = buffer?.Take(length) ?? new byte[length];
            int read = 0;
            int count;
            while (read < length && (count = stream.Read(data, read, length - read)) > 0)
            {
                read += count;
            }

            if (read < length)
            {
                if (buffer is null)
                {
                    Array.Resize(ref data, read);
                }

                return new ArraySegment<byte>(data, 0, read);
            }

            int next = stream.ReadByte();
            if (next < 0)
            {
                return new ArraySegment<byte>(data, 0, read);
            }

            using var grown = new MemoryStream();
            grown.Write(data, 0, read);
            grown.WriteByte((byte)next);
            stream.CopyTo(grown);
            return new ArraySegment<byte>(grown.ToArray());
        }
    }
}
