using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace TrackerPS.Core.Trackers.Udp
{
    /// <summary>
    /// Request/reply over unconnected UDP sockets, one per address family (created on first use), shared by every
    /// request of a client. A receive loop per socket hands each datagram to the pending request with the same
    /// transaction id when its action is the one expected or 3 (error). The source address is not checked: a tracker
    /// may answer from another of its addresses, and 32-bit transaction ids from a cryptographic RNG are not guessable.
    /// </summary>
    internal sealed class UdpTransport : IDisposable
    {
        /// <summary>Receive buffer: the largest UDP payload (65,507 bytes over IPv4, 65,527 over IPv6) fits.</summary>
        internal const int ReceiveBufferSize = 65536;

        private readonly UdpTransactionIds _transactionIds = new UdpTransactionIds();
        private readonly ConcurrentDictionary<uint, Pending> _pending = new ConcurrentDictionary<uint, Pending>();
        private readonly object _socketsLock = new object();
        private Socket? _ipv4;
        private Socket? _ipv6;
        private bool _disposed;

        /// <summary>Sends a request on the schedule until a matching reply arrives.</summary>
        /// <param name="endpoint">The tracker's address.</param>
        /// <param name="action">The action the reply must carry (or 3, error).</param>
        /// <param name="encode">Builds the packet for the transaction id chosen here.</param>
        /// <param name="schedule">When to send and when to give up.</param>
        /// <param name="cancellationToken">Cancels the wait.</param>
        /// <exception cref="TimeoutException">The schedule ran out.</exception>
        /// <exception cref="SocketException">The socket failed.</exception>
        internal async Task<UdpReply> ExchangeAsync(
            IPEndPoint endpoint, UdpAction action, Func<uint, byte[]> encode, UdpRetransmissionSchedule schedule, CancellationToken cancellationToken)
        {
            Socket socket = GetSocket(endpoint.AddressFamily);
            var pending = new Pending(action, endpoint.AddressFamily, cancellationToken);
            uint transactionId = Register(pending);
            try
            {
                using (cancellationToken.Register(state => ((Pending)state!).Cancel(), pending))
                using (new UdpRetransmitter(socket, endpoint, encode(transactionId), schedule, pending))
                {
                    return new UdpReply(await pending.Task.ConfigureAwait(false), transactionId);
                }
            }
            finally
            {
                _pending.TryRemove(transactionId, out _);
            }
        }

        /// <inheritdoc />
        public void Dispose()
        {
            lock (_socketsLock)
            {
                _disposed = true;
                _ipv4?.Dispose();
                _ipv6?.Dispose();
            }

            foreach (Pending pending in _pending.Values)
            {
                pending.TrySetException(new ObjectDisposedException(nameof(UdpTrackerClient)));
            }
        }

        private uint Register(Pending pending)
        {
            while (true)
            {
                uint transactionId = _transactionIds.Next();
                if (_pending.TryAdd(transactionId, pending))
                {
                    return transactionId;
                }
            }
        }

        private Socket GetSocket(AddressFamily family)
        {
            lock (_socketsLock)
            {
                if (_disposed)
                {
                    throw new ObjectDisposedException(nameof(UdpTrackerClient));
                }

                ref Socket? socket = ref family == AddressFamily.InterNetworkV6 ? ref _ipv6 : ref _ipv4;
                if (socket is null)
                {
                    socket = new Socket(family, SocketType.Dgram, ProtocolType.Udp);
                    socket.Bind(new IPEndPoint(family == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0));
                    StartReceiving(socket);
                }

                return socket;
            }
        }

        // Blocking receives on a thread of their own: a reply completes its request on this thread, which sends the
        // request waiting for the slot before it reads again, with no hop through the thread pool (a socket's async
        // completions reach a pool thread from the epoll thread on Linux: two thread switches per round trip).
        // Disposing the socket ends the receive and the thread.
        private void StartReceiving(Socket socket)
        {
            var thread = new Thread(() => ReceiveLoop(socket)) { IsBackground = true, Name = "TrackerPS UDP receive" };
            thread.Start();
        }

        private void ReceiveLoop(Socket socket)
        {
            var buffer = new byte[ReceiveBufferSize];
            EndPoint any = new IPEndPoint(socket.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
            while (true)
            {
                int received;
                try
                {
                    received = socket.ReceiveFrom(buffer, ref any);
                }
                catch (ObjectDisposedException)
                {
                    return;
                }
                catch (SocketException) when (_disposed)
                {
                    return;
                }
                catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionReset)
                {
                    // Windows reports an ICMP port unreachable for an earlier send here; it names no request, so the
                    // waiting requests keep to their retransmission schedule (and time out if the tracker is down).
                    continue;
                }
                catch (SocketException e)
                {
                    FailPending(socket, e);
                    return;
                }

                Dispatch(buffer, received);
            }
        }

        private void Dispatch(byte[] buffer, int length)
        {
            var packet = new byte[length];
            Buffer.BlockCopy(buffer, 0, packet, 0, length);
            if (UdpResponseHeader.TryRead(packet, out UdpAction action, out uint transactionId)
                && _pending.TryGetValue(transactionId, out Pending? pending)
                && (action == pending.Action || action == UdpAction.Error))
            {
                pending.TrySetResult(packet);
            }
        }

        // A socket error other than a connection reset ends the socket: its requests fail, and the next request opens a new one.
        private void FailPending(Socket socket, SocketException error)
        {
            AddressFamily family = socket.AddressFamily;
            lock (_socketsLock)
            {
                if (ReferenceEquals(_ipv4, socket))
                {
                    _ipv4 = null;
                }

                if (ReferenceEquals(_ipv6, socket))
                {
                    _ipv6 = null;
                }
            }

            socket.Dispose();
            foreach (Pending pending in _pending.Values)
            {
                if (pending.Family == family)
                {
                    pending.TrySetException(error);
                }
            }
        }

        // The reply of one request, with what a datagram must match. Continuations run where the reply is set (the
        // receive thread, for a reply): see StartReceiving.
        private sealed class Pending : TaskCompletionSource<byte[]>
        {
            private readonly CancellationToken _cancellationToken;

            internal Pending(UdpAction action, AddressFamily family, CancellationToken cancellationToken)
            {
                Action = action;
                Family = family;
                _cancellationToken = cancellationToken;
            }

            internal UdpAction Action { get; }

            internal AddressFamily Family { get; }

            internal void Cancel() => TrySetCanceled(_cancellationToken);
        }
    }
}
