using System;

namespace TrackerPS.Core.Metainfo
{
    /// <summary>
    /// Valid bencode that is not valid metainfo (BEP 3, BEP 52): a missing or mistyped key. The message names the
    /// source and, when known, the byte offset.
    /// </summary>
    /// <remarks>STUB: replaced by the metainfo core at merge.</remarks>
    public sealed class MetainfoException : FormatException
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="reason">What is wrong.</param>
        /// <param name="sourceName">The input's name (a file path), or null.</param>
        /// <param name="offset">Byte offset of the offending value, or null.</param>
        public MetainfoException(string reason, string? sourceName, int? offset = null)
            : base(reason)
        {
            Reason = reason;
            SourceName = sourceName;
            Offset = offset;
        }

        /// <summary>What is wrong, without the location.</summary>
        public string Reason { get; }

        /// <summary>The input's name (a file path), or null.</summary>
        public string? SourceName { get; }

        /// <summary>Byte offset of the offending value, or null.</summary>
        public int? Offset { get; }
    }
}
