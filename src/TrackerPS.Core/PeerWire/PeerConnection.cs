using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using TrackerPS.Core.Network;

namespace TrackerPS.Core.PeerWire
{
    /// <summary>
    /// The socket loop of one outgoing peer connection (BEP 3): connects (Nagle off), sends bytes, reads the handshake and
    /// length-prefixed messages. The whole connection lives under one token: cancelling it (timeout or Ctrl+C) closes
    /// the socket at once, which ends any pending read or connect. Never listens. Not thread-safe: one reader, one writer.
    /// </summary>
    public sealed class PeerConnection : IDisposable
    {
        private readonly Socket _socket;
        private readonly CancellationToken _cancellationToken;
        private readonly CancellationTokenRegistration _registration;
        // Messages are read out of one buffer filled by as few receive calls as possible: a peer's write of several
        // ut_metadata pieces then costs one or two calls instead of two or more per message.
        private const int ReceiveBufferSize = 32 * 1024;

        private readonly byte[] _prefix = new byte[PeerMessage.LengthPrefixSize];
        private readonly byte[] _received = new byte[ReceiveBufferSize];
        private int _receivedStart;
        private int _receivedEnd;

        private PeerConnection(Socket socket, CancellationToken cancellationToken)
        {
            _socket = socket;
            _cancellationToken = cancellationToken;
            _registration = cancellationToken.Register(socket.Dispose);
        }

        /// <summary>Bytes received so far.</summary>
        public long BytesReceived { get; private set; }

        /// <summary>
        /// Resolves <paramref name="address"/> through the policy's resolver, checks every address against the policy
        /// (peer addresses come from trackers and magnet links strangers write: a private or link-local address needs
        /// <see cref="NetworkPolicy.AllowLocalNetwork"/>; loopback is allowed, as for UDP trackers), and connects to the first.
        /// </summary>
        /// <param name="address">The peer.</param>
        /// <param name="policy">The SSRF rules the connection obeys.</param>
        /// <param name="cancellationToken">Bounds the connection's whole life: cancelling it closes the socket.</param>
        /// <returns>The open connection.</returns>
        /// <exception cref="PeerWireException">Refused by the peer or the policy, unreachable, or the name does not resolve.</exception>
        /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
        public static async Task<PeerConnection> ConnectAsync(PeerAddress address, NetworkPolicy policy, CancellationToken cancellationToken)
        {
            if (policy is null)
            {
                throw new ArgumentNullException(nameof(policy));
            }

            IPAddress[] addresses = await ResolveAsync(address, policy.Resolver, cancellationToken).ConfigureAwait(false);
            NetworkRefusal? refusal = policy.Check(addresses, string.Empty, null, null);
            if (refusal is not null)
            {
                throw new PeerWireException(PeerErrorKind.RefusedByPolicy, $"refused by the network policy ({refusal.Rule}): {refusal.Reason}");
            }

            IPAddress ip = addresses[0];
            var socket = new Socket(ip.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            var connection = new PeerConnection(socket, cancellationToken);
            try
            {
                await connection.Guard(() => WithResult(socket.ConnectAsync(new IPEndPoint(ip, address.Port)))).ConfigureAwait(false);
                return connection;
            }
            catch
            {
                connection.Dispose();
                throw;
            }
        }

        /// <summary>Sends bytes.</summary>
        /// <param name="bytes">The bytes.</param>
        /// <returns>When sent.</returns>
        /// <exception cref="PeerWireException">The connection failed.</exception>
        public async Task SendAsync(byte[] bytes)
        {
            int sent = 0;
            while (sent < bytes.Length)
            {
                sent += await Guard(() => _socket.SendAsync(new ArraySegment<byte>(bytes, sent, bytes.Length - sent), SocketFlags.None)).ConfigureAwait(false);
            }
        }

        /// <summary>Reads exactly <paramref name="count"/> bytes.</summary>
        /// <param name="count">How many bytes.</param>
        /// <returns>The bytes.</returns>
        /// <exception cref="PeerWireException">Kind <see cref="PeerErrorKind.Closed"/> when the peer closes first.</exception>
        public async Task<byte[]> ReadExactlyAsync(int count)
        {
            var buffer = new byte[count];
            await FillAsync(buffer).ConfigureAwait(false);
            return buffer;
        }

        /// <summary>Reads one message; keep-alives are skipped.</summary>
        /// <param name="maxLength">The largest message accepted (id and payload), checked before allocating.</param>
        /// <returns>The message.</returns>
        /// <exception cref="PeerWireException">The peer closed, or sent a message longer than <paramref name="maxLength"/>.</exception>
        public async Task<PeerMessage> ReadMessageAsync(int maxLength)
        {
            while (true)
            {
                await FillAsync(_prefix).ConfigureAwait(false);
                int length = PeerMessage.ReadLength(_prefix, maxLength);
                if (length == 0)
                {
                    continue;
                }

                byte[] body = await ReadExactlyAsync(length).ConfigureAwait(false);
                var payload = new byte[length - 1];
                Buffer.BlockCopy(body, 1, payload, 0, payload.Length);
                return new PeerMessage(body[0], payload);
            }
        }

        /// <summary>Closes the socket.</summary>
        public void Dispose()
        {
            _registration.Dispose();
            _socket.Dispose();
        }

        private static async Task<IPAddress[]> ResolveAsync(PeerAddress address, IHostResolver resolver, CancellationToken cancellationToken)
        {
            try
            {
                return await resolver.ResolveAsync(address.Host, cancellationToken).ConfigureAwait(false);
            }
            catch (SocketException error)
            {
                throw new PeerWireException(PeerErrorKind.Unreachable, $"'{address.Host}' does not resolve: {error.Message}", error);
            }
        }

        private async Task FillAsync(byte[] buffer)
        {
            int read = Take(buffer, 0);
            while (read < buffer.Length)
            {
                int n = await Guard(() => _socket.ReceiveAsync(new ArraySegment<byte>(_received), SocketFlags.None)).ConfigureAwait(false);
                if (n == 0)
                {
                    throw new PeerWireException(PeerErrorKind.Closed, read == 0 ? "the peer closed the connection" : $"the peer closed the connection after {read} of {buffer.Length} bytes of a message");
                }

                BytesReceived += n;
                _receivedStart = 0;
                _receivedEnd = n;
                read += Take(buffer, read);
            }
        }

        // Copies what the receive buffer holds, up to what buffer still lacks after offset; returns the count.
        private int Take(byte[] buffer, int offset)
        {
            int count = Math.Min(buffer.Length - offset, _receivedEnd - _receivedStart);
            Buffer.BlockCopy(_received, _receivedStart, buffer, offset, count);
            _receivedStart += count;
            return count;
        }

        // A socket closed by the token fails its pending operation with ObjectDisposedException or OperationAborted, and a
        // new one at once (hence the operation is started inside the try).
        private async Task<T> Guard<T>(Func<Task<T>> operation)
        {
            try
            {
                return await operation().ConfigureAwait(false);
            }
            catch (Exception error) when (_cancellationToken.IsCancellationRequested && (error is ObjectDisposedException || error is SocketException))
            {
                throw new OperationCanceledException(_cancellationToken);
            }
            catch (SocketException error)
            {
                throw Translate(error);
            }
        }

        private static async Task<bool> WithResult(Task operation)
        {
            await operation.ConfigureAwait(false);
            return true;
        }

        private static PeerWireException Translate(SocketException error) => error.SocketErrorCode switch
        {
            SocketError.ConnectionRefused => new PeerWireException(PeerErrorKind.Refused, "connection refused", error),
            SocketError.TimedOut => new PeerWireException(PeerErrorKind.Timeout, "the connection timed out", error),
            SocketError.ConnectionReset => new PeerWireException(PeerErrorKind.Closed, "the peer reset the connection", error),
            SocketError.HostUnreachable or SocketError.NetworkUnreachable or SocketError.AddressNotAvailable =>
                new PeerWireException(PeerErrorKind.Unreachable, $"unreachable ({error.SocketErrorCode})", error),
            _ => new PeerWireException(PeerErrorKind.Unreachable, $"connection failed ({error.SocketErrorCode})", error),
        };
    }
}
