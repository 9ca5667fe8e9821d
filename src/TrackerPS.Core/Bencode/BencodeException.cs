using System;

namespace TrackerPS.Core.Bencode
{
    /// <summary>
    /// Input that is not valid bencode (BEP 3), or that breaks a <see cref="BencodeLimits"/> limit. The message
    /// names the source and byte offset: <c>Invalid bencode at byte 1234 in 'x.torrent': expected ':' after string length</c>.
    /// </summary>
    public sealed class BencodeException : FormatException
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="offset">Byte offset of the error in the input.</param>
        /// <param name="reason">What is wrong there.</param>
        /// <param name="sourceName">The input's name (a file path), or null.</param>
        public BencodeException(int offset, string reason, string? sourceName)
            : base(FormatMessage(offset, reason, sourceName))
        {
            Offset = offset;
            Reason = reason;
            SourceName = sourceName;
        }

        /// <summary>Byte offset of the error in the input.</summary>
        public int Offset { get; }

        /// <summary>What is wrong, without the location.</summary>
        public string Reason { get; }

        /// <summary>The input's name (a file path), or null.</summary>
        public string? SourceName { get; }

        private static string FormatMessage(int offset, string reason, string? sourceName) => sourceName is null
            ? $"Invalid bencode at byte {offset}: {reason}"
            : $"Invalid bencode at byte {offset} in '{sourceName}': {reason}";
    }
}
