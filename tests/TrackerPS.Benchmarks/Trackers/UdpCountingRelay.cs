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
        private readonly IPEndPoint _tracker;
        private readonly LoopbackUdpServer _server;
        private EndPoint _client = new IPEndPoint(IPAddress.Any, 0);
        private int _sent;
        private int _received;

        public UdpCountingRelay(IPEndPoint tracker)
        {
            _tracker = tracker;
            _server = new LoopbackUdpServer(Forward);
        }

        public IPEndPoint EndPoint => _server.EndPoint;

        /// <summary>Datagrams the client sent to the tracker.</summary>
        public int Sent => Volatile.Read(ref _sent);

        /// <summary>Datagrams the tracker sent back.</summary>
        public int Received => Volatile.Read(ref _received);

        public void Dispose() => _server.Dispose();

        private void Forward(Socket socket, byte[] buffer, int length, EndPoint sender)
        {
            bool fromTracker = sender.Equals(_tracker);
            if (!fromTracker)
            {
                _client = sender;
            }

            Interlocked.Increment(ref fromTracker ? ref _received : ref _sent);
            socket.SendTo(buffer, 0, length, SocketFlags.None, fromTracker ? _client : _tracker);
        }
    }
}
