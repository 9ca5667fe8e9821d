using System;
using System.Collections.Generic;
using TrackerPS.Core.Metainfo;

namespace TrackerPS.Core.Trackers.Udp
{
    /// <summary>
    /// BEP 15 §scrape request: <c>int64 connection_id</c>, <c>int32 action</c> (2), <c>int32 transaction_id</c>,
    /// then 1 to 74 info-hashes of 20 bytes.
    /// </summary>
    internal static class UdpScrapeRequest
    {
        /// <summary>BEP 15: "Up to about 74 torrents can be scraped at once" (a full packet would be too large).</summary>
        internal const int MaxInfoHashes = 74;

        /// <summary>Bytes before the info-hashes.</summary>
        internal const int HeaderSize = 16;

        /// <exception cref="ArgumentException">No info-hashes, or more than <see cref="MaxInfoHashes"/>.</exception>
        internal static byte[] Encode(ulong connectionId, uint transactionId, IReadOnlyList<InfoHash> infoHashes)
        {
            if (infoHashes.Count == 0 || infoHashes.Count > MaxInfoHashes)
            {
                throw new ArgumentException(
                    $"A UDP scrape packet carries 1 to {MaxInfoHashes} info-hashes, not {infoHashes.Count}.", nameof(infoHashes));
            }

            var packet = new byte[HeaderSize + (20 * infoHashes.Count)];
            BigEndian.WriteUInt64(packet, 0, connectionId);
            BigEndian.WriteUInt32(packet, 8, (uint)UdpAction.Scrape);
            BigEndian.WriteUInt32(packet, 12, transactionId);
            for (int i = 0; i < infoHashes.Count; i++)
            {
                Buffer.BlockCopy(infoHashes[i].Truncated.ToArray(), 0, packet, HeaderSize + (20 * i), 20);
            }

            return packet;
        }
    }
}
