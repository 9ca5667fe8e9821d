using System;

namespace TrackerPS.Core.Trackers.Udp
{
    /// <summary>
    /// A BEP 15 packet that cannot be decoded (truncated, oversized, wrong action or transaction id). The client
    /// turns it into a <see cref="TrackerException"/> of kind <see cref="TrackerErrorKind.ProtocolViolation"/>.
    /// </summary>
    internal sealed class UdpPacketException : FormatException
    {
        internal UdpPacketException(string message)
            : base(message)
        {
        }
    }
}
