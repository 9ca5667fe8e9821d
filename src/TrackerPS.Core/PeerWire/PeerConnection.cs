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
        // ut_metadata pieces then costs one or two calls instead of two or more per message. A frame is handed out in
        // place; the buffer grows (up to the reader's limit) only for a message longer than it.
        private const int ReceiveBufferSize = 32 * 1024;

        private byte[] _received = new byte[ReceiveBufferSize];
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
            await FillAsync(count, count).ConfigureAwait(false);
            var bytes = new byte[count];
            Buffer.BlockCopy(_received, _receivedStart, bytes, 0, count);
            _receivedStart += count;
            return bytes;
        }

        /// <summary>Reads one message; keep-alives are skipped.</summary>
        /// <param name="maxLength">The largest message accepted (id and payload), checked before allocating.</param>
        /// <returns>The message.</returns>
        /// <exception cref="PeerWireException">The peer closed, or sent a message longer than <paramref name="maxLength"/>.</exception>
        public async Task<PeerMessage> ReadMessageAsync(int maxLength)
        {
            ArraySegment<byte> frame = await ReadFrameAsync(maxLength).ConfigureAwait(false);
            var payload = new byte[frame.Count - 1];
            Buffer.BlockCopy(frame.Array!, frame.Offset + 1, payload, 0, payload.Length);
            return new PeerMessage(frame.Array![frame.Offset], payload);
        }

        /// <summary>
        /// Reads one message in place, without copying it: the id and payload (no length prefix) as a segment of the
        /// connection's receive buffer, valid only until the next read. Keep-alives are skipped.
        /// </summary>
        /// <param name="maxLength">The largest message accepted (id and payload), checked before the buffer grows for it.</param>
        /// <returns>The id (the first byte) and the payload; at least one byte.</returns>
        /// <exception cref="PeerWireException">The peer closed, or sent a message longer than <paramref name="maxLength"/>.</exception>
        public async Task<ArraySegment<byte>> ReadFrameAsync(int maxLength)
        {
            while (true)
            {
                await FillAsync(PeerMessage.LengthPrefixSize, PeerMessage.LengthPrefixSize).ConfigureAwait(false);
                int length = PeerMessage.ReadLength(new ArraySegment<byte>(_received, _receivedStart, PeerMessage.LengthPrefixSize), maxLength);
                if (length == 0)
                {
                    _receivedStart += PeerMessage.LengthPrefixSize;
                    continue;
                }

                // The message is counted from its prefix, so a peer closing inside it is told as "after N of M bytes" of the body.
                await FillAsync(PeerMessage.LengthPrefixSize + length, length).ConfigureAwait(false);
                var frame = new ArraySegment<byte>(_received, _receivedStart + PeerMessage.LengthPrefixSize, length);
                _receivedStart += PeerMessage.LengthPrefixSize + length;
                return frame;
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

        // Receives until the buffer holds count unread bytes from _receivedStart, moving the unread tail to the front (and
        // growing the buffer) when the rest does not fit. The last `needed` of the count bytes are the ones a close is
        // reported against (a message's body, not its prefix). Completes at once when the bytes are already there.
        private Task FillAsync(int count, int needed) => _receivedEnd - _receivedStart >= count ? Task.CompletedTask : ReceiveAsync(count, needed);

        private async Task ReceiveAsync(int count, int needed)
        {
            if (_receivedStart + count > _received.Length)
            {
                byte[] target = count > _received.Length ? new byte[Math.Max(count, _received.Length * 2)] : _received;
                Buffer.BlockCopy(_received, _receivedStart, target, 0, _receivedEnd - _receivedStart);
                _received = target;
                _receivedEnd -= _receivedStart;
                _receivedStart = 0;
            }

            while (_receivedEnd - _receivedStart < count)
            {
                int n = await Guard(() => _socket.ReceiveAsync(new ArraySegment<byte>(_received, _receivedEnd, _received.Length - _receivedEnd), SocketFlags.None)).ConfigureAwait(false);
                if (n == 0)
                {
                    int read = _receivedEnd - _receivedStart - (count - needed);
                    throw new PeerWireException(PeerErrorKind.Closed, read == 0 ? "the peer closed the connection" : $"the peer closed the connection after {read} of {needed} bytes of a message");
                }

                BytesReceived += n;
                _receivedEnd += n;
            }
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
