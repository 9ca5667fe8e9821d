using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace TrackerPS.Benchmarks.Peers
{
    /// <summary>
    /// Many minimal peers on 127.0.0.1, one listener each: a connection's 68-byte handshake is answered with a handshake
    /// (Fast bit only) and have_none in one write, so a probe has all it waits for; then the connection is held until the
    /// client closes it. The floor's client reads the 68-byte handshake and closes.
    /// </summary>
    internal sealed class LoopbackPeers : IDisposable
    {
        private readonly List<TcpListener> _listeners = new List<TcpListener>();
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();

        internal LoopbackPeers(int count)
        {
            for (int i = 0; i < count; i++)
            {
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start(512);
                _listeners.Add(listener);
                Ports.Add(((IPEndPoint)listener.LocalEndpoint).Port);
                _ = AcceptAsync(listener);
            }
        }

        internal List<int> Ports { get; } = new List<int>();

        public void Dispose()
        {
            _stop.Cancel();
            foreach (TcpListener listener in _listeners)
            {
                listener.Stop();
            }
        }

        private async Task AcceptAsync(TcpListener listener)
        {
            while (!_stop.IsCancellationRequested)
            {
                Socket socket;
                try
                {
                    socket = await listener.AcceptSocketAsync(_stop.Token);
                }
                catch (Exception) when (_stop.IsCancellationRequested)
                {
                    return;
                }

                _ = AnswerAsync(socket);
            }
        }

        private static async Task AnswerAsync(Socket socket)
        {
            using (socket)
            {
                socket.NoDelay = true;
                var handshake = new byte[68];
                try
                {
                    int read = 0;
                    while (read < handshake.Length)
                    {
                        int n = await socket.ReceiveAsync(handshake.AsMemory(read), SocketFlags.None);
                        if (n == 0)
                        {
                            return;
                        }

                        read += n;
                    }

                    // The same handshake back, with the Fast bit only and our own peer id, then have_none (BEP 6).
                    var reply = new byte[68 + 5];
                    handshake.CopyTo(reply, 0);
                    Array.Clear(reply, 20, 8);
                    reply[27] = 0x04;
                    "-BM0001-loopbackpeer"u8.CopyTo(reply.AsSpan(48));
                    reply[68 + 3] = 1;
                    reply[68 + 4] = 0x0F;
                    await socket.SendAsync(reply, SocketFlags.None);
                    while (await socket.ReceiveAsync(handshake, SocketFlags.None) > 0)
                    {
                    }
                }
                catch (SocketException)
                {
                    // The client reset the connection.
                }
            }
        }
    }
}
