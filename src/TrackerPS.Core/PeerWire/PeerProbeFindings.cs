using System;
using System.Globalization;
using System.Linq;
using TrackerPS.Core.Metainfo;

namespace TrackerPS.Core.PeerWire
{
    /// <summary>What a probe has learned so far from one peer's handshake and first messages; becomes a <see cref="PeerProbe"/>.</summary>
    internal sealed class PeerProbeFindings
    {
        private readonly PeerProbeTarget _target;
        private PeerSession? _session;
        private ExtensionHandshake? _extension;
        private bool? _hasAll;
        private int? _pieceCount;
        private bool _sawAvailability;
        private string? _error;

        internal PeerProbeFindings(PeerProbeTarget target)
        {
            _target = target;
        }

        /// <summary>True once the extension handshake (when the peer offers BEP 10) and a bitfield, have_all or have_none arrived.</summary>
        internal bool IsComplete => _sawAvailability && (_extension is not null || !Has(PeerFeatures.ExtensionProtocol));

        internal void Handshaken(PeerSession session) => _session = session;

        /// <summary>Takes in one message; the ones a probe does not need are ignored.</summary>
        /// <exception cref="PeerWireException">The extension handshake is malformed.</exception>
        internal void Read(PeerMessage message)
        {
            switch ((PeerMessageId)message.Id)
            {
                case PeerMessageId.Bitfield:
                    _pieceCount = PieceAvailability.CountPieces(message.Payload);
                    _sawAvailability = true;
                    break;
                case PeerMessageId.HaveAll:
                    _hasAll = true;
                    _sawAvailability = true;
                    break;
                case PeerMessageId.HaveNone:
                    _hasAll = false;
                    _pieceCount = 0;
                    _sawAvailability = true;
                    break;
                case PeerMessageId.Extended when message.Payload.Length > 0 && message.Payload[0] == ExtensionHandshake.HandshakeId:
                    _extension = ExtensionHandshake.Decode(new ArraySegment<byte>(ExtendedMessage.Body(message)));
                    break;
            }
        }

        internal void TimedOut(TimeSpan timeout)
        {
            if (_session is null)
            {
                _error = string.Format(CultureInfo.InvariantCulture, "timeout: no handshake within {0} s", timeout.TotalSeconds);
            }
        }

        internal void Failed(PeerWireException error)
        {
            // A failure after the handshake still leaves the peer reachable; the error says what ended the probe.
            _error = _session is not null && error.Kind == PeerErrorKind.Closed ? "closed after handshake: " + error.Message : error.Message;
        }

        internal PeerProbe ToProbe()
        {
            PeerHandshake? remote = _session?.Remote;
            return new PeerProbe
            {
                EndPoint = _target.Address.ToString(),
                InfoHash = _target.InfoHash.ToHex(),
                IsReachable = _session is not null,
                Latency = _session?.Latency,
                PeerId = remote is null ? null : Hex.Encode(remote.PeerId, 0, remote.PeerId.Length),
                Client = _extension?.Client ?? (remote is null ? null : PeerClientName.FromPeerId(remote.PeerId)),
                SupportsExtensionProtocol = Has(PeerFeatures.ExtensionProtocol),
                SupportsDht = Has(PeerFeatures.Dht),
                SupportsFast = Has(PeerFeatures.Fast),
                SupportsV2 = Has(PeerFeatures.V2Upgrade),
                IsV2Upgraded = remote is not null && _target.UpgradedHash is not null && remote.InfoHash.Equals(_target.UpgradedHash),
                ExtensionMessages = _extension?.Messages.Keys.ToArray() ?? new string[0],
                RequestQueueLength = _extension?.RequestQueueLength,
                YourIPAddress = _extension?.YourIP?.ToString(),
                MetadataSize = _extension?.MetadataSize,
                ListenPort = _extension?.ListenPort,
                HasAll = _hasAll,
                PieceCount = _pieceCount,
                Error = _error,
            };
        }

        private bool Has(PeerFeatures feature) => _session is not null && (_session.Remote.Features & feature) != 0;
    }
}
