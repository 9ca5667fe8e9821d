using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using TrackerPS.Core.Metainfo;

namespace TrackerPS.Core.PeerWire
{
    /// <summary>
    /// A connection past the BEP 3 handshake: connected, our handshake sent, the peer's read and checked against the
    /// info-hash (or, when we offered the BEP 52 upgrade of a hybrid torrent, the truncated v2 hash the peer may answer
    /// with). Owns its <see cref="PeerConnection"/>.
    /// </summary>
    public sealed class PeerSession : IDisposable
    {
        private PeerSession(PeerConnection connection, PeerHandshake remote, TimeSpan latency)
        {
            Connection = connection;
            Remote = remote;
            Latency = latency;
        }

        /// <summary>The connection, for the messages after the handshake.</summary>
        public PeerConnection Connection { get; }

        /// <summary>The peer's handshake.</summary>
        public PeerHandshake Remote { get; }

        /// <summary>Time from the start of the connect to the peer's complete handshake.</summary>
        public TimeSpan Latency { get; }

        /// <summary>Connects, sends <paramref name="ours"/> and reads the peer's handshake.</summary>
        /// <param name="address">The peer.</param>
        /// <param name="ours">Our handshake.</param>
        /// <param name="upgradedHash">The truncated v2 hash the peer may answer with when <paramref name="ours"/> offers <see cref="PeerFeatures.V2Upgrade"/>, else null.</param>
        /// <param name="policy">The SSRF rules the connection obeys.</param>
        /// <param name="cancellationToken">Bounds the connection's whole life (timeout and Ctrl+C).</param>
        /// <returns>The session.</returns>
        /// <exception cref="PeerWireException">
        /// The connection failed; kind <see cref="PeerErrorKind.ClosedAtHandshake"/> when the peer closed before sending
        /// a byte, <see cref="PeerErrorKind.WrongInfoHash"/> when it answered for another torrent.
        /// </exception>
        /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
        public static Task<PeerSession> OpenAsync(PeerAddress address, PeerHandshake ours, InfoHash? upgradedHash, Network.NetworkPolicy policy, CancellationToken cancellationToken) =>
            OpenAsync(address, ours, null, upgradedHash, policy, cancellationToken);

        /// <summary>
        /// Connects, sends <paramref name="ours"/> with <paramref name="pipelined"/> in the same write, and reads the peer's
        /// handshake. For a caller that drops every peer lacking a feature its first message needs: BEP 10 sends the
        /// extension handshake to peers that set the extension bit, and a peer that does not is dropped right after its
        /// handshake, so the message it was sent early goes unread; a peer that does gets it a round trip sooner.
        /// </summary>
        /// <param name="address">The peer.</param>
        /// <param name="ours">Our handshake.</param>
        /// <param name="pipelined">The wire bytes of the messages to send right after the handshake, or null.</param>
        /// <param name="upgradedHash">The truncated v2 hash the peer may answer with when <paramref name="ours"/> offers <see cref="PeerFeatures.V2Upgrade"/>, else null.</param>
        /// <param name="policy">The SSRF rules the connection obeys.</param>
        /// <param name="cancellationToken">Bounds the connection's whole life (timeout and Ctrl+C).</param>
        /// <returns>The session.</returns>
        /// <exception cref="PeerWireException">
        /// The connection failed; kind <see cref="PeerErrorKind.ClosedAtHandshake"/> when the peer closed before sending
        /// a byte, <see cref="PeerErrorKind.WrongInfoHash"/> when it answered for another torrent.
        /// </exception>
        /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
        public static async Task<PeerSession> OpenAsync(PeerAddress address, PeerHandshake ours, byte[]? pipelined, InfoHash? upgradedHash, Network.NetworkPolicy policy, CancellationToken cancellationToken)
        {
            if (ours is null)
            {
                throw new ArgumentNullException(nameof(ours));
            }

            Stopwatch clock = Stopwatch.StartNew();
            PeerConnection connection = await PeerConnection.ConnectAsync(address, policy, cancellationToken).ConfigureAwait(false);
            try
            {
                await connection.SendAsync(Concat(ours.Encode(), pipelined)).ConfigureAwait(false);
                byte[] reply;
                try
                {
                    reply = await connection.ReadExactlyAsync(PeerHandshake.Length).ConfigureAwait(false);
                }
                catch (PeerWireException error) when (error.Kind == PeerErrorKind.Closed)
                {
                    throw connection.BytesReceived == 0
                        ? new PeerWireException(PeerErrorKind.ClosedAtHandshake, "closed (may require encryption): the peer closed the connection without a handshake; it may require encryption (MSE) or not have the torrent", error)
                        : new PeerWireException(PeerErrorKind.Closed, $"the peer closed the connection after {connection.BytesReceived} of the {PeerHandshake.Length} handshake bytes", error);
                }

                PeerHandshake remote = PeerHandshake.Decode(reply);
                bool upgraded = upgradedHash is not null && (ours.Features & PeerFeatures.V2Upgrade) != 0 && remote.InfoHash.Equals(upgradedHash);
                if (!remote.InfoHash.Equals(ours.InfoHash) && !upgraded)
                {
                    throw new PeerWireException(PeerErrorKind.WrongInfoHash, $"wrong info-hash: the peer answered for {remote.InfoHash.ToHex()}, not {ours.InfoHash.ToHex()}");
                }

                return new PeerSession(connection, remote, clock.Elapsed);
            }
            catch
            {
                connection.Dispose();
                throw;
            }
        }

        /// <summary>Closes the connection.</summary>
        public void Dispose() => Connection.Dispose();

        private static byte[] Concat(byte[] handshake, byte[]? pipelined)
        {
            if (pipelined is null)
            {
                return handshake;
            }

            var bytes = new byte[handshake.Length + pipelined.Length];
            Buffer.BlockCopy(handshake, 0, bytes, 0, handshake.Length);
            Buffer.BlockCopy(pipelined, 0, bytes, handshake.Length, pipelined.Length);
            return bytes;
        }
    }
}
