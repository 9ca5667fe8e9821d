using System;
using System.Collections.Generic;
using System.Net;
using TrackerPS.Core.Bencode;

namespace TrackerPS.Core.Trackers.Http
{
    /// <summary>
    /// Parses an HTTP announce response body (BEP 3 §trackers; BEP 23 compact peers; BEP 7 <c>peers6</c>; BEP 24
    /// <c>external ip</c>; BEP 31 <c>retry in</c>). A pure function over bytes: no I/O.
    /// </summary>
    internal static class HttpAnnounceResponseParser
    {
        /// <summary>Parses a response.</summary>
        /// <param name="body">The whole (decompressed) body.</param>
        /// <param name="request">The announce it answers (its tracker and info-hash are stamped on the result and peers).</param>
        /// <param name="httpStatus">The HTTP status the body came with.</param>
        /// <param name="elapsed">Wall time of the request.</param>
        /// <returns>The response.</returns>
        /// <exception cref="TrackerException">See <see cref="HttpTrackerBody.Decode"/>.</exception>
        public static AnnounceResponse Parse(byte[] body, AnnounceRequest request, int httpStatus, TimeSpan elapsed)
        {
            var warnings = new WarningList();
            BDictionary root = HttpTrackerBody.Decode(body, request.Tracker, httpStatus, warnings);
            string infoHash = request.InfoHash.Truncated.ToHex();
            TimeSpan? interval = HttpResponseFields.Seconds(root, "interval", warnings);
            if (root["interval"] is null)
            {
                warnings.Add("'interval' is missing");
            }

            return new AnnounceResponse
            {
                Tracker = request.Tracker,
                InfoHash = infoHash,
                Interval = interval ?? TimeSpan.Zero,
                MinInterval = HttpResponseFields.Seconds(root, "min interval", warnings),
                TrackerId = HttpResponseFields.String(root, "tracker id", warnings)?.ToString(),
                Seeders = HttpResponseFields.Integer(root, "complete", warnings),
                Leechers = HttpResponseFields.Integer(root, "incomplete", warnings),
                Downloaded = HttpResponseFields.Integer(root, "downloaded", warnings),
                ExternalIPAddress = ExternalIPAddress(root, warnings)?.ToString(),
                WarningMessage = HttpResponseFields.String(root, "warning message", warnings)?.ToString(),
                RetryIn = HttpResponseFields.RetryIn(root, warnings),
                Peers = HttpPeerParser.Parse(root, infoHash, request.Tracker, warnings),
                Elapsed = elapsed,
                Warnings = warnings.ToArray(),
            };
        }

        /// <summary>BEP 24 <c>external ip</c>: 4 (IPv4) or 16 (IPv6) raw address bytes.</summary>
        private static IPAddress? ExternalIPAddress(BDictionary root, WarningList warnings)
        {
            BString? raw = HttpResponseFields.String(root, "external ip", warnings);
            if (raw is null)
            {
                return null;
            }

            if (raw.Count != 4 && raw.Count != 16)
            {
                warnings.Add($"'external ip' is {raw.Count} bytes, neither 4 (IPv4) nor 16 (IPv6); ignored");
                return null;
            }

            return new IPAddress(raw.ToArray());
        }
    }
}
