using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;

namespace TrackerPS.Benchmarks.Trackers
{
    /// <summary>
    /// The floor for a UDP tracker round trip: a server that sends every datagram straight back, on its own thread,
    /// on 127.0.0.1. No parsing, no state: what is left is the kernel's loopback and the sockets.
    /// </summary>
    internal sealed class UdpEchoServer : IDisposable
    {
        private const int MaxDatagram = 2048;
        private readonly Socket _socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        private readonly Thread _thread;
        private volatile bool _disposed;

        public UdpEchoServer()
        {
            _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            EndPoint = (IPEndPoint)_socket.LocalEndPoint!;
            _thread = new Thread(Run) { IsBackground = true, Name = "UDP echo" };
            _thread.Start();
        }

        public IPEndPoint EndPoint { get; }

        public void Dispose()
        {
            _disposed = true;
            _socket.Dispose();
            _thread.Join();
        }

        private void Run()
        {
            var buffer = new byte[MaxDatagram];
            EndPoint sender = new IPEndPoint(IPAddress.Any, 0);
            while (true)
            {
                try
                {
                    int length = _socket.ReceiveFrom(buffer, ref sender);
                    _socket.SendTo(buffer, 0, length, SocketFlags.None, sender);
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
