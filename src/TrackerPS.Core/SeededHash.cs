using System;
using System.Security.Cryptography;

namespace TrackerPS.Core
{
    /// <summary>
    /// The hash for keys that strangers choose (bencode keys, tracker URLs, peer addresses, info-hashes): FNV-1a from a
    /// seed, then MurmurHash3's finalizer. <see cref="Process"/> has a random seed per process, so that no input can be
    /// built whose keys all land in one bucket of a hash table (issue 10: 19,683 bencode keys colliding under the
    /// unseeded hash took 2 s in a set). .NET Framework, under Windows PowerShell 5.1, does not randomise
    /// <see cref="string.GetHashCode()"/> (nor <see cref="Uri"/>'s, nor an IPv4 address's, which is the address), so
    /// the framework's own hashes cannot be used for such keys; <see cref="SeededComparer"/> applies this one to them.
    /// </summary>
    internal readonly struct SeededHash
    {
        private const uint FnvPrime = 16777619;

        /// <summary>Creates the hash with <paramref name="seed"/> (tests; the code uses <see cref="Process"/>).</summary>
        public SeededHash(uint seed)
        {
            Seed = seed;
        }

        /// <summary>The hash every table of this process uses, seeded from a cryptographic random number generator.</summary>
        public static SeededHash Process { get; } = new SeededHash(RandomSeed());

        /// <summary>The seed.</summary>
        public uint Seed { get; }

        /// <summary>Hashes <paramref name="count"/> bytes of <paramref name="buffer"/> from <paramref name="start"/>.</summary>
        public int Of(byte[] buffer, int start, int count)
        {
            unchecked
            {
                uint hash = Seed;
                for (int i = 0; i < count; i++)
                {
                    hash = (hash ^ buffer[start + i]) * FnvPrime;
                }

                return Finish(hash);
            }
        }

        /// <summary>Hashes the UTF-16 code units of <paramref name="text"/> (each as two bytes, low byte first).</summary>
        public int Of(string text)
        {
            unchecked
            {
                uint hash = Seed;
                foreach (char c in text)
                {
                    hash = (hash ^ (byte)c) * FnvPrime;
                    hash = (hash ^ (uint)(c >> 8)) * FnvPrime;
                }

                return Finish(hash);
            }
        }

        /// <summary>Combines two hashes of a compound key's parts (each already seeded), as <c>System.HashCode</c> does.</summary>
        public static int Combine(int first, int second) => unchecked((int)(((uint)first * 0x9E3779B1) ^ (uint)second));

        private static int Finish(uint hash)
        {
            unchecked
            {
                hash ^= hash >> 16;
                hash *= 0x85EBCA6B;
                hash ^= hash >> 13;
                hash *= 0xC2B2AE35;
                hash ^= hash >> 16;
                return (int)hash;
            }
        }

        private static uint RandomSeed()
        {
            var seed = new byte[4];
            using (var random = RandomNumberGenerator.Create())
            {
                random.GetBytes(seed);
            }

            return BitConverter.ToUInt32(seed, 0);
        }
    }
}
