using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using TrackerPS.Core.Bencode;
using TrackerPS.Core.Metainfo;

namespace TrackerPS.Core.Trackers.Http
{
    /// <summary>
    /// Parses an HTTP scrape response body (BEP 48): <c>files</c> maps each info-hash to <c>complete</c>,
    /// <c>incomplete</c>, <c>downloaded</c> and optionally <c>name</c>. Keys are the raw 20-byte hash; 40-character
    /// hex keys, which some trackers send, are accepted too, and so are the keys of webtorrent's bittorrent-tracker, which
    /// writes each hash byte as a Latin-1 character encoded in UTF-8 (21 to 40 bytes) when they match a requested hash.
    /// Other keys are skipped. Extensions such as <c>flags</c>/<c>min_request_interval</c> and <c>downloaders</c> are
    /// tolerated. A pure function over bytes.
    /// </summary>
    internal static class HttpScrapeResponseParser
    {
        private const int HexKeyLength = 40;
        private const int RawKeyLength = 20;

        private static readonly Encoding s_strictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

        /// <summary>Parses a response.</summary>
        /// <param name="body">The whole (decompressed) body.</param>
        /// <param name="tracker">The tracker scraped (its announce URI), stamped on each result.</param>
        /// <param name="requested">The info-hashes this request asked for; a text key is read only when it matches one.</param>
        /// <param name="httpStatus">The HTTP status the body came with.</param>
        /// <param name="elapsed">Wall time of the request.</param>
        /// <returns>One result per torrent in <c>files</c>, in the order sent; one note when text keys were decoded.</returns>
        /// <exception cref="TrackerException">See <see cref="HttpTrackerBody.Decode"/>; ProtocolViolation when <c>files</c> is not a dictionary.</exception>
        public static ScrapeResponse Parse(byte[] body, Uri tracker, IEnumerable<InfoHash> requested, int httpStatus, TimeSpan elapsed)
        {
            // ScrapeResult carries no warnings; findings about odd fields only mean the field is reported as absent.
            var ignored = new WarningList();
            BDictionary root = HttpTrackerBody.Decode(body, tracker, httpStatus, ignored);
            if (root["files"] is not BDictionary files)
            {
                throw new TrackerException(tracker, TrackerErrorKind.ProtocolViolation, $"Tracker {TrackerUriRedactor.Redact(tracker)} sent a scrape response without a 'files' dictionary (BEP 48).")
                {
                    HttpStatusCode = httpStatus,
                };
            }

            var wanted = new HashSet<InfoHash>(requested.Select(h => h.Truncated));
            var results = new List<ScrapeResult>();
            int textKeys = 0;
            foreach (KeyValuePair<BString, BValue> file in files.Entries)
            {
                InfoHash? infoHash = KeyToHash(file.Key);
                bool textKey = infoHash is null;
                infoHash ??= TextKeyToHash(file.Key, wanted);
                if (infoHash is null || file.Value is not BDictionary counts)
                {
                    continue;
                }

                textKeys += textKey ? 1 : 0;

                results.Add(new ScrapeResult
                {
                    Tracker = tracker,
                    InfoHash = infoHash.ToHex(),
                    Seeders = HttpResponseFields.Integer(counts, "complete", ignored),
                    Leechers = HttpResponseFields.Integer(counts, "incomplete", ignored),
                    Downloaded = HttpResponseFields.Integer(counts, "downloaded", ignored),
                    Name = HttpResponseFields.String(counts, "name", ignored)?.ToString(),
                    Elapsed = elapsed,
                });
            }

            string[] notes = textKeys == 0 ? new string[0] : new[] { TextKeysNote(tracker, textKeys) };
            return new ScrapeResponse(results, notes);
        }

        private static InfoHash? KeyToHash(BString key)
        {
            if (key.Count == RawKeyLength)
            {
                return new InfoHash(key.ToArray());
            }

            return key.Count == HexKeyLength && InfoHash.TryParse(key.ToString(), out InfoHash? hash) ? hash : null;
        }

        // webtorrent's bittorrent-tracker keeps info-hashes as Latin-1 ("binary") strings and bencodes the keys as UTF-8:
        // each byte of 0x80 or more becomes two bytes, so a key is 21 to 40 bytes of valid UTF-8, all code points at most
        // U+00FF, exactly 20 of them.
        private static InfoHash? TextKeyToHash(BString key, HashSet<InfoHash> wanted)
        {
            if (key.Count <= RawKeyLength || key.Count > 2 * RawKeyLength)
            {
                return null;
            }

            string text;
            try
            {
                text = s_strictUtf8.GetString(key.ToArray());
            }
            catch (DecoderFallbackException)
            {
                return null;
            }

            if (text.Length != RawKeyLength || text.Any(c => c > '\u00FF'))
            {
                return null;
            }

            var hash = new InfoHash(text.Select(c => (byte)c).ToArray());
            return wanted.Contains(hash) ? hash : null;
        }

        private static string TextKeysNote(Uri tracker, int count) =>
            $"Tracker {TrackerUriRedactor.Redact(tracker)} wrote {count} info-hash key(s) of its scrape reply as UTF-8 text of "
            + "the hash bytes read as Latin-1 (as webtorrent's bittorrent-tracker does), not as 20 raw bytes (BEP 48); "
            + "they were decoded and matched to the requested info-hashes.";
    }
}
