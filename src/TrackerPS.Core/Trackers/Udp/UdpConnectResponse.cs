namespace TrackerPS.Core.Trackers.Udp
{
    /// <summary>
    /// BEP 15 §connect response, 16 bytes: <c>int32 action</c> (0), <c>int32 transaction_id</c>, <c>int64 connection_id</c>.
    /// </summary>
    internal static class UdpConnectResponse
    {
        /// <summary>Bytes in the packet: no more, no less.</summary>
        internal const int Size = 16;

        /// <summary>Decodes the connection id.</summary>
        /// <exception cref="UdpPacketException">Not exactly 16 bytes, or the action or transaction id differ.</exception>
        internal static ulong Decode(byte[] packet, uint transactionId)
        {
            UdpResponseHeader.Validate(packet, "connect response", UdpAction.Connect, transactionId, Size, Size);
            return BigEndian.ReadUInt64(packet, 8);
        }
    }
}
