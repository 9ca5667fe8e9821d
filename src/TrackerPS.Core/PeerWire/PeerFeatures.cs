using System;

namespace TrackerPS.Core.PeerWire
{
    /// <summary>Capabilities a peer announces in the 8 reserved bytes of its handshake (BEP 3 §handshake).</summary>
    [Flags]
    public enum PeerFeatures
    {
        /// <summary>No known bit set.</summary>
        None = 0,

        /// <summary>The extension protocol (BEP 10): reserved byte 5, bit 0x10.</summary>
        ExtensionProtocol = 1,

        /// <summary>DHT (BEP 5): reserved byte 7, bit 0x01.</summary>
        Dht = 2,

        /// <summary>The Fast extension (BEP 6): reserved byte 7, bit 0x04.</summary>
        Fast = 4,

        /// <summary>The v2 upgrade of a hybrid torrent's connection (BEP 52 §upgrade path): reserved byte 7, bit 0x10.</summary>
        V2Upgrade = 8,
    }
}
