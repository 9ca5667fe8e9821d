namespace TrackerPS.Core.PeerWire
{
    /// <summary>Converts between <see cref="PeerFeatures"/> and the 8 reserved handshake bytes (BEP 3, 5, 6, 10, 52).</summary>
    public static class ReservedBits
    {
        /// <summary>Length of the reserved field: 8 bytes.</summary>
        public const int Length = 8;

        private const int ExtensionByte = 5;
        private const byte ExtensionBit = 0x10;
        private const int LastByte = 7;
        private const byte DhtBit = 0x01;
        private const byte FastBit = 0x04;
        private const byte V2Bit = 0x10;

        /// <summary>The reserved bytes announcing <paramref name="features"/>; every other bit is zero.</summary>
        /// <param name="features">The features to announce.</param>
        /// <returns>8 bytes.</returns>
        public static byte[] Encode(PeerFeatures features)
        {
            var reserved = new byte[Length];
            reserved[ExtensionByte] = (features & PeerFeatures.ExtensionProtocol) != 0 ? ExtensionBit : (byte)0;
            reserved[LastByte] = (byte)(((features & PeerFeatures.Dht) != 0 ? DhtBit : 0)
                | ((features & PeerFeatures.Fast) != 0 ? FastBit : 0)
                | ((features & PeerFeatures.V2Upgrade) != 0 ? V2Bit : 0));
            return reserved;
        }

        /// <summary>The known features set in reserved bytes; unknown bits are ignored.</summary>
        /// <param name="reserved">The 8 reserved bytes.</param>
        /// <param name="offset">Where they start in <paramref name="reserved"/>.</param>
        /// <returns>The features.</returns>
        public static PeerFeatures Decode(byte[] reserved, int offset)
        {
            PeerFeatures features = PeerFeatures.None;
            byte last = reserved[offset + LastByte];
            features |= (reserved[offset + ExtensionByte] & ExtensionBit) != 0 ? PeerFeatures.ExtensionProtocol : 0;
            features |= (last & DhtBit) != 0 ? PeerFeatures.Dht : 0;
            features |= (last & FastBit) != 0 ? PeerFeatures.Fast : 0;
            features |= (last & V2Bit) != 0 ? PeerFeatures.V2Upgrade : 0;
            return features;
        }
    }
}
