using System;
using System.Collections.Generic;
using TrackerPS.Core.Bencode;
using TrackerPS.Core.Metainfo;

namespace TrackerPS.Core.Trackers.Http
{
    /// <summary>
    /// Parses an HTTP scrape response body (BEP 48): <c>files</c> maps each info-hash to <c>complete</c>,
    /// <c>incomplete</c>, <c>downloaded</c> and optionally <c>name</c>. Keys are the raw 20-byte hash; 40-character
    /// hex keys, which some trackers send, are accepted too; other keys are skipped. Extensions such as
    /// <c>flags</c>/<c>min_request_interval</c> and <c>downloaders</c> are tolerated. A pure function over bytes.
    /// </summary>
    internal static class HttpScrapeResponseParser
    {
        private const int HexKeyLength = 40;
        private const int RawKeyLength = 20;

        /// <summary>Parses a response.</summary>
        /// <param name="body">The whole (decompressed) body.</param>
        /// <param name="tracker">The tracker scraped (its announce URI), stamped on each result.</param>
        /// <param name="httpStatus">The HTTP status the body came with.</param>
        /// <param name="elapsed">Wall time of the request.</param>
        /// <returns>One result per torrent in <c>files</c>, in the order sent.</returns>
        /// <exception cref="TrackerException">See <see cref="HttpTrackerBody.Decode"/>; ProtocolViolation when <c>files</c> is not a dictionary.</exception>
        public static IReadOnlyList<ScrapeResult> Parse(byte[] body, Uri tracker, int httpStatus, TimeSpan elapsed)
        {
            // ScrapeResult carries no warnings; findings about odd fields only mean the field is reported as absent.
            var ignored = new List<string>();
            BDictionary root = HttpTrackerBody.Decode(body, tracker, httpStatus, ignored);
            if (root["files"] is not BDictionary files)
            {
                throw new TrackerException(tracker, TrackerErrorKind.ProtocolViolation, $"Tracker {TrackerUriRedactor.Redact(tracker)} sent a scrape response without a 'files' dictionary (BEP 48).")
                {
                    HttpStatusCode = httpStatus,
                };
            }

            var results = new List<ScrapeResult>();
            foreach (KeyValuePair<BString, BValue> file in files.Entries)
            {
                string? infoHash = KeyToHex(file.Key);
                if (infoHash is null || file.Value is not BDictionary counts)
                {
                    continue;
                }

                results.Add(new ScrapeResult
                {
                    Tracker = tracker,
                    InfoHash = infoHash,
                    Seeders = HttpResponseFields.Integer(counts, "complete", ignored),
                    Leechers = HttpResponseFields.Integer(counts, "incomplete", ignored),
                    Downloaded = HttpResponseFields.Integer(counts, "downloaded", ignored),
                    Name = HttpResponseFields.String(counts, "name", ignored)?.ToString(),
                    Elapsed = elapsed,
                });
            }

            return results;
        }

        private static string? KeyToHex(BString key)
        {
            if (key.Count == RawKeyLength)
            {
                return new InfoHash(key.ToArray()).ToHex();
            }

            return key.Count == HexKeyLength && InfoHash.TryParse(key.ToString(), out InfoHash? hash) ? hash!.ToHex() : null;
        }
    }
}
