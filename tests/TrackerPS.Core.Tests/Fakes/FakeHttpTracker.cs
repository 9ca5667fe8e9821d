using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace TrackerPS.Core.Tests.Fakes
{
    /// <summary>
    /// A minimal HTTP/1.1 server on 127.0.0.1 built on a raw <see cref="TcpListener"/>, so tests control every byte of the
    /// response and see the exact request line the client sent. One request per connection (<c>Connection: close</c>)
    /// unless a <see cref="FakeConnectionReuse"/> says otherwise.
    /// </summary>
    internal sealed class FakeHttpTracker : IDisposable
    {
        private const int MaxRequestHeadBytes = 64 * 1024;
        private readonly TcpListener _listener = new TcpListener(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private readonly Func<FakeHttpRequest, FakeHttpResponse> _handler;
        private readonly ConcurrentQueue<FakeHttpRequest> _requests = new ConcurrentQueue<FakeHttpRequest>();
        private readonly FakeConnectionReuse _reuse;
        private readonly Task _acceptLoop;
        private int _resetRequests;

        public FakeHttpTracker(Func<FakeHttpRequest, FakeHttpResponse> handler, FakeConnectionReuse reuse = FakeConnectionReuse.CloseAfterReply)
        {
            _handler = handler;
            _reuse = reuse;
            _listener.Start();
            Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
            _acceptLoop = AcceptLoopAsync();
        }

        public FakeHttpTracker(FakeHttpResponse response, FakeConnectionReuse reuse = FakeConnectionReuse.CloseAfterReply)
            : this(_ => response, reuse)
        {
        }

        public int Port { get; }

        /// <summary>Requests answered so far, in arrival order.</summary>
        public IReadOnlyList<FakeHttpRequest> Requests => _requests.ToArray();

        /// <summary>Requests whose connection was reset instead of answered.</summary>
        public int ResetRequests => Volatile.Read(ref _resetRequests);

        /// <summary>An absolute URI on this server.</summary>
        public Uri Url(string pathAndQuery) => new Uri($"http://127.0.0.1:{Port}{pathAndQuery}");

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
            _acceptLoop.Wait(TimeSpan.FromSeconds(5));
            _stop.Dispose();
        }

        private async Task AcceptLoopAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await _listener.AcceptTcpClientAsync(_stop.Token);
                }
                catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
                {
                    return;
                }

                _ = ServeAsync(client);
            }
        }

        private async Task ServeAsync(TcpClient client)
        {
            using (client)
            {
                try
                {
                    NetworkStream stream = client.GetStream();
                    FakeHttpRequest? request = await ReadRequestAsync(stream);
                    if (request is null)
                    {
                        return;
                    }

                    if (_reuse == FakeConnectionReuse.ResetEveryRequest)
                    {
                        Reset(client);
                        return;
                    }

                    _requests.Enqueue(request);
                    bool keepAlive = _reuse == FakeConnectionReuse.ResetNextRequest;
                    await WriteResponseAsync(stream, _handler(request), keepAlive);
                    if (keepAlive && await ReadRequestAsync(stream) is not null)
                    {
                        Reset(client);
                    }
                }
                catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
                {
                    // The client went away (timeout or cancellation tests) or the server is stopping.
                }
            }
        }

        // Closing with a zero linger time sends RST, as a server does that closes with a request still unread.
        private void Reset(TcpClient client)
        {
            Interlocked.Increment(ref _resetRequests);
            client.Client.LingerState = new LingerOption(true, 0);
        }

        private async Task<FakeHttpRequest?> ReadRequestAsync(NetworkStream stream)
        {
            var head = new List<byte>();
            var one = new byte[1];
            while (!EndsWithBlankLine(head))
            {
                if (head.Count > MaxRequestHeadBytes || await stream.ReadAsync(one, _stop.Token) == 0)
                {
                    return null;
                }

                head.Add(one[0]);
            }

            string[] lines = Encoding.Latin1.GetString(head.ToArray()).Split("\r\n");
            var headers = new Dictionary<string, string>();
            foreach (string line in lines.Skip(1).Where(l => l.Length > 0))
            {
                int colon = line.IndexOf(':');
                headers[line.Substring(0, colon).Trim().ToLowerInvariant()] = line.Substring(colon + 1).Trim();
            }

            return new FakeHttpRequest(lines[0], headers);
        }

        private static bool EndsWithBlankLine(List<byte> head) =>
            head.Count >= 4 && head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n';

        private async Task WriteResponseAsync(NetworkStream stream, FakeHttpResponse response, bool keepAlive)
        {
            if (response.HeaderDelay > TimeSpan.Zero)
            {
                await Task.Delay(response.HeaderDelay, _stop.Token);
            }

            var head = new StringBuilder();
            head.Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {response.Status} Fake\r\n");
            foreach (KeyValuePair<string, string> header in response.Headers)
            {
                head.Append(CultureInfo.InvariantCulture, $"{header.Key}: {header.Value}\r\n");
            }

            if (response.SendContentLength)
            {
                head.Append(CultureInfo.InvariantCulture, $"Content-Length: {response.Body.Length}\r\n");
            }

            head.Append(keepAlive ? "\r\n" : "Connection: close\r\n\r\n");
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), _stop.Token);

            int bodyBytes = response.CloseAfterBodyBytes ?? response.Body.Length;
            if (response.DripInterval > TimeSpan.Zero)
            {
                for (int i = 0; i < bodyBytes; i++)
                {
                    await stream.WriteAsync(response.Body.AsMemory(i, 1), _stop.Token);
                    await Task.Delay(response.DripInterval, _stop.Token);
                }
            }
            else
            {
                await stream.WriteAsync(response.Body.AsMemory(0, bodyBytes), _stop.Token);
            }

            await stream.FlushAsync(_stop.Token);
        }
    }
}
