namespace TrackerPS.Core.PeerWire.Metadata
{
    /// <summary>Where a metadata fetch stands (<see cref="MetadataFetcher.OnProgress"/>): peers tried and connected, pieces received.</summary>
    public sealed class MetadataFetchProgress
    {
        /// <summary>Creates a snapshot.</summary>
        /// <param name="peers">The distinct peers to ask.</param>
        /// <param name="tried">Peers a connection was started to.</param>
        /// <param name="connected">Peers that completed the BitTorrent handshake.</param>
        /// <param name="piecesReceived">Pieces held of the most complete info dictionary.</param>
        /// <param name="pieceCount">That dictionary's 16 KiB pieces; 0 until a peer announced a size.</param>
        public MetadataFetchProgress(int peers, int tried, int connected, int piecesReceived, int pieceCount)
        {
            Peers = peers;
            Tried = tried;
            Connected = connected;
            PiecesReceived = piecesReceived;
            PieceCount = pieceCount;
        }

        /// <summary>The distinct peers to ask.</summary>
        public int Peers { get; }

        /// <summary>Peers a connection was started to (at most <see cref="MetadataFetchOptions.ThrottleLimit"/> at once).</summary>
        public int Tried { get; }

        /// <summary>Peers that completed the BitTorrent handshake (BEP 3).</summary>
        public int Connected { get; }

        /// <summary>Pieces held of the most complete info dictionary (peers announcing different sizes fill different ones).</summary>
        public int PiecesReceived { get; }

        /// <summary>The 16 KiB pieces of that info dictionary; 0 until a peer announced a <c>metadata_size</c>.</summary>
        public int PieceCount { get; }
    }
}
