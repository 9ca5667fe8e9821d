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
    }
}
