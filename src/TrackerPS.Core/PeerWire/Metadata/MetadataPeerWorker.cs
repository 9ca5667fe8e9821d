using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace TrackerPS.Core.PeerWire.Metadata
{
    /// <summary>
    /// Fetches metadata pieces from one peer (BEP 9 over BEP 10) into the shared <see cref="MetadataSwarm"/>. Refuses a
    /// <c>metadata_size</c> of 0 or less or above the limit before anything is allocated, pins the size the peer
    /// announced, and drops the peer for a data message with another <c>total_size</c>, a piece index out of range or
    /// not asked for, or a piece of the wrong length. A reject leaves the piece to other peers; an unknown
    /// <c>msg_type</c> is ignored. The timeout restarts at every message, so a peer that drips one message slower than
    /// the timeout is dropped.
    /// </summary>
    internal sealed class MetadataPeerWorker
    {
        /// <summary>The id we receive ut_metadata messages under (our <c>m</c>).</summary>
        internal const byte LocalMetadataId = 1;

        /// <summary>
        /// How many requests are kept in flight per peer. libtorrent 2.0 (src/ut_metadata.cpp) answers a request at once
        /// while the connection's send buffer holds under 160 KiB (its send_buffer_limit, ten pieces) and otherwise queues it
        /// until its once-a-second tick. That buffer holds the pieces of its one write in progress, which we may already
        /// have read (the write's completion can run after our next request arrives), plus the pieces answered since, which
        /// we have not: at most 5 + 4 = 9 pieces with 5 in flight, so every request is answered at once. With 12 in
        /// flight the last pieces of a 315 KB info dictionary came a second late.
        /// </summary>
        internal const int RequestWindow = 5;

        private readonly MetadataSwarm _swarm;
        private readonly MetadataTarget _target;
        private readonly MetadataFetchOptions _options;
        private readonly PeerAddress _address;
        private readonly string _peer;
        private readonly HashSet<int> _outstanding = new HashSet<int>();
        private readonly HashSet<int> _rejected = new HashSet<int>();
        private MetadataAssembly? _assembly;

        internal MetadataPeerWorker(MetadataSwarm swarm, MetadataTarget target, MetadataFetchOptions options, PeerAddress address)
        {
            _swarm = swarm;
            _target = target;
            _options = options;
            _address = address;
            _peer = address.ToString();
        }

        /// <summary>Works until the metadata is verified, the peer has nothing more to give or fails; never throws for the peer's faults.</summary>
        internal async Task RunAsync(CancellationToken cancellationToken)
        {
            using var life = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            _swarm.Join(_peer, life);
            life.CancelAfter(_options.Timeout);
            // The session is closed last, after the drop is reported and the outstanding pieces released: a peer sees its
            // connection end only once the swarm knows why, so a fetch another peer completes meanwhile has the reason.
            PeerSession? session = null;
            try
            {
                PeerFeatures features = PeerFeatures.ExtensionProtocol | (_target.UpgradedHash is null ? 0 : PeerFeatures.V2Upgrade);
                var ours = new PeerHandshake(features, _target.HandshakeHash, _options.PeerId);
                // Our extension handshake goes in the handshake's write: a peer without the extension bit is dropped
                // unread (FetchAsync), so only a peer that supports BEP 10 reads it, a round trip sooner.
                var extension = new ExtensionHandshake { Client = _options.ClientName, Messages = new Dictionary<string, byte> { ["ut_metadata"] = LocalMetadataId } };
                session = await PeerSession.OpenAsync(_address, ours, extension.Encode().Encode(), _target.UpgradedHash, _options.NetworkPolicy, life.Token).ConfigureAwait(false);
                _swarm.Connected();
                await FetchAsync(session, life).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                _swarm.Drop(_peer, string.Format(CultureInfo.InvariantCulture, "timeout: no message within {0} s", _options.Timeout.TotalSeconds));
            }
            catch (PeerWireException error)
            {
                _swarm.Drop(_peer, error.Message);
            }
            finally
            {
                if (_assembly is not null)
                {
                    foreach (int piece in _outstanding)
                    {
                        _swarm.Release(_assembly, piece);
                    }
                }

                session?.Dispose();
            }
        }

        private async Task FetchAsync(PeerSession session, CancellationTokenSource life)
        {
            if ((session.Remote.Features & PeerFeatures.ExtensionProtocol) == 0)
            {
                throw Violation("does not support the extension protocol (BEP 10), so it cannot send metadata");
            }

            ExtensionHandshake theirs = await ReadExtensionHandshakeAsync(session.Connection, life).ConfigureAwait(false);
            if (!theirs.Messages.TryGetValue("ut_metadata", out byte remoteId))
            {
                throw Violation("does not offer ut_metadata (BEP 9); peers of a private torrent (BEP 27) never share its metadata");
            }

            long size = theirs.MetadataSize ?? throw Violation("offers ut_metadata without a metadata_size");
            if (size <= 0 || size > _options.MaxMetadataSize)
            {
                throw Violation(string.Format(CultureInfo.InvariantCulture, "announced metadata_size {0}, refused: it must be 1 to {1} bytes (-MaxMetadataSize)", size, _options.MaxMetadataSize));
            }

            _assembly = _swarm.AssemblyFor(size);
            bool received = false;
            while (true)
            {
                await RequestAsync(session.Connection, remoteId, received).ConfigureAwait(false);
                if (_outstanding.Count == 0)
                {
                    // Every missing piece was rejected by this peer (or the rest is complete): it has nothing more to give.
                    throw Violation($"rejected piece(s) {string.Join(", ", _rejected.OrderBy(p => p))}");
                }

                // The frame lies in the connection's buffer until the next read: decoded in place, its piece copied once into the assembly.
                ArraySegment<byte> frame = await ReadAsync(session.Connection, life).ConfigureAwait(false);
                received = false;
                if (IsExtended(frame, LocalMetadataId))
                {
                    MetadataMessage metadata = MetadataMessage.Decode(ExtendedBody(frame));
                    received = metadata.Type == (long)MetadataMessageType.Data;
                    await HandleAsync(metadata, session.Connection, remoteId).ConfigureAwait(false);
                }
            }
        }

        /// <summary>
        /// Fills the window with requests, sent in one write so the peer reads them at once. When a piece has just arrived
        /// and there is nothing left to ask for, sends a keep-alive (BEP 3) instead: libtorrent's sockets keep Nagle's
        /// algorithm on, so the tail of its last write waits for our ACK, which the kernel delays up to 40 ms when we send
        /// nothing; the keep-alive carries the ACK at once.
        /// </summary>
        private async Task RequestAsync(PeerConnection connection, byte remoteId, bool acknowledge)
        {
            var requests = new List<byte>();
            while (_outstanding.Count < RequestWindow)
            {
                int piece = _swarm.Take(_assembly!, _outstanding.Concat(_rejected).ToArray());
                if (piece < 0)
                {
                    break;
                }

                _outstanding.Add(piece);
                requests.AddRange(MetadataMessage.Request(piece).Encode(remoteId).Encode());
            }

            if (requests.Count > 0)
            {
                await connection.SendAsync(requests.ToArray()).ConfigureAwait(false);
            }
            else if (acknowledge && _outstanding.Count > 0)
            {
                await connection.SendAsync(PeerMessage.KeepAlive).ConfigureAwait(false);
            }
        }

        private async Task HandleAsync(MetadataMessage message, PeerConnection connection, byte remoteId)
        {
            MetadataAssembly assembly = _assembly!;
            switch (message.Type)
            {
                case (long)MetadataMessageType.Request:
                    // We have no metadata to give.
                    await connection.SendAsync(MetadataMessage.Reject(message.Piece).Encode(remoteId).Encode()).ConfigureAwait(false);
                    break;
                case (long)MetadataMessageType.Reject:
                    if (message.Piece >= 0 && message.Piece < assembly.PieceCount && _outstanding.Remove((int)message.Piece))
                    {
                        _rejected.Add((int)message.Piece);
                        _swarm.Release(assembly, (int)message.Piece);
                    }

                    break;
                case (long)MetadataMessageType.Data:
                    int piece = CheckData(message, assembly);
                    _outstanding.Remove(piece);
                    _swarm.Deliver(assembly, piece, message.Data, _peer);
                    break;
                default:
                    // BEP 9: an unknown msg_type must be ignored.
                    break;
            }
        }

        private int CheckData(MetadataMessage message, MetadataAssembly assembly)
        {
            if (message.Piece < 0 || message.Piece >= assembly.PieceCount)
            {
                throw Violation($"sent piece {message.Piece} of a {assembly.PieceCount}-piece info dictionary");
            }

            int piece = (int)message.Piece;
            if (!_outstanding.Contains(piece))
            {
                throw Violation($"sent piece {piece}, which it was not asked for");
            }

            if (message.TotalSize != assembly.Size)
            {
                throw Violation($"announced metadata_size {assembly.Size} but sent total_size {message.TotalSize?.ToString(CultureInfo.InvariantCulture) ?? "(none)"}");
            }

            int expected = MetadataMessage.PieceLength(assembly.Size, piece);
            if (message.Data.Count != expected)
            {
                throw Violation($"sent {message.Data.Count} bytes for piece {piece}, expected {expected}");
            }

            return piece;
        }

        private async Task<ExtensionHandshake> ReadExtensionHandshakeAsync(PeerConnection connection, CancellationTokenSource life)
        {
            while (true)
            {
                ArraySegment<byte> frame = await ReadAsync(connection, life).ConfigureAwait(false);
                if (IsExtended(frame, ExtensionHandshake.HandshakeId))
                {
                    return ExtensionHandshake.Decode(ExtendedBody(frame));
                }
            }
        }

        private async Task<ArraySegment<byte>> ReadAsync(PeerConnection connection, CancellationTokenSource life)
        {
            ArraySegment<byte> frame = await connection.ReadFrameAsync(PeerMessage.MaxLength).ConfigureAwait(false);
            life.CancelAfter(_options.Timeout);
            return frame;
        }

        // A frame is the message id, then (for an extended message) the extended id, then the body.
        private static bool IsExtended(ArraySegment<byte> frame, byte extendedId) =>
            frame.Count > 1 && frame.Array![frame.Offset] == (byte)PeerMessageId.Extended && frame.Array[frame.Offset + 1] == extendedId;

        private static ArraySegment<byte> ExtendedBody(ArraySegment<byte> frame) => new ArraySegment<byte>(frame.Array!, frame.Offset + 2, frame.Count - 2);

        private static PeerWireException Violation(string message) => new PeerWireException(PeerErrorKind.ProtocolViolation, message);
    }
}
