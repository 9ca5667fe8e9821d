using System;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;

namespace TrackerPS.Core.Network
{
    /// <summary>
    /// Hides the secrets private trackers put in announce URIs (passkeys in the query or the path, credentials in the
    /// user info) so a URI can be shown in messages, warnings, verbose output and logs. The scheme, host, port and
    /// ordinary path stay. Every text that names a tracker goes through <see cref="Redact"/>; only
    /// a tracker exception's <c>Tracker</c> and error records' target objects keep the real URI.
    /// </summary>
    public static class TrackerUriRedactor
    {
        /// <summary>What replaces each hidden part: U+2026 HORIZONTAL ELLIPSIS.</summary>
        public const string Elision = "\u2026";

        /// <summary>
        /// A run of at least this many hex or base64url characters (RFC 4648 §5: letters, digits, <c>-</c>, <c>_</c>) in
        /// the path or in a bare query token is taken for a passkey, unless it reads as words joined by <c>-</c> or <c>_</c>.
        /// </summary>
        public const int MinPasskeyLength = 16;

        private static readonly Regex s_base64UrlRun = new Regex("[A-Za-z0-9_-]{" + MinPasskeyLength + ",}", RegexOptions.CultureInvariant);

        // Each URI is redacted once (a Uri is immutable): an announce names its tracker in the texts it prepares, and a
        // run of 2,000 announces to one tracker would otherwise run the regex thousands of times. Weak, so no URI is kept.
        private static readonly ConditionalWeakTable<Uri, string> s_redacted = new ConditionalWeakTable<Uri, string>();
        private static readonly ConditionalWeakTable<Uri, string>.CreateValueCallback s_redact = RedactOnce;

        /// <summary>Redacts a tracker URI: every query value, the user info, and every passkey-like run in the path become <see cref="Elision"/>.</summary>
        /// <param name="tracker">The URI (absolute or not).</param>
        /// <returns>The text to display, e.g. <c>https://t.example/…/announce?passkey=…</c>.</returns>
        public static string Redact(Uri tracker)
        {
            if (tracker is null)
            {
                throw new ArgumentNullException(nameof(tracker));
            }

            return s_redacted.GetValue(tracker, s_redact);
        }

        private static string RedactOnce(Uri tracker)
        {
            if (!tracker.IsAbsoluteUri)
            {
                return RedactPathAndQuery(tracker.OriginalString);
            }

            string userInfo = tracker.UserInfo.Length > 0 ? Elision + "@" : string.Empty;
            return tracker.Scheme + "://" + userInfo + tracker.Authority + RedactPathAndQuery(tracker.PathAndQuery);
        }

        private static string RedactPathAndQuery(string pathAndQuery)
        {
            int queryStart = pathAndQuery.IndexOf('?');
            string path = queryStart < 0 ? pathAndQuery : pathAndQuery.Substring(0, queryStart);
            var text = new StringBuilder(RedactRuns(path));
            if (queryStart >= 0)
            {
                text.Append('?').Append(string.Join("&", pathAndQuery.Substring(queryStart + 1).Split('&').Select(RedactQueryPart)));
            }

            return text.ToString();
        }

        private static string RedactQueryPart(string part)
        {
            int equals = part.IndexOf('=');
            if (equals >= 0)
            {
                return part.Substring(0, equals + 1) + Elision;
            }

            return RedactRuns(part);
        }

        // Runs rather than whole segments, so a key stays hidden next to other text ("key.php", or "announce%3Fpasskey=…"
        // where a scheme without a query keeps '?' escaped in the path).
        private static string RedactRuns(string text) =>
            s_base64UrlRun.Replace(text, run => IsJoinedWords(run.Value) ? run.Value : Elision);

        // "very-long-tracker-name" or "Open_Tracker": letters only, each word capitalised at most at its start. A random
        // base64url key has digits or inner capitals, so it is not taken for words.
        private static bool IsJoinedWords(string segment)
        {
            string[] words = segment.Split('-', '_');
            return words.Length > 1 && words.All(w => w.Length > 0 && w.All(char.IsLetter) && w.Skip(1).All(char.IsLower));
        }
    }
}
