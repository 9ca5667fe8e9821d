using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Threading;
using System.Threading.Tasks;
using TrackerPS.Core.Network;

namespace TrackerPS.Core.Trackers.Http
{
    /// <summary>
    /// Undoes HTTP content codings (RFC 9110 §8.4.1): <c>gzip</c>, <c>x-gzip</c>, <c>deflate</c> (zlib-wrapped or raw,
    /// as servers send both) and <c>identity</c>. A body without Content-Encoding that starts with the gzip magic
    /// <c>1F 8B</c> is gunzipped too: some trackers compress without saying so. Output is capped as it is produced.
    /// </summary>
    internal static class HttpContentDecoder
    {
        private const byte GzipMagic1 = 0x1F;
        private const byte GzipMagic2 = 0x8B;
        private const int ZlibHeaderLength = 2;
        private const int ZlibMethodDeflate = 8;
        private const int ZlibHeaderCheckDivisor = 31;

        /// <summary>Decodes a body.</summary>
        /// <param name="body">The raw body.</param>
        /// <param name="contentEncodings">The Content-Encoding values, in the order the server applied them.</param>
        /// <param name="maxSize">The most bytes the decoded body may have.</param>
        /// <param name="tracker">The tracker, for messages.</param>
        /// <param name="httpStatus">The HTTP status, stamped on errors.</param>
        /// <returns>The decoded body.</returns>
        /// <exception cref="TrackerException">ProtocolViolation: an unknown coding, corrupt data, or more than <paramref name="maxSize"/> bytes decoded.</exception>
        public static async Task<byte[]> DecodeAsync(byte[] body, IReadOnlyList<string> contentEncodings, int maxSize, Uri tracker, int httpStatus)
        {
            byte[] current = body;
            if (contentEncodings.Count == 0 && current.Length >= 2 && current[0] == GzipMagic1 && current[1] == GzipMagic2)
            {
                return await InflateAsync(current, "gzip", maxSize, tracker, httpStatus).ConfigureAwait(false);
            }

            // Codings are listed in the order applied, so they are undone last to first.
            for (int i = contentEncodings.Count - 1; i >= 0; i--)
            {
                string coding = contentEncodings[i].Trim().ToLowerInvariant();
                if (coding == "identity")
                {
                    continue;
                }

                if (coding != "gzip" && coding != "x-gzip" && coding != "deflate")
                {
                    throw Violation(tracker, httpStatus, $"Tracker {TrackerUriRedactor.Redact(tracker)} sent Content-Encoding '{coding}', which is not supported (gzip and deflate are).");
                }

                current = await InflateAsync(current, coding, maxSize, tracker, httpStatus).ConfigureAwait(false);
            }

            return current;
        }

        private static async Task<byte[]> InflateAsync(byte[] data, string coding, int maxSize, Uri tracker, int httpStatus)
        {
            using Stream decompressor = coding == "deflate"
                ? new DeflateStream(SkipZlibHeader(data), CompressionMode.Decompress)
                : new GZipStream(new MemoryStream(data), CompressionMode.Decompress);
            try
            {
                byte[]? decoded = await CappedReader.ReadAsync(decompressor, length: null, maxSize, CancellationToken.None).ConfigureAwait(false);
                return decoded ?? throw Violation(tracker, httpStatus, $"Tracker {TrackerUriRedactor.Redact(tracker)} sent a response that exceeds {maxSize} bytes after {coding} decompression.");
            }
            catch (InvalidDataException ex)
            {
                throw Violation(tracker, httpStatus, $"Tracker {TrackerUriRedactor.Redact(tracker)} sent a body that is not valid {coding} data: {ex.Message}", ex);
            }
        }

        /// <summary>Content-Encoding deflate is zlib (RFC 1950) by the letter, raw deflate in practice; both are accepted.</summary>
        private static MemoryStream SkipZlibHeader(byte[] data)
        {
            bool zlib = data.Length >= ZlibHeaderLength && (data[0] & 0x0F) == ZlibMethodDeflate
                && ((data[0] << 8) | data[1]) % ZlibHeaderCheckDivisor == 0;
            int start = zlib ? ZlibHeaderLength : 0;
            return new MemoryStream(data, start, data.Length - start);
        }

        private static TrackerException Violation(Uri tracker, int httpStatus, string message, Exception? inner = null) =>
            new TrackerException(tracker, TrackerErrorKind.ProtocolViolation, message, inner) { HttpStatusCode = httpStatus };
    }
}
