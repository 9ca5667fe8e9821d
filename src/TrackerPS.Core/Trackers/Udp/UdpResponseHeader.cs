namespace TrackerPS.Core.Trackers.Udp
{
    /// <summary>
    /// The first 8 bytes of every BEP 15 response: <c>int32 action</c> at offset 0, <c>int32 transaction_id</c> at 4.
    /// </summary>
    internal static class UdpResponseHeader
    {
        /// <summary>Bytes in the header.</summary>
        internal const int Size = 8;

        /// <summary>Reads the action and transaction id, or returns false when the packet is shorter than the header.</summary>
        internal static bool TryRead(byte[] packet, out UdpAction action, out uint transactionId)
        {
            if (packet.Length < Size)
            {
                action = default;
                transactionId = 0;
                return false;
            }

            action = (UdpAction)BigEndian.ReadUInt32(packet, 0);
            transactionId = BigEndian.ReadUInt32(packet, 4);
            return true;
        }

        /// <summary>
        /// Checks a response's length bounds, action and transaction id (BEP 15: "check whether the transaction ID is
        /// equal to the one you chose", "check whether the action is ...").
        /// </summary>
        /// <exception cref="UdpPacketException">Any check fails.</exception>
        internal static void Validate(byte[] packet, string name, UdpAction action, uint transactionId, int minimumSize, int maximumSize)
        {
            if (packet.Length < minimumSize)
            {
                throw new UdpPacketException($"Truncated {name}: {packet.Length} bytes, expected at least {minimumSize}.");
            }

            if (packet.Length > maximumSize)
            {
                throw new UdpPacketException($"Oversized {name}: {packet.Length} bytes, expected at most {maximumSize}.");
            }

            uint actualAction = BigEndian.ReadUInt32(packet, 0);
            if (actualAction != (uint)action)
            {
                throw new UdpPacketException($"Invalid {name}: action {actualAction} at byte 0, expected {(uint)action}.");
            }

            uint actualTransactionId = BigEndian.ReadUInt32(packet, 4);
            if (actualTransactionId != transactionId)
            {
                throw new UdpPacketException(
                    $"Invalid {name}: transaction id 0x{actualTransactionId:x8} at byte 4, expected 0x{transactionId:x8}.");
            }
        }
    }
}
