namespace TrackerPS.Core.Trackers.Udp
{
    /// <summary>
    /// BEP 15 §scrape response: <c>int32 action</c> (2), <c>int32 transaction_id</c>, then per requested info-hash,
    /// in request order, <c>int32 seeders</c>, <c>int32 completed</c>, <c>int32 leechers</c>.
    /// </summary>
    internal static class UdpScrapeResponse
    {
        /// <summary>Bytes before the counts.</summary>
        internal const int HeaderSize = 8;

        /// <summary>Bytes of counts per info-hash.</summary>
        internal const int EntrySize = 12;

        /// <summary>Decodes one entry per requested info-hash; results match the request by position.</summary>
        /// <exception cref="UdpPacketException">
        /// Not exactly 8 + 12 × <paramref name="infoHashCount"/> bytes, or the action or transaction id differ.
        /// </exception>
        internal static UdpScrapeEntry[] Decode(byte[] packet, uint transactionId, int infoHashCount)
        {
            int size = HeaderSize + (EntrySize * infoHashCount);
            UdpResponseHeader.Validate(packet, $"scrape response for {infoHashCount} info-hashes", UdpAction.Scrape, transactionId, size, size);
            var entries = new UdpScrapeEntry[infoHashCount];
            for (int i = 0; i < infoHashCount; i++)
            {
                int offset = HeaderSize + (EntrySize * i);
                entries[i] = new UdpScrapeEntry(
                    BigEndian.ReadUInt32(packet, offset),
                    BigEndian.ReadUInt32(packet, offset + 4),
                    BigEndian.ReadUInt32(packet, offset + 8));
            }

            return entries;
        }
    }
}
