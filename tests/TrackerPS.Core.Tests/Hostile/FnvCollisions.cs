using System;
using System.Collections.Generic;

namespace TrackerPS.Core.Tests.Hostile
{
    /// <summary>
    /// Keys whose unseeded 32-bit FNV-1a hashes are all equal (the hash <c>BString</c> used before issue 10). Each key is
    /// <c>blocks</c> 4-byte blocks; for every block position a birthday search finds two blocks that take the hash from
    /// the same state to the same state, so any choice of one block per position collides: 2^blocks keys.
    /// </summary>
    internal static class FnvCollisions
    {
        public const uint OffsetBasis = 2166136261;
        private const uint Prime = 16777619;

        /// <summary>2^<paramref name="blocks"/> distinct keys of 4 × <paramref name="blocks"/> bytes with one FNV-1a hash.</summary>
        public static List<byte[]> Keys(int blocks)
        {
            var pairs = new (uint A, uint B)[blocks];
            uint state = OffsetBasis;
            var random = new Random(10);
            for (int i = 0; i < blocks; i++)
            {
                pairs[i] = CollidingPair(state, random);
                state = Step(state, pairs[i].A);
            }

            var keys = new List<byte[]>(1 << blocks);
            for (int choice = 0; choice < 1 << blocks; choice++)
            {
                var key = new byte[4 * blocks];
                for (int i = 0; i < blocks; i++)
                {
                    uint block = (choice >> i & 1) == 0 ? pairs[i].A : pairs[i].B;
                    BitConverter.GetBytes(block).CopyTo(key, 4 * i);
                }

                keys.Add(key);
            }

            return keys;
        }

        /// <summary>FNV-1a over <paramref name="bytes"/> from the standard offset basis.</summary>
        public static int Hash(byte[] bytes)
        {
            uint hash = OffsetBasis;
            foreach (byte b in bytes)
            {
                hash = (hash ^ b) * Prime;
            }

            return unchecked((int)hash);
        }

        private static (uint, uint) CollidingPair(uint state, Random random)
        {
            var seen = new Dictionary<uint, uint>();
            var block = new byte[4];
            while (true)
            {
                random.NextBytes(block);
                uint candidate = BitConverter.ToUInt32(block, 0);
                uint next = Step(state, candidate);
                if (seen.TryGetValue(next, out uint other) && other != candidate)
                {
                    return (other, candidate);
                }

                seen[next] = candidate;
            }
        }

        private static uint Step(uint state, uint block)
        {
            byte[] bytes = BitConverter.GetBytes(block);
            foreach (byte b in bytes)
            {
                state = unchecked((state ^ b) * Prime);
            }

            return state;
        }
    }
}
