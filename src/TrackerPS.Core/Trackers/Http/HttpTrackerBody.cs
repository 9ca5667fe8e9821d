using System;
using System.Collections.Generic;
using TrackerPS.Core.Bencode;
using TrackerPS.Core.Network;

namespace TrackerPS.Core.Trackers.Http
{
    /// <summary>
    /// The part of reading a tracker body that announce and scrape share (BEP 3 §trackers, BEP 48): bdecode it, require
    /// a dictionary, turn <c>failure reason</c> into an error, and reject a non-2xx status that carries no failure reason.
    /// </summary>
    internal static class HttpTrackerBody
    {
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
            // Built only for an error: a successful announce needs none of it.
            string Answered() => $"Tracker {TrackerUriRedactor.Redact(tracker)} answered HTTP {httpStatus}";
            if (body.Length == 0)
            {
                throw Violation(tracker, httpStatus, $"{Answered()} with an empty body.");
            }

            BencodeDocument document;
            try
            {
                document = BencodeDecoder.Decode(body, s_limits, TrackerUriRedactor.Redact(tracker));
            }
            catch (BencodeException ex)
            {
                throw Violation(tracker, httpStatus, $"{Answered()} with a body that is not bencode ({ex.Reason} at byte {ex.Offset}): \"{TrackerText.Quote(body)}\"", ex);
            }

            if (document.Root is not BDictionary root)
            {
                throw Violation(tracker, httpStatus, $"{Answered()} with {HttpResponseFields.Describe(document.Root)} where a dictionary is required.");
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
                throw new TrackerException(tracker, TrackerErrorKind.FailureReason, $"Tracker {TrackerUriRedactor.Redact(tracker)} failed{status}: {TrackerText.Quote(reason)}")
                {
                    FailureReason = reason,
                    HttpStatusCode = httpStatus,
                    RetryIn = HttpResponseFields.RetryIn(root, new WarningList()),
                };
            }

            if (httpStatus < 200 || httpStatus > 299)
            {
                throw Violation(tracker, httpStatus, $"{Answered()} with a bencoded body that has no failure reason.");
            }

            return root;
        }

        private static TrackerException Violation(Uri tracker, int httpStatus, string message, Exception? inner = null) =>
            new TrackerException(tracker, TrackerErrorKind.ProtocolViolation, message, inner) { HttpStatusCode = httpStatus };
    }
}
