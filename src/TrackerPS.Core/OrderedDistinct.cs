using System;
using System.Collections.Generic;

namespace TrackerPS.Core
{
    /// <summary>
    /// Drops repeated items, keeping the first of each in input order, by sorting instead of hashing: an input can
    /// choose strings whose hash codes collide (string hashing is not randomised on .NET Framework), but it cannot make
    /// a sort slower than O(n log n) comparisons. Used for the URL lists of a torrent (BEP 12, 17, 19).
    /// </summary>
    internal static class OrderedDistinct
    {
        /// <summary>The items whose key (compared ordinally) was not seen before, in input order.</summary>
        public static List<T> By<T>(IReadOnlyList<T> items, Func<T, string> key) => By(items, key, StringComparer.Ordinal);

        /// <summary>
        /// The items whose key was not seen before under <paramref name="comparer"/> (ordinal, or a test's counting
        /// wrapper of it), in input order: at most n·⌈log2 n⌉·2 + n comparisons for n items (a sort, then neighbours).
        /// </summary>
        public static List<T> By<T>(IReadOnlyList<T> items, Func<T, string> key, IComparer<string> comparer)
        {
            var result = new List<T>(items.Count);
            if (items.Count < 2)
            {
                result.AddRange(items);
                return result;
            }

            var keys = new string[items.Count];
            var order = new int[items.Count];
            for (int i = 0; i < keys.Length; i++)
            {
                keys[i] = key(items[i]);
                order[i] = i;
            }

            // Ties broken by position, so the first of each run of equal keys is the one that came first.
            Array.Sort(order, (a, b) =>
            {
                int byKey = comparer.Compare(keys[a], keys[b]);
                return byKey != 0 ? byKey : a.CompareTo(b);
            });
            var repeated = new bool[items.Count];
            for (int i = 1; i < order.Length; i++)
            {
                repeated[order[i]] = comparer.Compare(keys[order[i]], keys[order[i - 1]]) == 0;
            }

            for (int i = 0; i < items.Count; i++)
            {
                if (!repeated[i])
                {
                    result.Add(items[i]);
                }
            }

            return result;
        }
    }
}
