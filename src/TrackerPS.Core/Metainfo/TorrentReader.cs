using System;
using System.IO;
using System.Threading;
using TrackerPS.Core.Bencode;

namespace TrackerPS.Core.Metainfo
{
    /// <summary>
    /// Reads .torrent files (BEP 3, 12, 17, 19, 27, 47, 52) into <see cref="TorrentInfo"/>. Pure over bytes except
    /// <see cref="ReadFile"/>, which only reads (never writes or locks) the file.
    /// </summary>
    public static class TorrentReader
    {
        private static readonly TorrentReadOptions s_defaultOptions = new TorrentReadOptions();
        private static readonly BencodeLimits s_lenientLimits = new BencodeLimits { AllowTrailingBytes = true };

        /// <summary>Parses a torrent from bytes.</summary>
        /// <param name="data">The whole .torrent file.</param>
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
        public static TorrentInfo ReadFile(string path, TorrentReadOptions? options = null)
        {
            if (path is null)
            {
                throw new ArgumentNullException(nameof(path));
            }

            options ??= s_defaultOptions;
            string fullPath = System.IO.Path.GetFullPath(path);
            byte[] data;
            using (var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            {
                int limit = (options.Limits ?? BencodeLimits.Default).MaxInputSize;
                if (stream.Length > limit)
                {
                    throw new MetainfoException($"file is {stream.Length} bytes, more than the limit of {limit} bytes", fullPath);
                }

                data = ReadAll(stream);
            }

            return Read(data, fullPath, options, fullPath);
        }

        private static TorrentInfo Read(byte[] data, string? sourceName, TorrentReadOptions options, string? path)
        {
            if (data is null)
            {
                throw new ArgumentNullException(nameof(data));
            }

            return Contain(() =>
            {
                BencodeDocument document = BencodeDecoder.Decode(data, EffectiveLimits(options), sourceName);
                return MetainfoParser.Parse(document, new MetainfoContext(sourceName, options), path);
            }, sourceName);
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

        /// <summary>Reads to the end; the file may shrink or grow while read, since it is shared for writing.</summary>
        private static byte[] ReadAll(Stream stream)
        {
            using var buffer = new MemoryStream((int)stream.Length);
            stream.CopyTo(buffer);
            return buffer.ToArray();
        }
    }
}
