using System;
using System.Collections.Generic;
using System.Linq;

namespace TrackerPS.Core.PeerWire.Metadata
{
    /// <summary>
    /// The pieces of an info dictionary of one announced size (BEP 9), gathered from several peers into one buffer of
    /// that size. A peer announcing a huge size costs nothing until it sends pieces of exactly the right length with a
    /// matching <c>total_size</c>: the first pieces are kept in arrays of their own, and the buffer of the announced
    /// size is allocated only once they hold at least 1/<see cref="MaxAmplification"/> of it (they are then copied in,
    /// and every later piece is copied once into its place). So the memory an assembly holds is at most
    /// <see cref="MaxAmplification"/> times the bytes its peers sent (and at most the size, which the fetch bounds by its
    /// <c>MaxMetadataSize</c>); peers announcing different sizes fill different assemblies instead of re-allocating one.
    /// Remembers which peer supplied each piece, so a failed hash check can drop exactly those peers. Not thread-safe.
    /// </summary>
    public sealed class MetadataAssembly
    {
        /// <summary>How many times the bytes received the buffer of the announced size may be when it is allocated.</summary>
        public const int MaxAmplification = 4;

        private readonly bool[] _present;
        private readonly string?[] _suppliers;
        private readonly int[] _requested;
        private readonly byte[]?[] _early;
        private byte[]? _bytes;

        /// <summary>Creates an empty assembly.</summary>
        /// <param name="size">The metadata size in bytes, at least 1.</param>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is below 1.</exception>
        public MetadataAssembly(long size)
        {
            if (size < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(size), size, "The metadata size must be at least 1 byte.");
            }

            Size = size;
            PieceCount = MetadataMessage.PieceCount(size);
            _present = new bool[PieceCount];
            _suppliers = new string?[PieceCount];
            _requested = new int[PieceCount];
            _early = new byte[]?[PieceCount];
        }

        /// <summary>The metadata size in bytes.</summary>
        public long Size { get; }

        /// <summary>The number of 16 KiB pieces.</summary>
        public int PieceCount { get; }

        /// <summary>How many pieces are present.</summary>
        public int Received { get; private set; }

        /// <summary>True when every piece is present.</summary>
        public bool IsComplete => Received == PieceCount;

        /// <summary>
        /// A piece for a peer to request: a missing one nobody has requested, else (end game) a missing one requested by
        /// others; never one in <paramref name="exclude"/> (the peer's outstanding and rejected pieces). Counts the request.
        /// </summary>
        /// <param name="exclude">Pieces this peer must not be given.</param>
        /// <returns>The piece index, or -1 when there is none.</returns>
        public int TakeMissing(ICollection<int> exclude)
        {
            int fallback = -1;
            for (int i = 0; i < PieceCount; i++)
            {
                if (_present[i] || exclude.Contains(i))
                {
                    continue;
                }

                if (_requested[i] == 0)
                {
                    _requested[i]++;
                    return i;
                }

                fallback = fallback < 0 ? i : fallback;
            }

            if (fallback >= 0)
            {
                _requested[fallback]++;
            }

            return fallback;
        }

        /// <summary>Ends one request of a piece (answered, rejected or abandoned).</summary>
        /// <param name="piece">The piece index.</param>
        public void Release(int piece) => _requested[piece] = Math.Max(0, _requested[piece] - 1);

        /// <summary>Copies a piece's data into its place unless it is already present; its length must have been checked.</summary>
        /// <param name="piece">The piece index.</param>
        /// <param name="data">Exactly <see cref="MetadataMessage.PieceLength"/> bytes (it may lie in a connection's buffer: it is copied).</param>
        /// <param name="supplier">The peer that sent it.</param>
        /// <exception cref="ArgumentException">The data has the wrong length.</exception>
        public void Put(int piece, ArraySegment<byte> data, string supplier)
        {
            if (data.Count != MetadataMessage.PieceLength(Size, piece))
            {
                throw new ArgumentException($"Piece {piece} must be {MetadataMessage.PieceLength(Size, piece)} bytes.", nameof(data));
            }

            if (!_present[piece])
            {
                Store(piece, data);
                _present[piece] = true;
                _suppliers[piece] = supplier;
                Received++;
            }
        }

        // Into the buffer once it exists or the pieces held (this one included) reach 1/MaxAmplification of the size.
        private void Store(int piece, ArraySegment<byte> data)
        {
            if (_bytes is null && (Received + 1L) * MetadataMessage.PieceSize * MaxAmplification < Size)
            {
                _early[piece] = new byte[data.Count];
                Buffer.BlockCopy(data.Array!, data.Offset, _early[piece]!, 0, data.Count);
                return;
            }

            if (_bytes is null)
            {
                _bytes = new byte[Size];
                for (int i = 0; i < PieceCount; i++)
                {
                    if (_early[i] is byte[] early)
                    {
                        Buffer.BlockCopy(early, 0, _bytes, i * MetadataMessage.PieceSize, early.Length);
                        _early[i] = null;
                    }
                }
            }

            Buffer.BlockCopy(data.Array!, data.Offset, _bytes, piece * MetadataMessage.PieceSize, data.Count);
        }

        /// <summary>The whole info dictionary; every piece must be present.</summary>
        /// <returns>The assembly's own buffer, not a copy: pieces stored after a <see cref="Reset"/> overwrite it.</returns>
        /// <exception cref="InvalidOperationException">A piece is missing.</exception>
        public byte[] Assemble()
        {
            if (!IsComplete)
            {
                throw new InvalidOperationException($"{PieceCount - Received} of {PieceCount} pieces are missing.");
            }

            return _bytes!;
        }

        /// <summary>Empties the assembly after a failed hash check.</summary>
        /// <returns>The distinct peers that supplied pieces.</returns>
        public IReadOnlyList<string> Reset()
        {
            string[] suppliers = _suppliers.Where(s => s is not null).Select(s => s!).Distinct(SeededComparer.Ordinal).ToArray();
            Array.Clear(_present, 0, PieceCount);
            Array.Clear(_suppliers, 0, PieceCount);
            Array.Clear(_early, 0, PieceCount);
            Received = 0;
            return suppliers;
        }
    }
}
