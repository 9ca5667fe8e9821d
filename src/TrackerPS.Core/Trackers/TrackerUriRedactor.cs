using System;
using System.Linq;
using System.Text;

namespace TrackerPS.Core.Trackers
{
    /// <summary>
    /// Hides the secrets private trackers put in announce URIs (passkeys in the query or the path, credentials in the
    /// user info) so a URI can be shown in verbose output and logs. The scheme, host, port and ordinary path stay.
    /// </summary>
    public static class TrackerUriRedactor
    {
        /// <summary>What replaces each hidden part: U+2026 HORIZONTAL ELLIPSIS.</summary>
        public const string Elision = "\u2026";

        /// <summary>A path segment or bare query token of at least this many ASCII letters and digits is taken for a passkey.</summary>
        public const int MinPasskeyLength = 16;

        /// <summary>Redacts a tracker URI: every query value, user info, and every passkey-like path segment become <see cref="Elision"/>.</summary>
        /// <param name="tracker">The URI (absolute or not).</param>
        /// <returns>The text to display, e.g. <c>https://t.example/…/announce?passkey=…</c>.</returns>
        public static string Redact(Uri tracker)
        {
            if (tracker is null)
            {
                throw new ArgumentNullException(nameof(tracker));
            }

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
            var text = new StringBuilder(string.Join("/", path.Split('/').Select(s => LooksLikePasskey(s) ? Elision : s)));
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

            return LooksLikePasskey(part) ? Elision : part;
        }

        private static bool LooksLikePasskey(string segment) =>
            segment.Length >= MinPasskeyLength && segment.All(c => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
    }
}
