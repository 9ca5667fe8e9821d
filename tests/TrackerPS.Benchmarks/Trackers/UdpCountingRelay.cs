using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;

namespace TrackerPS.Benchmarks.Trackers
{
    /// <summary>
    /// A UDP relay on 127.0.0.1 that forwards datagrams between one client and a tracker and counts them, so a benchmark
    /// can report how many packets an operation sent. Datagrams from the tracker go back to the last client that wrote.
    /// </summary>
    internal sealed class UdpCountingRelay : IDisposable
    {
        private const int MaxDatagram = 65536;
        private readonly Socket _socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        private readonly IPEndPoint _tracker;
        private readonly Thread _thread;
        private volatile bool _disposed;
        private int _sent;
        private int _received;

        public UdpCountingRelay(IPEndPoint tracker)
        {
            _tracker = tracker;
            _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            EndPoint = (IPEndPoint)_socket.LocalEndPoint!;
            _thread = new Thread(Run) { IsBackground = true, Name = "UDP counting relay" };
            _thread.Start();
        }

        public IPEndPoint EndPoint { get; }

        /// <summary>Datagrams the client sent to the tracker.</summary>
        public int Sent => Volatile.Read(ref _sent);

        /// <summary>Datagrams the tracker sent back.</summary>
        public int Received => Volatile.Read(ref _received);

        public void Dispose()
        {
            _disposed = true;
            _socket.Dispose();
            _thread.Join();
        }

        private void Run()
        {
            var buffer = new byte[MaxDatagram];
            EndPoint client = new IPEndPoint(IPAddress.Any, 0);
            while (true)
            {
                try
                {
                    EndPoint sender = new IPEndPoint(IPAddress.Any, 0);
                    int length = _socket.ReceiveFrom(buffer, ref sender);
                    bool fromTracker = sender.Equals(_tracker);
                    if (!fromTracker)
                    {
                        client = sender;
                    }

                    Interlocked.Increment(ref fromTracker ? ref _received : ref _sent);
                    _socket.SendTo(buffer, 0, length, SocketFlags.None, fromTracker ? client : _tracker);
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
