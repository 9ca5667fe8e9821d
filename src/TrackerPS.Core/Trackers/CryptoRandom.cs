using System;
using System.Security.Cryptography;

namespace TrackerPS.Core.Trackers
{
    /// <summary>Cryptographic random bytes for peer ids and keys (a guessable key would let others impersonate us, BEP 7/15).</summary>
    internal static class CryptoRandom
    {
        /// <summary>Returns <paramref name="count"/> random bytes.</summary>
        /// <param name="count">How many bytes.</param>
        /// <returns>A new array.</returns>
        public static byte[] GetBytes(int count)
        {
            var bytes = new byte[count];
            using (RandomNumberGenerator rng = RandomNumberGenerator.Create())
            {
                rng.GetBytes(bytes);
            }

            return bytes;
        }

        /// <summary>Returns a random 32-bit unsigned integer.</summary>
        /// <returns>The number.</returns>
        public static uint GetUInt32() => BitConverter.ToUInt32(GetBytes(sizeof(uint)), 0);

        /// <summary>Returns a uniformly random integer in [0, <paramref name="maxExclusive"/>).</summary>
        /// <param name="maxExclusive">The exclusive upper bound (≥ 1).</param>
        /// <returns>The number.</returns>
        public static int GetInt32(int maxExclusive)
        {
            // Rejection sampling: draws at or above the largest multiple of the bound would favour small results.
            uint bound = (uint)maxExclusive;
            uint limit = uint.MaxValue - (uint.MaxValue % bound);
            uint draw;
            do
            {
                draw = GetUInt32();
            }
            while (draw >= limit);

            return (int)(draw % bound);
        }

        /// <summary>Shuffles <paramref name="items"/> in place (Fisher–Yates).</summary>
        /// <typeparam name="T">The element type.</typeparam>
        /// <param name="items">The items.</param>
        public static void Shuffle<T>(T[] items)
        {
            for (int i = items.Length - 1; i > 0; i--)
            {
                int j = GetInt32(i + 1);
                (items[i], items[j]) = (items[j], items[i]);
            }
        }
    }
}
