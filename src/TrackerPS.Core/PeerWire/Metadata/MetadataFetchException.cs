using System;
using System.Collections.Generic;
using System.Linq;

namespace TrackerPS.Core.PeerWire.Metadata
{
    /// <summary>Fetching a torrent's metadata (BEP 9) failed; the message names each peer and why it gave nothing.</summary>
    public sealed class MetadataFetchException : Exception
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="kind">Why it failed.</param>
        /// <param name="infoHash">The info-hash asked for (hex).</param>
        /// <param name="failures">Each peer (<c>host:port</c>) and why it gave nothing, in the order they failed.</param>
        public MetadataFetchException(MetadataErrorKind kind, string infoHash, IReadOnlyList<KeyValuePair<string, string>> failures)
            : base(Describe(kind, infoHash, failures))
        {
            Kind = kind;
            InfoHash = infoHash;
            Failures = failures;
        }

        /// <summary>Why it failed.</summary>
        public MetadataErrorKind Kind { get; }

        /// <summary>The info-hash asked for (hex).</summary>
        public string InfoHash { get; }

        /// <summary>Each peer and why it gave nothing.</summary>
        public IReadOnlyList<KeyValuePair<string, string>> Failures { get; }

        private static string Describe(MetadataErrorKind kind, string infoHash, IReadOnlyList<KeyValuePair<string, string>> failures)
        {
            string what = kind == MetadataErrorKind.HashMismatch
                ? $"The metadata assembled for {infoHash} did not match its info-hash"
                : $"No peer supplied the metadata of {infoHash}";
            if (failures.Count == 0)
            {
                return what + ": there were no peers to ask.";
            }

            return what + ": " + string.Join("; ", failures.Select(f => f.Key + ": " + f.Value)) + ".";
        }
    }
}
