using System;
using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace TrackerPS.Core.Tests.Fakes
{
    /// <summary>
    /// An in-process BEP 15 tracker on a loopback address, with switches for misbehaviour. It builds its packets with
    /// <see cref="BinaryPrimitives"/>, not with the client's encoders, so client bugs are not mirrored.
    /// Scrape counts are derived from each info-hash (seeders = byte 0, completed = byte 1, leechers = byte 2) so
    /// tests can check that results are matched by position.
    /// </summary>
    internal sealed class FakeUdpTracker : IDisposable
    {
        private const ulong ProtocolId = 0x41727101980;
        private readonly Socket _socket;
        private readonly Socket? _otherSource;
        private readonly ConcurrentDictionary<ulong, bool> _connectionIds = new ConcurrentDictionary<ulong, bool>();
        private int _received;
        private int _connects;
        private int _announces;
        private int _scrapes;
        private int _unansweredScrapes;
        private int _maxUnansweredScrapes;

        /// <param name="address">Loopback address to listen on (127.0.0.1 or ::1).</param>
        /// <param name="otherSourceAddress">A second address replies can be sent from (e.g. 127.0.0.2), or null.</param>
        internal FakeUdpTracker(IPAddress? address = null, IPAddress? otherSourceAddress = null)
        {
            address ??= IPAddress.Loopback;
            _socket = Bind(address);
            if (otherSourceAddress is not null)
            {
                _otherSource = Bind(otherSourceAddress);
            }

            _ = ReceiveLoopAsync();
        }

        internal IPEndPoint EndPoint => (IPEndPoint)_socket.LocalEndPoint!;

        internal Uri Uri => new Uri($"udp://{(EndPoint.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{EndPoint.Address}]" : EndPoint.Address.ToString())}:{EndPoint.Port}/announce");

        /// <summary>Ignore the first N datagrams received (of any kind).</summary>
        internal int DropFirst { get; set; }

        /// <summary>Wait this long before every reply.</summary>
        internal TimeSpan Delay { get; set; }

        /// <summary>Before every reply, send junk: a 5-byte packet and a reply-sized packet with a random transaction id.</summary>
        internal bool GarbageFirst { get; set; }

        /// <summary>Cut this many bytes off the end of announce replies.</summary>
        internal int TruncateAnnounceBy { get; set; }

        /// <summary>Before every reply, send the same reply with the transaction id plus one.</summary>
        internal bool WrongTransactionIdFirst { get; set; }

        /// <summary>Answer announces and scrapes with this error message (action 3).</summary>
        internal string? ErrorMessage { get; set; }

        /// <summary>Send replies from the other source address.</summary>
        internal bool ReplyFromOtherSource { get; set; }

        internal int Interval { get; set; } = 1800;

        internal int Seeders { get; set; } = 5;

        internal int Leechers { get; set; } = 3;

        /// <summary>Peers in announce replies, as raw compact bytes (6 or 18 bytes each).</summary>
        internal byte[] CompactPeers { get; set; } = new byte[0];

        internal int ReceivedCount => Volatile.Read(ref _received);

        /// <summary>
        /// Waits until at least <paramref name="count"/> datagrams have been counted or <paramref name="timeout"/> has
        /// passed, and gives the count then. The receive loop runs on the thread pool, which a loaded test run can hold up
        /// past the moment the client has given up: the datagrams are in the socket's buffer, not yet counted.
        /// </summary>
        internal int WaitForReceived(int count, TimeSpan timeout)
        {
            SpinWait.SpinUntil(() => ReceivedCount >= count, timeout);
            return ReceivedCount;
        }

        internal int ConnectCount => Volatile.Read(ref _connects);

        internal int AnnounceCount => Volatile.Read(ref _announces);

        internal int ScrapeCount => Volatile.Read(ref _scrapes);

        /// <summary>The most scrape packets received and not yet answered at one time: the client's scrape window.</summary>
        internal int MaxUnansweredScrapes => Volatile.Read(ref _maxUnansweredScrapes);

        /// <summary>Every announce packet received with a valid connection id.</summary>
        internal ConcurrentQueue<byte[]> Announces { get; } = new ConcurrentQueue<byte[]>();

        /// <summary>Forgets every connection id issued: the next request using one gets an error packet.</summary>
        internal void ExpireConnectionIds() => _connectionIds.Clear();

        public void Dispose()
        {
            _socket.Dispose();
            _otherSource?.Dispose();
        }

        private static Socket Bind(IPAddress address)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            socket.Bind(new IPEndPoint(address, 0));
            return socket;
        }

        private async Task ReceiveLoopAsync()
        {
            var buffer = new byte[65536];
            EndPoint any = new IPEndPoint(EndPoint.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
            while (true)
            {
                SocketReceiveFromResult received;
                try
                {
                    received = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, any);
                }
                catch (Exception e) when (e is ObjectDisposedException || e is SocketException)
                {
                    return;
                }

                if (Interlocked.Increment(ref _received) <= DropFirst)
                {
                    continue;
                }

                byte[] packet = buffer.AsSpan(0, received.ReceivedBytes).ToArray();
                _ = HandleAsync(packet, (IPEndPoint)received.RemoteEndPoint);
            }
        }

        private async Task HandleAsync(byte[] packet, IPEndPoint client)
        {
            byte[]? reply = BuildReply(packet, client.AddressFamily);
            if (reply is null)
            {
                return;
            }

            bool scrape = BinaryPrimitives.ReadUInt32BigEndian(reply) == 2;
            if (scrape)
            {
                int unanswered = Interlocked.Increment(ref _unansweredScrapes);
                int max;
                while (unanswered > (max = Volatile.Read(ref _maxUnansweredScrapes))
                    && Interlocked.CompareExchange(ref _maxUnansweredScrapes, unanswered, max) != max)
                {
                }
            }

            if (Delay > TimeSpan.Zero)
            {
                await Task.Delay(Delay);
            }

            // Counted as answered just before the reply goes out, so the client cannot send the next one earlier.
            if (scrape)
            {
                Interlocked.Decrement(ref _unansweredScrapes);
            }

            Socket sender = ReplyFromOtherSource && _otherSource is not null ? _otherSource : _socket;
            try
            {
                if (GarbageFirst)
                {
                    await sender.SendToAsync(RandomNumberGenerator.GetBytes(5), SocketFlags.None, client);
                    byte[] junk = RandomNumberGenerator.GetBytes(reply.Length);
                    BinaryPrimitives.WriteUInt32BigEndian(junk, BinaryPrimitives.ReadUInt32BigEndian(reply));
                    await sender.SendToAsync(junk, SocketFlags.None, client);
                }

                if (WrongTransactionIdFirst)
                {
                    byte[] wrong = (byte[])reply.Clone();
                    BinaryPrimitives.WriteUInt32BigEndian(wrong.AsSpan(4), BinaryPrimitives.ReadUInt32BigEndian(reply.AsSpan(4)) + 1);
                    await sender.SendToAsync(wrong, SocketFlags.None, client);
                }

                await sender.SendToAsync(reply, SocketFlags.None, client);
            }
            catch (ObjectDisposedException)
            {
                // The test finished and disposed the tracker while a delayed reply was pending.
            }
        }

        private byte[]? BuildReply(byte[] packet, AddressFamily family)
        {
            if (packet.Length < 16)
            {
                return null;
            }

            ulong connectionId = BinaryPrimitives.ReadUInt64BigEndian(packet);
            uint action = BinaryPrimitives.ReadUInt32BigEndian(packet.AsSpan(8));
            uint transactionId = BinaryPrimitives.ReadUInt32BigEndian(packet.AsSpan(12));
            if (action == 0 && connectionId == ProtocolId)
            {
                Interlocked.Increment(ref _connects);
                ulong issued = BinaryPrimitives.ReadUInt64BigEndian(RandomNumberGenerator.GetBytes(8));
                _connectionIds[issued] = true;
                return Words(0, transactionId).Concat(U64(issued)).ToArray();
            }

            if (action == 1)
            {
                Interlocked.Increment(ref _announces);
            }
            else if (action == 2)
            {
                Interlocked.Increment(ref _scrapes);
            }

            if (!_connectionIds.ContainsKey(connectionId))
            {
                return Error(transactionId, "connection id expired");
            }

            if (ErrorMessage is not null)
            {
                return Error(transactionId, ErrorMessage);
            }

            if (action == 1)
            {
                Announces.Enqueue(packet);
                byte[] reply = Words(1, transactionId, (uint)Interval, (uint)Leechers, (uint)Seeders).Concat(CompactPeers).ToArray();
                return reply.AsSpan(0, reply.Length - TruncateAnnounceBy).ToArray();
            }

            if (action == 2)
            {
                var reply = Words(2, transactionId).ToList();
                for (int offset = 16; offset + 20 <= packet.Length; offset += 20)
                {
                    reply.AddRange(Words(packet[offset], packet[offset + 1], packet[offset + 2]));
                }

                return reply.ToArray();
            }

            return null;
        }

        private static byte[] Error(uint transactionId, string message) =>
            Words(3, transactionId).Concat(Encoding.UTF8.GetBytes(message)).ToArray();

        private static byte[] Words(params uint[] words)
        {
            var bytes = new byte[words.Length * 4];
            for (int i = 0; i < words.Length; i++)
            {
                BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(i * 4), words[i]);
            }

            return bytes;
        }

        private static byte[] U64(ulong value)
        {
            var bytes = new byte[8];
            BinaryPrimitives.WriteUInt64BigEndian(bytes, value);
            return bytes;
        }
    }
}
