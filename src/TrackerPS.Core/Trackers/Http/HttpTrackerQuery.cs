using System;
using System.Text;

namespace TrackerPS.Core.Trackers.Http
{
    /// <summary>
    /// Builds a tracker request URI by appending <c>name=value</c> pairs to the query an announce or scrape URL already
    /// has (private trackers put a passkey there, BEP 3 §trackers). Existing parameters are kept verbatim: dropping or
    /// merging a tracker's own parameters could break its authentication. A URL that already carries one we add (e.g.
    /// <c>info_hash</c>) never gets here: <see cref="Network.NetworkPolicy.CheckTrackerQuery"/> refuses it first. The
    /// fragment is dropped (it is never sent).
    /// </summary>
    internal sealed class HttpTrackerQuery
    {
        // Room for an announce's parameters after the base URI, so the text is not copied as it grows.
        private const int ParametersCapacity = 256;
        private readonly StringBuilder _text;
        private bool _hasParameters;

        /// <summary>Starts from the URI's escaped scheme, authority, path and query.</summary>
        /// <param name="baseUri">An absolute http or https URI.</param>
        public HttpTrackerQuery(Uri baseUri)
        {
            string start = baseUri.GetComponents(UriComponents.HttpRequestUrl, UriFormat.UriEscaped);
            _text = new StringBuilder(start, start.Length + ParametersCapacity);
            string query = baseUri.Query;
            if (query.Length == 0)
            {
                _text.Append('?');
            }
            else if (query != "?" && !query.EndsWith("&", StringComparison.Ordinal))
            {
                _text.Append('&');
            }
        }

        /// <summary>Appends a parameter whose value is raw bytes (e.g. <c>info_hash</c>), percent-encoded byte by byte.</summary>
        /// <param name="name">The parameter name (unreserved ASCII).</param>
        /// <param name="value">The value bytes.</param>
        /// <returns>This builder.</returns>
        public HttpTrackerQuery Add(string name, byte[] value)
        {
            if (_hasParameters)
            {
                _text.Append('&');
            }

            UriEscaping.EscapeTo(_text.Append(name).Append('='), value);
            _hasParameters = true;
            return this;
        }

        /// <summary>Appends a text parameter, UTF-8 encoded and percent-encoded.</summary>
        /// <param name="name">The parameter name (unreserved ASCII).</param>
        /// <param name="value">The value text.</param>
        /// <returns>This builder.</returns>
        public HttpTrackerQuery Add(string name, string value) => Add(name, Encoding.UTF8.GetBytes(value));

        /// <summary>Creates the URI. Every escape we wrote is <c>%XX</c> with upper-case hex, which <see cref="Uri"/> keeps as is.</summary>
        /// <returns>The absolute URI.</returns>
        public Uri ToUri() => new Uri(_text.ToString(), UriKind.Absolute);
    }
}
