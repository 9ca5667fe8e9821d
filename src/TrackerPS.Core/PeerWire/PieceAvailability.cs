namespace TrackerPS.Core.PeerWire
{
    /// <summary>What a peer's first messages say it has (BEP 3 bitfield, BEP 6 have_all / have_none).</summary>
    public static class PieceAvailability
    {
        /// <summary>Counts the pieces a bitfield marks as present: its set bits (BEP 3: high bit of byte 0 is piece 0).</summary>
        /// <param name="bitfield">The bitfield payload.</param>
        /// <returns>The number of set bits.</returns>
        public static int CountPieces(byte[] bitfield)
        {
            int count = 0;
            foreach (byte b in bitfield)
            {
                for (int bits = b; bits != 0; bits &= bits - 1)
                {
                    count++;
                }
            }

            return count;
        }
    }
}
