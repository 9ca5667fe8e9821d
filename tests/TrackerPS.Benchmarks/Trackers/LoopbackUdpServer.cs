using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;

namespace TrackerPS.Benchmarks.Trackers
{
    /// <summary>
    /// A UDP socket on 127.0.0.1 served by its own thread with blocking receives, handing each datagram to a handler:
    /// no async machinery on the server side, so what a benchmark measures against it is the kernel's loopback and
    /// the client. <see cref="Echo"/> is the floor for a tracker round trip.
    /// </summary>
    internal sealed class LoopbackUdpServer : IDisposable
    {
        private const int MaxDatagram = 65536;
        private readonly Socket _socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        private readonly Action<Socket, byte[], int, EndPoint> _handler;
        private readonly Thread _thread;
        private volatile bool _disposed;

        /// <param name="handler">Called for each datagram with the socket (to reply on), the buffer, its length and the sender.</param>
        public LoopbackUdpServer(Action<Socket, byte[], int, EndPoint> handler)
        {
            _handler = handler;
            _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            EndPoint = (IPEndPoint)_socket.LocalEndPoint!;
            _thread = new Thread(Run) { IsBackground = true, Name = "Loopback UDP server" };
            _thread.Start();
        }

        public IPEndPoint EndPoint { get; }

        /// <summary>A server that sends every datagram straight back: no parsing, no state.</summary>
        public static LoopbackUdpServer Echo() =>
            new LoopbackUdpServer((socket, buffer, length, sender) => socket.SendTo(buffer, 0, length, SocketFlags.None, sender));

        public void Dispose()
        {
            _disposed = true;
            _socket.Dispose();
            _thread.Join();
        }

        private void Run()
        {
            var buffer = new byte[MaxDatagram];
            while (true)
            {
                try
                {
                    EndPoint sender = new IPEndPoint(IPAddress.Any, 0);
                    int length = _socket.ReceiveFrom(buffer, ref sender);
                    _handler(_socket, buffer, length, sender);
                }
                catch (Exception error) when (_disposed && (error is SocketException || error is ObjectDisposedException))
                {
                    // Dispose closed the socket under the blocking receive: the normal way to stop.
                    return;
                }
            }
        }
    }
}
