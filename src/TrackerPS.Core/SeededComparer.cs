using System;
using System.Collections.Generic;
using System.Net;

namespace TrackerPS.Core
{
    /// <summary>
    /// Equality for the keys of hash tables that strangers can fill (tracker URLs from torrents and magnet links, peer
    /// addresses and keys from tracker replies and peers, names from torrents and folders): the usual equality, and
    /// <see cref="SeededHash.Process"/> instead of the framework's hash, which .NET Framework does not randomise.
    /// </summary>
    internal static class SeededComparer
    {
        /// <summary>Strings compared ordinally.</summary>
        public static IEqualityComparer<string> Ordinal { get; } = ForOrdinal(SeededHash.Process);

        /// <summary>Strings compared ordinally ignoring case (host names, hex).</summary>
        public static IEqualityComparer<string> OrdinalIgnoreCase { get; } = ForOrdinalIgnoreCase(SeededHash.Process);

        /// <summary>URIs compared as <see cref="Uri.Equals(object)"/> does.</summary>
        public static IEqualityComparer<Uri> Uri { get; } = ForUri(SeededHash.Process);

        /// <summary>IP end points compared as <see cref="IPEndPoint.Equals(object)"/> does.</summary>
        public static IEqualityComparer<IPEndPoint> EndPoint { get; } =
            new SeededComparer<IPEndPoint>(SeededHash.Process, (x, y) => x.Equals(y), HashEndPoint);

        internal static IEqualityComparer<string> ForOrdinal(SeededHash hash) =>
            new SeededComparer<string>(hash, (x, y) => string.Equals(x, y, StringComparison.Ordinal), (h, text) => h.Of(text));

        // OrdinalIgnoreCase equals what ToUpperInvariant makes equal; .NET hashes it over the upper-cased text too.
        internal static IEqualityComparer<string> ForOrdinalIgnoreCase(SeededHash hash) =>
            new SeededComparer<string>(hash, (x, y) => string.Equals(x, y, StringComparison.OrdinalIgnoreCase), (h, text) => h.Of(text.ToUpperInvariant()));

        internal static IEqualityComparer<Uri> ForUri(SeededHash hash) => new SeededComparer<Uri>(hash, (x, y) => x.Equals(y), HashUri);

        /// <summary>Pairs compared part by part, each part with its comparer.</summary>
        public static IEqualityComparer<(T1, T2)> Pair<T1, T2>(IEqualityComparer<T1> first, IEqualityComparer<T2> second) =>
            new SeededComparer<(T1, T2)>(
                SeededHash.Process,
                (x, y) => first.Equals(x.Item1, y.Item1) && second.Equals(x.Item2, y.Item2),
                (_, key) => SeededHash.Combine(first.GetHashCode(key.Item1!), second.GetHashCode(key.Item2!)));

        /// <summary>Triples compared part by part, each part with its comparer.</summary>
        public static IEqualityComparer<(T1, T2, T3)> Triple<T1, T2, T3>(IEqualityComparer<T1> first, IEqualityComparer<T2> second, IEqualityComparer<T3> third) =>
            new SeededComparer<(T1, T2, T3)>(
                SeededHash.Process,
                (x, y) => first.Equals(x.Item1, y.Item1) && second.Equals(x.Item2, y.Item2) && third.Equals(x.Item3, y.Item3),
                (_, key) => SeededHash.Combine(SeededHash.Combine(first.GetHashCode(key.Item1!), second.GetHashCode(key.Item2!)), third.GetHashCode(key.Item3!)));

        /// <summary>
        /// Over what <see cref="Uri.Equals(object)"/> compares, less the user info (so equal URIs hash alike): the
        /// scheme, host, port, path and query, safely unescaped; a relative URI's original string. Uri compares file
        /// and UNC paths ignoring case, so those are hashed upper-cased.
        /// </summary>
        private static int HashUri(SeededHash hash, Uri uri)
        {
            if (!uri.IsAbsoluteUri)
            {
                return hash.Of(uri.OriginalString);
            }

            string compared = uri.GetComponents(UriComponents.HttpRequestUrl, UriFormat.SafeUnescaped);
            return hash.Of(uri.IsFile || uri.IsUnc ? compared.ToUpperInvariant() : compared);
        }

        private static int HashEndPoint(SeededHash hash, IPEndPoint endPoint)
        {
            byte[] address = endPoint.Address.GetAddressBytes();
            return SeededHash.Combine(hash.Of(address, 0, address.Length), endPoint.Port);
        }
    }
}
