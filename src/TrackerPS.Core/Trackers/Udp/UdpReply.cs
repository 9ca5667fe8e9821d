namespace TrackerPS.Core.Trackers.Udp
{
    /// <summary>A datagram that answered a request: the expected action or an error (action 3), with the request's transaction id.</summary>
    internal readonly struct UdpReply
    {
        internal UdpReply(byte[] packet, uint transactionId)
        {
            Packet = packet;
            TransactionId = transactionId;
        }

        internal byte[] Packet { get; }

        internal uint TransactionId { get; }

        internal bool IsError => UdpErrorResponse.IsError(Packet);
    }
}
