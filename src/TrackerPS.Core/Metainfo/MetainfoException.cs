using System;

namespace TrackerPS.Core.Metainfo
{
    /// <summary>
    /// Bencode that decodes but is not a valid torrent (BEP 3, BEP 52): a required key missing, a value of the wrong
    /// type, an impossible size. The message names the source and, when known, the byte offset:
    /// <c>Invalid torrent 'x.torrent': 'pieces' is 41 bytes, not a multiple of 20 (at byte 123)</c>.
    /// </summary>
    public sealed class MetainfoException : FormatException
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="reason">What is wrong, naming the key.</param>
        /// <param name="sourceName">The input's name (a file path), or null.</param>
        /// <param name="offset">Byte offset of the offending value in the input, or null when not tied to one.</param>
        public MetainfoException(string reason, string? sourceName, int? offset = null)
            : base(FormatMessage(reason, sourceName, offset))
        {
            Reason = reason;
            SourceName = sourceName;
            Offset = offset;
        }

        /// <summary>Creates the exception for a failure the reader did not foresee, kept as <see cref="Exception.InnerException"/>.</summary>
        /// <param name="reason">What is wrong.</param>
        /// <param name="sourceName">The input's name (a file path), or null.</param>
        /// <param name="innerException">The exception the reader threw.</param>
        public MetainfoException(string reason, string? sourceName, Exception innerException)
            : base(FormatMessage(reason, sourceName, null), innerException)
        {
            Reason = reason;
            SourceName = sourceName;
        }

        /// <summary>What is wrong, without the location.</summary>
        public string Reason { get; }

        /// <summary>The input's name (a file path), or null.</summary>
        public string? SourceName { get; }

        /// <summary>Byte offset of the offending value in the input, or null.</summary>
        public int? Offset { get; }

        private static string FormatMessage(string reason, string? sourceName, int? offset)
        {
            string source = sourceName is null ? "Invalid torrent" : $"Invalid torrent '{sourceName}'";
            string location = offset is null ? string.Empty : $" (at byte {offset.Value})";
            return $"{source}: {reason}{location}";
        }
    }
}
