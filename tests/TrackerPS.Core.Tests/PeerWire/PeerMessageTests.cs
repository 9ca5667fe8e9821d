using System;
using System.Linq;
using System.Text;
using TrackerPS.Core.Metainfo;
using TrackerPS.Core.PeerWire;
using Xunit;

namespace TrackerPS.Core.Tests.PeerWire
{
    /// <summary>The pure peer-wire messages over bytes (BEP 3, 6, 9, 10, 52).</summary>
    public sealed class PeerMessageTests
    {
        private static readonly byte[] s_peerId = Encoding.ASCII.GetBytes("-LT2080-abcdefghijkl");
        private static readonly InfoHash s_hash = InfoHash.Parse("0123456789abcdef0123456789abcdef01234567");

        [Fact]
        public void Handshake_Encodes68BytesInBep3Order()
        {
            byte[] bytes = new PeerHandshake(PeerFeatures.ExtensionProtocol | PeerFeatures.Fast | PeerFeatures.V2Upgrade, s_hash, s_peerId).Encode();

            Assert.Equal(68, bytes.Length);
            Assert.Equal(19, bytes[0]);
            Assert.Equal("BitTorrent protocol", Encoding.ASCII.GetString(bytes, 1, 19));
            Assert.Equal(new byte[] { 0, 0, 0, 0, 0, 0x10, 0, 0x14 }, bytes.Skip(20).Take(8));
            Assert.Equal(s_hash.ToArray(), bytes.Skip(28).Take(20));
            Assert.Equal(s_peerId, bytes.Skip(48));
        }

        [Fact]
        public void Handshake_RoundTrips_AndDecodesDhtAndUnknownBits()
        {
            byte[] bytes = new PeerHandshake(PeerFeatures.Dht, s_hash, s_peerId).Encode();
            bytes[20] = 0xFF;

            PeerHandshake decoded = PeerHandshake.Decode(bytes);

            Assert.Equal(PeerFeatures.Dht, decoded.Features);
            Assert.Equal(s_hash, decoded.InfoHash);
            Assert.Equal(s_peerId, decoded.PeerId);
        }

        [Fact]
        public void Handshake_RejectsAnotherProtocolAndShortInput()
        {
            byte[] bytes = new PeerHandshake(PeerFeatures.None, s_hash, s_peerId).Encode();
            bytes[1] = (byte)'b';

            Assert.Equal(PeerErrorKind.ProtocolViolation, Assert.Throws<PeerWireException>(() => PeerHandshake.Decode(bytes)).Kind);
            Assert.Contains("67 bytes", Assert.Throws<PeerWireException>(() => PeerHandshake.Decode(new byte[67])).Message, StringComparison.Ordinal);
            Assert.Throws<ArgumentException>(() => new PeerHandshake(PeerFeatures.None, InfoHash.Parse(new string('a', 64)), s_peerId));
        }

        [Fact]
        public void Message_EncodesLengthIdPayload_AndLengthIsCheckedBeforeAllocating()
        {
            byte[] bytes = new PeerMessage(5, new byte[] { 0xFF, 0x80 }).Encode();

            Assert.Equal(new byte[] { 0, 0, 0, 3, 5, 0xFF, 0x80 }, bytes);
            Assert.Equal(3, PeerMessage.ReadLength(bytes, 3));
            Assert.Equal(0, PeerMessage.ReadLength(new byte[4], 3));
            var error = Assert.Throws<PeerWireException>(() => PeerMessage.ReadLength(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF }, 1024));
            Assert.Contains("4294967295 bytes exceeds the limit of 1024", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Bitfield_CountsSetBits()
        {
            Assert.Equal(0, PieceAvailability.CountPieces(new byte[0]));
            Assert.Equal(11, PieceAvailability.CountPieces(new byte[] { 0xFF, 0xE0 }));
        }

        [Fact]
        public void ExtensionHandshake_DecodesLibtorrentFields_AndIgnoresWrongTypes()
        {
            byte[] dictionary = Encoding.ASCII.GetBytes("d1:md6:ut_pexi0e11:ut_metadatai3e6:bad_idi300ee13:metadata_sizei31235e1:pi6881e4:reqqi500e1:v18:libtorrent/2.0.8.06:yourip4:\u007f\0\0\u0001e");

            ExtensionHandshake handshake = ExtensionHandshake.Decode(dictionary);

            Assert.Equal(new[] { "ut_metadata" }, handshake.Messages.Keys);
            Assert.Equal(3, handshake.Messages["ut_metadata"]);
            Assert.Equal(31235, handshake.MetadataSize);
            Assert.Equal(6881, handshake.ListenPort);
            Assert.Equal(500, handshake.RequestQueueLength);
            Assert.Equal("libtorrent/2.0.8.0", handshake.Client);
            Assert.Equal("127.0.0.1", handshake.YourIP!.ToString());
            Assert.Null(ExtensionHandshake.Decode(Encoding.ASCII.GetBytes("d1:v3:abc6:yourip3:abce")).YourIP);
        }

        [Fact]
        public void ExtensionHandshake_EncodesAsExtendedMessageZero()
        {
            var handshake = new ExtensionHandshake { Client = "TrackerPS", MetadataSize = 5, Messages = new System.Collections.Generic.Dictionary<string, byte> { ["ut_metadata"] = 1 } };

            byte[] bytes = handshake.Encode().Encode();

            Assert.Equal(20, bytes[4]);
            Assert.Equal(0, bytes[5]);
            Assert.Equal("d1:md11:ut_metadatai1ee13:metadata_sizei5e1:v9:TrackerPSe", Encoding.ASCII.GetString(bytes, 6, bytes.Length - 6));
        }

        [Fact]
        public void ExtensionHandshake_NotADictionary_IsAProtocolViolation()
        {
            Assert.Equal(PeerErrorKind.ProtocolViolation, Assert.Throws<PeerWireException>(() => ExtensionHandshake.Decode(Encoding.ASCII.GetBytes("li1ee"))).Kind);
            Assert.Equal(PeerErrorKind.ProtocolViolation, Assert.Throws<PeerWireException>(() => ExtensionHandshake.Decode(Encoding.ASCII.GetBytes("d1:m"))).Kind);
        }

        [Fact]
        public void ExtendedMessage_ADictionaryOf64KiBIsRead_OneByteMoreIsAProtocolViolation()
        {
            // "d1:x<n>:<n bytes>e" with n + digits(n) + 6 bytes in all, then a trailer that is not part of the dictionary.
            static byte[] Dictionary(int total, int value) => Encoding.ASCII.GetBytes($"d1:x{value}:{new string('v', value)}etrailer");

            byte[] atLimit = Dictionary(ExtendedMessage.MaxDictionarySize, 65525);
            ExtendedMessage.DecodeDictionary(new ArraySegment<byte>(atLimit), "extension handshake", out int length);
            Assert.Equal(ExtendedMessage.MaxDictionarySize, length);

            byte[] over = Dictionary(ExtendedMessage.MaxDictionarySize + 1, 65526);
            var error = Assert.Throws<PeerWireException>(() => ExtendedMessage.DecodeDictionary(new ArraySegment<byte>(over), "extension handshake", out _));
            Assert.Equal(PeerErrorKind.ProtocolViolation, error.Kind);
            Assert.Contains("the extension handshake's dictionary is 65537 bytes, more than 65536", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void MetadataMessage_RequestAndReject_EncodeAsBep9()
        {
            Assert.Equal("d8:msg_typei0e5:piecei2ee", Encoding.ASCII.GetString(MetadataMessage.Request(2).Encode(7).Payload, 1, 25));
            Assert.Equal(7, MetadataMessage.Request(2).Encode(7).Payload[0]);
            Assert.Equal("d8:msg_typei2e5:piecei1ee", Encoding.ASCII.GetString(MetadataMessage.Reject(1).Encode(7).Payload, 1, 25));
        }

        [Fact]
        public void MetadataMessage_DataDecodes_WithTheBytesAfterTheDictionary()
        {
            byte[] payload = Encoding.ASCII.GetBytes("d8:msg_typei1e5:piecei0e10:total_sizei3eexyz");

            MetadataMessage message = MetadataMessage.Decode(payload);

            Assert.Equal((long)MetadataMessageType.Data, message.Type);
            Assert.Equal(0, message.Piece);
            Assert.Equal(3, message.TotalSize);
            Assert.Equal("xyz", Encoding.ASCII.GetString(message.Data));
        }

        [Fact]
        public void MetadataMessage_UnknownTypeDecodes_AndMissingFieldsAreViolations()
        {
            Assert.Equal(9, MetadataMessage.Decode(Encoding.ASCII.GetBytes("d8:msg_typei9e5:piecei0ee")).Type);
            Assert.Contains("msg_type", Assert.Throws<PeerWireException>(() => MetadataMessage.Decode(Encoding.ASCII.GetBytes("d5:piecei0ee"))).Message, StringComparison.Ordinal);
            Assert.Contains("'piece'", Assert.Throws<PeerWireException>(() => MetadataMessage.Decode(Encoding.ASCII.GetBytes("d8:msg_typei0ee"))).Message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData(1, 1, 0, 1)]
        [InlineData(16384, 1, 0, 16384)]
        [InlineData(16385, 2, 1, 1)]
        [InlineData(40000, 3, 2, 7232)]
        public void MetadataPieces_Are16KiB_ButTheLast(long size, int count, int last, int lastLength)
        {
            Assert.Equal(count, MetadataMessage.PieceCount(size));
            Assert.Equal(lastLength, MetadataMessage.PieceLength(size, last));
        }

        [Theory]
        [InlineData("-LT2080-abcdefghijkl", "libtorrent (Rasterbar) 2.0.8")]
        [InlineData("-qB4520-abcdefghijkl", "qBittorrent 4.5.2")]
        [InlineData("-TR4000-abcdefghijkl", "Transmission 4.0")]
        [InlineData("-ZZ12A0-abcdefghijkl", "ZZ 1.2.10")]
        [InlineData("T03I--00000000000000", "BitTornado 0.3.18")]
        [InlineData("S58B----------------", "Shadow's client 5.8.11")]
        [InlineData("M4-3-6--abcdefghijkl", null)]
        [InlineData("-LT20!0-abcdefghijkl", null)]
        [InlineData("abcdefghijklmnopqrst", null)]
        public void ClientName_FromAzureusAndShadowPeerIds(string peerId, string? expected)
        {
            Assert.Equal(expected, PeerClientName.FromPeerId(Encoding.ASCII.GetBytes(peerId)));
        }

        [Theory]
        [InlineData("1.2.3.4:6881", "1.2.3.4", 6881)]
        [InlineData("[::1]:80", "::1", 80)]
        [InlineData(" peer.example:65535 ", "peer.example", 65535)]
        public void PeerAddress_ParsesEndPoints(string text, string host, int port)
        {
            PeerAddress address = PeerAddress.Parse(text);

            Assert.Equal(host, address.Host);
            Assert.Equal(port, address.Port);
        }

        [Theory]
        [InlineData("1.2.3.4")]
        [InlineData("1.2.3.4:0")]
        [InlineData("1.2.3.4:65536")]
        [InlineData("::1:6881")]
        [InlineData("[1.2.3.4]:6881")]
        [InlineData(":6881")]
        public void PeerAddress_RejectsBadText(string text)
        {
            Assert.Contains(text, Assert.Throws<FormatException>(() => PeerAddress.Parse(text)).Message, StringComparison.Ordinal);
        }
    }
}
