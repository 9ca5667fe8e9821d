namespace TrackerPS.Core.PeerWire
{
    /// <summary>The message ids this client reads (BEP 3 §peer messages, BEP 6, BEP 10).</summary>
    public enum PeerMessageId : byte
    {
        /// <summary>choke (BEP 3).</summary>
        Choke = 0,

        /// <summary>unchoke (BEP 3).</summary>
        Unchoke = 1,

        /// <summary>have: one piece index (BEP 3).</summary>
        Have = 4,

        /// <summary>bitfield: one bit per piece, high bit first (BEP 3).</summary>
        Bitfield = 5,

        /// <summary>have_all (BEP 6 Fast extension).</summary>
        HaveAll = 0x0E,

        /// <summary>have_none (BEP 6 Fast extension).</summary>
        HaveNone = 0x0F,

        /// <summary>extended: an extension protocol message (BEP 10).</summary>
        Extended = 20,
    }
}
