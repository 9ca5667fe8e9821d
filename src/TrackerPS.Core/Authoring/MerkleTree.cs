using System;
using System.Security.Cryptography;
using System.Runtime.CompilerServices;
using TrackerPS.Core.Runtime;

namespace TrackerPS.Core.Authoring
{
    /// <summary>
    /// BEP 52 merkle trees of SHA-256 hashes: leaves are the hashes of a file's 16 KiB blocks, padded to a power of two
    /// with zero hashes (32 zero bytes); each node is the SHA-256 of its two children concatenated.
    /// </summary>
    public static class MerkleTree
    {
        /// <summary>The leaf block size: 16 KiB.</summary>
        public const int BlockSize = 16 * 1024;

        /// <summary>The size of a hash: 32 bytes.</summary>
        public const int HashSize = 32;

        /// <summary>The root over <paramref name="count"/> hashes stored back to back, padded to <paramref name="width"/> leaves with <paramref name="pad"/>.</summary>
        /// <param name="hashes">The hashes, 32 bytes each, from <paramref name="offset"/>.</param>
        /// <param name="offset">Where the first hash starts.</param>
        /// <param name="count">How many hashes there are (at least 1).</param>
        /// <param name="width">The number of leaves: a power of two, at least <paramref name="count"/>.</param>
        /// <param name="pad">The value of each missing leaf (32 bytes).</param>
        /// <param name="sha256">The hash algorithm to use (not shared between threads).</param>
        /// <returns>The 32-byte root; the only hash itself when width is 1.</returns>
        [MethodImpl(HotPath.Optimized)]
        public static byte[] Root(byte[] hashes, int offset, int count, int width, byte[] pad, SHA256 sha256)
        {
            if (count < 1 || width < count || (width & (width - 1)) != 0)
            {
                throw new ArgumentOutOfRangeException(nameof(width), width, $"A merkle tree of {count} leaves needs a power of two at least that wide.");
            }

            // One working copy of the leaves: each level is written over the front of the one below it (node i reads
            // nodes 2i and 2i+1, never before them), so a tree costs one array whatever its height.
            var layer = new byte[count * HashSize];
            Buffer.BlockCopy(hashes, offset, layer, 0, layer.Length);
            byte[] padding = pad;
            var pair = new byte[2 * HashSize];
            for (int size = width; size > 1; size /= 2)
            {
                int filled = (count + 1) / 2;
                for (int i = 0; i < filled; i++)
                {
                    Buffer.BlockCopy(layer, 2 * i * HashSize, pair, 0, HashSize);
                    if ((2 * i) + 1 < count)
                    {
                        Buffer.BlockCopy(layer, ((2 * i) + 1) * HashSize, pair, HashSize, HashSize);
                    }
                    else
                    {
                        Buffer.BlockCopy(padding, 0, pair, HashSize, HashSize);
                    }

                    Buffer.BlockCopy(sha256.ComputeHash(pair), 0, layer, i * HashSize, HashSize);
                }

                Buffer.BlockCopy(padding, 0, pair, 0, HashSize);
                Buffer.BlockCopy(padding, 0, pair, HashSize, HashSize);
                padding = sha256.ComputeHash(pair);
                count = filled;
            }

            if (layer.Length == HashSize)
            {
                return layer;
            }

            var root = new byte[HashSize];
            Buffer.BlockCopy(layer, 0, root, 0, HashSize);
            return root;
        }

        /// <summary>The root of a subtree of <paramref name="width"/> zero leaves: what pads a file's piece layer (BEP 52).</summary>
        /// <param name="width">The number of leaves, a power of two.</param>
        /// <param name="sha256">The hash algorithm to use.</param>
        /// <returns>The 32-byte hash.</returns>
        public static byte[] ZeroSubtree(int width, SHA256 sha256)
        {
            byte[] node = new byte[HashSize];
            var pair = new byte[2 * HashSize];
            for (int size = width; size > 1; size /= 2)
            {
                Buffer.BlockCopy(node, 0, pair, 0, HashSize);
                Buffer.BlockCopy(node, 0, pair, HashSize, HashSize);
                node = sha256.ComputeHash(pair);
            }

            return node;
        }

        /// <summary>The smallest power of two at least <paramref name="count"/>.</summary>
        /// <param name="count">A positive count.</param>
        /// <returns>The power of two.</returns>
        public static int NextPowerOfTwo(long count)
        {
            long width = 1;
            while (width < count)
            {
                width *= 2;
            }

            return checked((int)width);
        }
    }
}
