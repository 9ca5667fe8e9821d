using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Threading;
using System.Runtime.CompilerServices;
using TrackerPS.Core.Runtime;

namespace TrackerPS.Core.Authoring
{
    /// <summary>
    /// The hashing itself, on worker threads: SHA-1 of each v1 piece (BEP 3), and for v2 (BEP 52) the SHA-256 of each
    /// 16 KiB block of a file's data in the piece (the last block may be shorter), combined into the piece's merkle hash
    /// (leaves padded with zeros to a whole piece) or, for a file of one piece, straight into its <c>pieces root</c>
    /// (leaves padded to a power of two). Each result goes to its own slot, so workers never share a lock.
    /// </summary>
    internal sealed class PieceWork
    {
        private static readonly byte[] s_zeroHash = new byte[MerkleTree.HashSize];
        private static readonly byte[] s_zeros = new byte[64 * 1024];
        private readonly ContentLayout _layout;
        private readonly byte[]? _v1;
        private readonly byte[]? _v2;
        private readonly byte[]?[] _roots;
        private readonly int[] _pieceOwner;
        private readonly int _blocksPerPiece;

        public PieceWork(ContentLayout layout, bool v1, bool v2)
        {
            _layout = layout;
            long pieces = layout.PieceCount;
            _v1 = v1 ? new byte[checked(pieces * 20)] : null;
            _v2 = v2 ? new byte[checked(pieces * MerkleTree.HashSize)] : null;
            _roots = new byte[]?[layout.Entries.Count];
            _pieceOwner = layout.IsAligned ? Owners(layout) : Array.Empty<int>();
            _blocksPerPiece = (int)Math.Max(1, layout.PieceLength / MerkleTree.BlockSize);
        }

        /// <summary>
        /// Bytes of a piece that <see cref="ContentReader.Fill"/> stores in a chunk's buffer: the whole piece, or in an
        /// aligned layout only its file data (the rest is pad).
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        public int StoredLength(long piece) => _layout.IsAligned ? DataLength(piece) : StreamLength(piece);

        /// <summary>Bytes of the whole stream that <see cref="ContentReader.Fill"/> stores: the sum of <see cref="StoredLength"/>.</summary>
        [MethodImpl(HotPath.Optimized)]
        public long TotalStoredLength()
        {
            if (!_layout.IsAligned)
            {
                return _layout.StreamLength;
            }

            long total = 0;
            for (long piece = 0; piece < _layout.PieceCount; piece++)
            {
                total += DataLength(piece);
            }

            return total;
        }

        /// <summary>Splits a chunk into about <paramref name="parts"/> runs of pieces per algorithm.</summary>
        public List<WorkItem> Split(Chunk chunk, int parts)
        {
            int per = Math.Max(1, (chunk.PieceCount + parts - 1) / parts);
            var items = new List<WorkItem>();
            int bufferStart = 0;
            for (int first = 0; first < chunk.PieceCount; first += per)
            {
                int count = Math.Min(per, chunk.PieceCount - first);
                if (_v1 is not null)
                {
                    items.Add(new WorkItem(chunk, false, first, count, bufferStart));
                }

                if (_v2 is not null)
                {
                    items.Add(new WorkItem(chunk, true, first, count, bufferStart));
                }

                for (int k = first; k < first + count; k++)
                {
                    bufferStart += StoredLength(chunk.FirstPiece + k);
                }
            }

            return items;
        }

        [MethodImpl(HotPath.Optimized)]
        public void Hash(WorkItem item, SHA1 sha1, SHA256 sha256, CancellationToken token)
        {
            Chunk chunk = item.Chunk;
            int start = item.BufferStart;
            for (int k = item.FirstPiece; k < item.FirstPiece + item.PieceCount; k++)
            {
                token.ThrowIfCancellationRequested();
                long piece = chunk.FirstPiece + k;
                int stored = StoredLength(piece);
                if (item.IsV2)
                {
                    HashV2(chunk.Buffer, start, piece, sha256);
                }
                else
                {
                    Buffer.BlockCopy(HashV1(chunk.Buffer, start, StreamLength(piece), stored, sha1), 0, _v1!, (int)(piece * 20), 20);
                }

                start += stored;
            }
        }

        /// <summary>Completes the roots of files longer than one piece, from their piece hashes.</summary>
        [MethodImpl(HotPath.Optimized)]
        public PieceHashes Finish()
        {
            if (_v2 is not null)
            {
                using SHA256 sha256 = SHA256.Create();
                byte[] pad = MerkleTree.ZeroSubtree(_blocksPerPiece, sha256);
                for (int i = 0; i < _layout.Entries.Count; i++)
                {
                    LayoutEntry entry = _layout.Entries[i];
                    long count = (entry.Length + _layout.PieceLength - 1) / _layout.PieceLength;
                    if (entry.File is not null && count > 1)
                    {
                        int first = (int)(entry.Offset / _layout.PieceLength);
                        _roots[i] = MerkleTree.Root(_v2, first * MerkleTree.HashSize, (int)count, MerkleTree.NextPowerOfTwo(count), pad, sha256);
                    }
                }
            }

            return new PieceHashes(_v1, _v2, _roots);
        }

        /// <summary>
        /// SHA-1 of a piece of <paramref name="length"/> bytes whose first <paramref name="data"/> are in the buffer. In an
        /// aligned layout the buffer holds only the owner file's data (pads are not stored), so the pad's zeros after the
        /// data are hashed from a static zero block.
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        private static byte[] HashV1(byte[] buffer, int start, int length, int data, SHA1 sha1)
        {
            if (data >= length)
            {
                return sha1.ComputeHash(buffer, start, length);
            }

            sha1.TransformBlock(buffer, start, data, null, 0);
            for (int zeros = length - data; zeros > 0; zeros -= s_zeros.Length)
            {
                sha1.TransformBlock(s_zeros, 0, Math.Min(zeros, s_zeros.Length), null, 0);
            }

            sha1.TransformFinalBlock(s_zeros, 0, 0);
            return sha1.Hash!;
        }

        /// <summary>Bytes of the stream in a piece: the piece length, less for the last piece.</summary>
        private int StreamLength(long piece) => (int)Math.Min(_layout.PieceLength, _layout.StreamLength - (piece * _layout.PieceLength));

        /// <summary>Bytes of file data in a piece of an aligned layout (the rest of the piece is pad).</summary>
        [MethodImpl(HotPath.Optimized)]
        private int DataLength(long piece)
        {
            int owner = _pieceOwner[piece];
            if (owner < 0)
            {
                return 0;
            }

            LayoutEntry entry = _layout.Entries[owner];
            return (int)Math.Min(_layout.PieceLength, entry.End - (piece * _layout.PieceLength));
        }

        [MethodImpl(HotPath.Optimized)]
        private void HashV2(byte[] buffer, int start, long piece, SHA256 sha256)
        {
            int owner = _pieceOwner[piece];
            if (owner < 0)
            {
                return;
            }

            LayoutEntry entry = _layout.Entries[owner];
            long pieceLength = _layout.PieceLength;
            int data = DataLength(piece);
            int leaves = (data + MerkleTree.BlockSize - 1) / MerkleTree.BlockSize;
            var hashes = new byte[leaves * MerkleTree.HashSize];
            for (int b = 0; b < leaves; b++)
            {
                int blockStart = start + (b * MerkleTree.BlockSize);
                int blockLength = Math.Min(MerkleTree.BlockSize, start + data - blockStart);
                Buffer.BlockCopy(sha256.ComputeHash(buffer, blockStart, blockLength), 0, hashes, b * MerkleTree.HashSize, MerkleTree.HashSize);
            }

            if (entry.Length <= pieceLength)
            {
                _roots[owner] = MerkleTree.Root(hashes, 0, leaves, MerkleTree.NextPowerOfTwo(leaves), s_zeroHash, sha256);
            }
            else
            {
                byte[] pieceHash = MerkleTree.Root(hashes, 0, leaves, _blocksPerPiece, s_zeroHash, sha256);
                Buffer.BlockCopy(pieceHash, 0, _v2!, (int)(piece * MerkleTree.HashSize), MerkleTree.HashSize);
            }
        }

        /// <summary>For each piece of an aligned layout, the entry whose data it holds, or -1 for a piece of pad only.</summary>
        [MethodImpl(HotPath.Optimized)]
        private static int[] Owners(ContentLayout layout)
        {
            var owners = new int[layout.PieceCount];
            for (int p = 0; p < owners.Length; p++)
            {
                owners[p] = -1;
            }

            for (int i = 0; i < layout.Entries.Count; i++)
            {
                LayoutEntry entry = layout.Entries[i];
                if (entry.File is null || entry.Length == 0)
                {
                    continue;
                }

                long first = entry.Offset / layout.PieceLength;
                long last = (entry.End - 1) / layout.PieceLength;
                for (long p = first; p <= last; p++)
                {
                    owners[p] = i;
                }
            }

            return owners;
        }
    }
}
