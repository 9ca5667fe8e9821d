using System;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace TrackerPS.Benchmarks.Trackers
{
    /// <summary>
    /// The UDP floor: an echo server (<see cref="LoopbackUdpServer.Echo"/>) and a client that sends it a datagram the
    /// size of a BEP 15 request (98 bytes for an announce by default) and waits for it to come back, with the same async
    /// socket calls a tracker client needs.
    /// </summary>
    internal sealed class UdpEchoClient : IDisposable
    {
        /// <summary>Size of a BEP 15 announce request.</summary>
        public const int AnnounceSize = 98;

        private readonly Socket _socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        private readonly LoopbackUdpServer _server = LoopbackUdpServer.Echo();
        private readonly byte[] _request;
        private readonly byte[] _reply = new byte[2048];
        private readonly EndPoint _any = new IPEndPoint(IPAddress.Any, 0);

        public UdpEchoClient(int datagramSize = AnnounceSize)
        {
            _request = new byte[datagramSize];
            _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        }

        /// <summary>Sends <paramref name="count"/> datagrams at once, then waits for all of them to come back.</summary>
        /// <returns>The bytes received.</returns>
        public async Task<int> RoundTripsAsync(int count)
        {
            for (int i = 0; i < count; i++)
            {
                await _socket.SendToAsync(_request, SocketFlags.None, _server.EndPoint).ConfigureAwait(false);
            }

            int received = 0;
            for (int i = 0; i < count; i++)
            {
                SocketReceiveFromResult result = await _socket.ReceiveFromAsync(_reply, SocketFlags.None, _any).ConfigureAwait(false);
                received += result.ReceivedBytes;
            }

            return received;
        }

        public void Dispose()
        {
            _socket.Dispose();
            _server.Dispose();
        }
    }
}
