using System.Text;

namespace TrackerPS.Core.Trackers.Udp
{
    /// <summary>
    /// BEP 15 §errors: <c>int32 action</c> (3), <c>int32 transaction_id</c>, then the message text to the end of
    /// the packet (read as UTF-8; trailing NULs some trackers add are dropped).
    /// </summary>
    internal static class UdpErrorResponse
    {
        /// <summary>True when the packet is at least a header and its action is 3.</summary>
        internal static bool IsError(byte[] packet) =>
            UdpResponseHeader.TryRead(packet, out UdpAction action, out _) && action == UdpAction.Error;

        /// <summary>Decodes the message.</summary>
        /// <exception cref="UdpPacketException">Shorter than 8 bytes, or the action or transaction id differ.</exception>
        internal static string Decode(byte[] packet, uint transactionId)
        {
            UdpResponseHeader.Validate(packet, "error response", UdpAction.Error, transactionId, UdpResponseHeader.Size, int.MaxValue);
            return Encoding.UTF8.GetString(packet, UdpResponseHeader.Size, packet.Length - UdpResponseHeader.Size).TrimEnd('\0');
        }
    }
}
