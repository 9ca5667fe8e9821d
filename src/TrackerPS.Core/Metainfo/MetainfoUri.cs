using System;
using System.Collections.Generic;
using TrackerPS.Core.Bencode;

namespace TrackerPS.Core.Metainfo
{
    /// <summary>
    /// Parses the URLs a torrent lists (trackers, web seeds, HTTP seeds). A URL that does not parse, or has a scheme
    /// the list cannot use, is skipped with a warning: one bad URL never makes the torrent unreadable.
    /// </summary>
    internal static class MetainfoUri
    {
        /// <summary>Tracker schemes: HTTP(S) (BEP 3), UDP (BEP 15), WebSocket (WebTorrent).</summary>
        public static readonly string[] TrackerSchemes = { "http", "https", "udp", "wss", "ws" };

        /// <summary>BEP 19 web seeds: HTTP(S) or FTP servers.</summary>
        public static readonly string[] WebSeedSchemes = { "http", "https", "ftp" };

        /// <summary>BEP 17 HTTP seeds: HTTP(S) scripts.</summary>
        public static readonly string[] HttpSeedSchemes = { "http", "https" };

        /// <summary>Parses one URL string; null (with a warning) when it is not a string, not absolute, or has another scheme.</summary>
        public static Uri? TryParse(BValue value, MetainfoLabel label, string[] schemes, MetainfoContext context)
        {
            if (value is not BString text)
            {
                context.Warn(value.Offset, $"'{label}' ignored: expected a URL string, found {MetainfoContext.Describe(value.Kind)}");
                return null;
            }

            string url = text.ToString().Trim();
            if (!Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) || !HasScheme(schemes, uri.Scheme) || url.IndexOf("://", StringComparison.Ordinal) < 0)
            {
                context.Warn(text.Offset, $"'{label}' ignored: '{url}' is not a valid {string.Join("/", schemes)} URL");
                return null;
            }

            return uri;
        }

        /// <summary>Reads a key holding one URL string or a list of them (BEP 19 <c>url-list</c>, BEP 17 <c>httpseeds</c>), each URL once.</summary>
        public static Uri[] ReadList(BDictionary dictionary, string key, string[] schemes, MetainfoContext context) =>
            ReadList(dictionary, key, schemes, context, StringComparer.Ordinal);

        /// <summary>As above, the URLs compared by <paramref name="comparer"/>: ordinal, or a test's counting wrapper of it.</summary>
        internal static Uri[] ReadList(BDictionary dictionary, string key, string[] schemes, MetainfoContext context, IComparer<string> comparer)
        {
            BValue? value = dictionary[key];
            IReadOnlyList<BValue> items = value switch
            {
                null => Array.Empty<BValue>(),
                BList list => list.Items,
                _ => new[] { value },
            };
            var uris = new List<Uri>();
            for (int i = 0; i < items.Count; i++)
            {
                // An empty string is how some tools write "no web seeds".
                if (items[i] is BString { Count: 0 })
                {
                    continue;
                }

                MetainfoLabel label = value is BList ? ((MetainfoLabel)key).Index(i) : key;
                Uri? uri = TryParse(items[i], label, schemes, context);
                if (uri is not null)
                {
                    uris.Add(uri);
                }
            }

            return OrderedDistinct.By(uris, u => u.OriginalString, comparer).ToArray();
        }

        /// <summary>True when <paramref name="uri"/> is absolute, written with <c>://</c> and has one of <paramref name="schemes"/>: what <see cref="TryParse"/> accepts.</summary>
        public static bool IsUsable(Uri uri, string[] schemes) =>
            uri.IsAbsoluteUri && HasScheme(schemes, uri.Scheme) && uri.OriginalString.IndexOf("://", StringComparison.Ordinal) >= 0;

        private static bool HasScheme(string[] schemes, string scheme)
        {
            foreach (string allowed in schemes)
            {
                if (string.Equals(allowed, scheme, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
