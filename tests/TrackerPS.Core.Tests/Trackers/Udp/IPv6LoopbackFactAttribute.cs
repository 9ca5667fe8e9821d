using System.Net;
using System.Net.Sockets;
using Xunit;

namespace TrackerPS.Core.Tests.Trackers.Udp
{
    /// <summary>A fact that is skipped, saying why, on machines where ::1 cannot be bound (IPv6 disabled).</summary>
    public sealed class IPv6LoopbackFactAttribute : FactAttribute
    {
        public IPv6LoopbackFactAttribute()
        {
            try
            {
                using var socket = new Socket(AddressFamily.InterNetworkV6, SocketType.Dgram, ProtocolType.Udp);
                socket.Bind(new IPEndPoint(IPAddress.IPv6Loopback, 0));
            }
            catch (SocketException e)
            {
                Skip = $"IPv6 loopback (::1) is not available here: {e.SocketErrorCode}.";
            }
        }
    }
}
