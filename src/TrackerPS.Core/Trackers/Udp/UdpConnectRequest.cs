namespace TrackerPS.Core.Trackers.Udp
{
    /// <summary>
    /// BEP 15 §connect request, 16 bytes: <c>int64 protocol_id</c> (0x41727101980), <c>int32 action</c> (0),
    /// <c>int32 transaction_id</c>.
    /// </summary>
    internal static class UdpConnectRequest
    {
        /// <summary>The magic constant that identifies the protocol.</summary>
        internal const ulong ProtocolId = 0x41727101980;

        /// <summary>Bytes in the packet.</summary>
        internal const int Size = 16;

        internal static byte[] Encode(uint transactionId)
        {
            var packet = new byte[Size];
            BigEndian.WriteUInt64(packet, 0, ProtocolId);
            BigEndian.WriteUInt32(packet, 8, (uint)UdpAction.Connect);
            BigEndian.WriteUInt32(packet, 12, transactionId);
            return packet;
        }
    }
}
