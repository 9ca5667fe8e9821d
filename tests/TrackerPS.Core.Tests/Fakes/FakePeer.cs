using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace TrackerPS.Core.Tests.Fakes
{
    /// <summary>
    /// An in-process BitTorrent peer on 127.0.0.1 for what libtorrent will not do (lie, corrupt, drip, close mid-message).
    /// Each accepted connection runs <c>script</c>; it builds its bytes by hand (<see cref="FakePeerConnection"/>), not
    /// with the client's encoders, so client bugs are not mirrored.
    /// </summary>
    internal sealed class FakePeer : IDisposable
    {
        private readonly TcpListener _listener;
        private readonly Func<FakePeerConnection, Task> _script;
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private readonly ConcurrentBag<Exception> _errors = new ConcurrentBag<Exception>();
        private int _connections;

        internal FakePeer(Func<FakePeerConnection, Task> script)
        {
            _script = script;
            _listener = new TcpListener(IPAddress.Loopback, 0);
            _listener.Start();
            _ = AcceptAsync();
        }

        internal int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        internal string EndPoint => $"127.0.0.1:{Port}";

        internal int Connections => Volatile.Read(ref _connections);

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
        }

        private async Task AcceptAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await _listener.AcceptTcpClientAsync(_stop.Token);
                }
                catch (Exception) when (_stop.IsCancellationRequested)
                {
                    return;
                }

                Interlocked.Increment(ref _connections);
                _ = RunAsync(client);
            }
        }

        private async Task RunAsync(TcpClient client)
        {
            using (client)
            {
                try
                {
                    await _script(new FakePeerConnection(client.GetStream(), _stop.Token));
                }
                catch (Exception error) when (error is System.IO.IOException || error is OperationCanceledException || error is SocketException || error is ObjectDisposedException)
                {
                    // The client closed first.
                    _errors.Add(error);
                }
            }
        }
    }
}
