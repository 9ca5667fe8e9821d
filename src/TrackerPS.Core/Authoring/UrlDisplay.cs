using System;
using TrackerPS.Core.Network;

namespace TrackerPS.Core.Authoring
{
    /// <summary>How an edit shows a URL in its list of changes: redacted, so no passkey is ever displayed.</summary>
    internal static class UrlDisplay
    {
        /// <summary>The URL with every query value, the user info and any passkey-like path run hidden (<see cref="TrackerUriRedactor"/>).</summary>
        public static string Show(string url) => Uri.TryCreate(url, UriKind.RelativeOrAbsolute, out Uri? uri)
            ? TrackerUriRedactor.Redact(uri)
            : TrackerUriRedactor.Elision;
    }
}
