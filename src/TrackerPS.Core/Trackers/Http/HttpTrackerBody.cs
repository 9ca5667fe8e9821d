using System;
using System.Collections.Generic;
using System.Text;
using TrackerPS.Core.Bencode;

namespace TrackerPS.Core.Trackers.Http
{
    /// <summary>
    /// The part of reading a tracker body that announce and scrape share (BEP 3 §trackers, BEP 48): bdecode it, require
    /// a dictionary, turn <c>failure reason</c> into an error, and reject a non-2xx status that carries no failure reason.
    /// </summary>
    internal static class HttpTrackerBody
    {
        /// <summary>Characters of a non-bencode body (an HTML error page, say) quoted in the error message.</summary>
        public const int ExcerptLength = 200;

        // Trackers append newlines or padding after the dictionary often enough that trailing bytes are a warning, not an error.
        private static readonly BencodeLimits s_limits = new BencodeLimits { AllowTrailingBytes = true };

        /// <summary>Decodes a tracker body to its root dictionary.</summary>
        /// <param name="body">The whole (decompressed) body.</param>
        /// <param name="tracker">The tracker, for messages.</param>
        /// <param name="httpStatus">The HTTP status code the body came with.</param>
        /// <param name="warnings">Receives decoder findings and the count of trailing bytes.</param>
        /// <returns>The root dictionary of a successful (2xx, no <c>failure reason</c>) response.</returns>
        /// <exception cref="TrackerException">FailureReason when the tracker sent one; ProtocolViolation for an empty or
        /// non-bencode body, a root that is not a dictionary, or a non-2xx status without a failure reason.</exception>
        public static BDictionary Decode(byte[] body, Uri tracker, int httpStatus, WarningList warnings)
        {
            string answered = $"Tracker {TrackerUriRedactor.Redact(tracker)} answered HTTP {httpStatus}";
            if (body.Length == 0)
            {
                throw Violation(tracker, httpStatus, $"{answered} with an empty body.");
            }

            BencodeDocument document;
            try
            {
                document = BencodeDecoder.Decode(body, s_limits, TrackerUriRedactor.Redact(tracker));
            }
            catch (BencodeException ex)
            {
                throw Violation(tracker, httpStatus, $"{answered} with a body that is not bencode ({ex.Reason} at byte {ex.Offset}): \"{Excerpt(body)}\"", ex);
            }

            if (document.Root is not BDictionary root)
            {
                throw Violation(tracker, httpStatus, $"{answered} with {HttpResponseFields.Describe(document.Root)} where a dictionary is required.");
            }

            foreach (BencodeDiagnostic diagnostic in document.Warnings)
            {
                warnings.Add("bencode " + diagnostic);
            }

            warnings.Drop(document.DroppedWarnings);

            if (document.TrailingBytes > 0)
            {
                warnings.Add($"{document.TrailingBytes} trailing bytes after the bencoded response");
            }

            BValue? failure = root["failure reason"];
            if (failure is not null)
            {
                string reason = HttpResponseFields.Text(failure);
                string status = httpStatus == 200 ? string.Empty : $" (HTTP {httpStatus})";
                throw new TrackerException(tracker, TrackerErrorKind.FailureReason, $"Tracker {TrackerUriRedactor.Redact(tracker)} failed{status}: {reason}")
                {
                    FailureReason = reason,
                    HttpStatusCode = httpStatus,
                    RetryIn = HttpResponseFields.RetryIn(root, new WarningList()),
                };
            }

            if (httpStatus < 200 || httpStatus > 299)
            {
                throw Violation(tracker, httpStatus, $"{answered} with a bencoded body that has no failure reason.");
            }

            return root;
        }

        /// <summary>The start of a body as one line of text: at most <see cref="ExcerptLength"/> characters, control characters as spaces.</summary>
        /// <param name="body">The body.</param>
        /// <returns>The excerpt, ending in an ellipsis when cut.</returns>
        internal static string Excerpt(byte[] body)
        {
            // Four bytes per character is the most UTF-8 needs, so this many bytes always yield enough characters.
            string text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, ExcerptLength * 4));
            var excerpt = new StringBuilder(ExcerptLength + 1);
            foreach (char c in text)
            {
                if (excerpt.Length == ExcerptLength)
                {
                    return excerpt.Append('…').ToString();
                }

                bool blank = char.IsControl(c) || char.IsWhiteSpace(c);
                if (!blank)
                {
                    excerpt.Append(c);
                }
                else if (excerpt.Length > 0 && excerpt[excerpt.Length - 1] != ' ')
                {
                    excerpt.Append(' ');
                }
            }

            return excerpt.ToString().TrimEnd();
        }

        private static TrackerException Violation(Uri tracker, int httpStatus, string message, Exception? inner = null) =>
            new TrackerException(tracker, TrackerErrorKind.ProtocolViolation, message, inner) { HttpStatusCode = httpStatus };
    }
}
