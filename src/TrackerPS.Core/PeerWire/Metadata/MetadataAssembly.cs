using System;
using System.Collections.Generic;
using System.Linq;

namespace TrackerPS.Core.PeerWire.Metadata
{
    /// <summary>
    /// The pieces of an info dictionary of one announced size (BEP 9), gathered from several peers. Nothing of the size
    /// is allocated up front: a piece is stored as it arrives, so a peer announcing a huge size costs nothing until it
    /// sends data, and peers announcing different sizes fill different assemblies instead of re-allocating one.
    /// Remembers which peer supplied each piece, so a failed hash check can drop exactly those peers. Not thread-safe.
    /// </summary>
    public sealed class MetadataAssembly
    {
        private readonly byte[]?[] _pieces;
        private readonly string?[] _suppliers;
        private readonly int[] _requested;

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
            _pieces = new byte[]?[PieceCount];
            _suppliers = new string?[PieceCount];
            _requested = new int[PieceCount];
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
                if (_pieces[i] is not null || exclude.Contains(i))
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

        /// <summary>Stores a piece's data unless it is already present; its length must have been checked.</summary>
        /// <param name="piece">The piece index.</param>
        /// <param name="data">Exactly <see cref="MetadataMessage.PieceLength"/> bytes.</param>
        /// <param name="supplier">The peer that sent it.</param>
        /// <exception cref="ArgumentException">The data has the wrong length.</exception>
        public void Put(int piece, byte[] data, string supplier)
        {
            if (data.Length != MetadataMessage.PieceLength(Size, piece))
            {
                throw new ArgumentException($"Piece {piece} must be {MetadataMessage.PieceLength(Size, piece)} bytes.", nameof(data));
            }

            if (_pieces[piece] is null)
            {
                _pieces[piece] = data;
                _suppliers[piece] = supplier;
                Received++;
            }
        }

        /// <summary>The whole info dictionary; every piece must be present.</summary>
        /// <returns>The bytes.</returns>
        public byte[] Assemble()
        {
            var bytes = new byte[Size];
            for (int i = 0; i < PieceCount; i++)
            {
                Buffer.BlockCopy(_pieces[i]!, 0, bytes, i * MetadataMessage.PieceSize, _pieces[i]!.Length);
            }

            return bytes;
        }

        /// <summary>Empties the assembly after a failed hash check.</summary>
        /// <returns>The distinct peers that supplied pieces.</returns>
        public IReadOnlyList<string> Reset()
        {
            string[] suppliers = _suppliers.Where(s => s is not null).Select(s => s!).Distinct(SeededComparer.Ordinal).ToArray();
            Array.Clear(_pieces, 0, PieceCount);
            Array.Clear(_suppliers, 0, PieceCount);
            Received = 0;
            return suppliers;
        }
    }
}
