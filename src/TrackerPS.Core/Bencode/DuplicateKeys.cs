using System;

namespace TrackerPS.Core.Bencode
{
    /// <summary>
    /// Finds a repeated key in a decoded dictionary whose keys are not sorted. The keys are sorted rather than hashed:
    /// an input can pick keys whose hashes all collide (19,683 colliding keys took 2 s in a hash set), but no input makes
    /// a sort take more than O(n log n) comparisons.
    /// </summary>
    internal static class DuplicateKeys
    {
        /// <summary>The first key, in input order, that repeats an earlier one.</summary>
        /// <param name="tokens">The decoded tokens.</param>
        /// <param name="dictionary">The dictionary's token index.</param>
        /// <param name="keyCount">How many keys it has.</param>
        /// <returns>The repeating key's token index, or -1 when every key differs.</returns>
        internal static int FindFirst(BencodeTokenList tokens, int dictionary, int keyCount)
        {
            var keys = new int[keyCount];
            for (int i = 0, k = dictionary + 1; i < keyCount; i++, k = tokens.Next(tokens.Next(k)))
            {
                keys[i] = k;
            }

            // Token indexes grow with the input offset, so ties broken by index put the first occurrence first.
            Array.Sort(keys, (a, b) =>
            {
                int order = tokens.CompareStrings(a, b);
                return order != 0 ? order : a.CompareTo(b);
            });
            int duplicate = -1;
            for (int i = 1; i < keys.Length; i++)
            {
                if (tokens.CompareStrings(keys[i - 1], keys[i]) == 0 && (duplicate < 0 || keys[i] < duplicate))
                {
                    duplicate = keys[i];
                }
            }

            return duplicate;
        }
    }
}
