using System;
using System.Linq;
using System.Net;
using TrackerPS.Core.Metainfo;
using TrackerPS.Core.Trackers;
using TrackerPS.Core.Trackers.Udp;
using Xunit;

namespace TrackerPS.Core.Tests.Trackers.Udp
{
    public class UdpAnnounceRequestTests
    {
        private const string InfoHashHex = "0102030405060708090a0b0c0d0e0f1011121314";
        private const string PeerIdHex = "2d5452303030312d4142434445464748494a4b4c";

        [Fact]
        public void Encode_WritesBep15FieldsInOrder()
        {
            AnnounceRequest request = Request(TrackerEvent.Started, IPAddress.Parse("192.0.2.7"));

            byte[] packet = UdpAnnounceRequest.Encode(0x1122334455667788, 0xCAFEBABE, request, new byte[0]);

            byte[] expected = Hex.Bytes(
                "1122334455667788" + // connection_id
                "00000001" + // action: announce
                "CAFEBABE" + // transaction_id
                InfoHashHex + // info_hash
                PeerIdHex + // peer_id
                "0000000000000400" + // downloaded 1024
                "0000000100000000" + // left 2^32
                "0000000000000200" + // uploaded 512
                "00000002" + // event: started
                "C0000207" + // IP 192.0.2.7
                "0A0B0C0D" + // key
                "00000032" + // num_want 50
                "1AE1"); // port 6881
            Assert.Equal(expected, packet);
        }

        [Theory]
        [InlineData(TrackerEvent.None, 0)]
        [InlineData(TrackerEvent.Completed, 1)]
        [InlineData(TrackerEvent.Started, 2)]
        [InlineData(TrackerEvent.Stopped, 3)]
        [InlineData(TrackerEvent.Paused, 0)]
        public void Encode_EventCode(TrackerEvent trackerEvent, byte code)
        {
            byte[] packet = UdpAnnounceRequest.Encode(1, 2, Request(trackerEvent, null), new byte[0]);

            Assert.Equal(new byte[] { 0, 0, 0, code }, packet.Skip(80).Take(4).ToArray());
        }

        [Fact]
        public void Encode_DefaultNumWantIsMinusOne_AndIPv6AddressIsSentAsZero()
        {
            var request = new AnnounceRequest
            {
                Tracker = new Uri("udp://127.0.0.1:6969"),
                InfoHash = InfoHash.Parse(InfoHashHex),
                IPAddress = IPAddress.IPv6Loopback,
            };

            byte[] packet = UdpAnnounceRequest.Encode(1, 2, request, new byte[0]);

            Assert.Equal(Hex.Bytes("00000000"), packet.Skip(84).Take(4).ToArray());
            Assert.Equal(Hex.Bytes("FFFFFFFF"), packet.Skip(92).Take(4).ToArray());
        }

        [Fact]
        public void Encode_AppendsUrlDataAfterPort()
        {
            byte[] urlData = Hex.Bytes("02 03 2F 61 62");

            byte[] packet = UdpAnnounceRequest.Encode(1, 2, Request(TrackerEvent.None, null), urlData);

            Assert.Equal(UdpAnnounceRequest.FixedSize + 5, packet.Length);
            Assert.Equal(urlData, packet.Skip(UdpAnnounceRequest.FixedSize).ToArray());
        }

        [Fact]
        public void Encode_V2InfoHashIsTruncatedTo20Bytes()
        {
            string v2 = InfoHashHex + "15161718191a1b1c1d1e1f20";
            var request = new AnnounceRequest { Tracker = new Uri("udp://127.0.0.1:6969"), InfoHash = InfoHash.Parse(v2) };

            byte[] packet = UdpAnnounceRequest.Encode(1, 2, request, new byte[0]);

            Assert.Equal(Hex.Bytes(InfoHashHex), packet.Skip(16).Take(20).ToArray());
        }

        [Fact]
        public void Validate_RejectsShortPeerId()
        {
            var request = new AnnounceRequest { Tracker = new Uri("udp://127.0.0.1:6969"), InfoHash = InfoHash.Parse(InfoHashHex), PeerId = new byte[19] };

            Assert.Throws<ArgumentException>(() => UdpAnnounceRequest.Validate(request));
        }

        [Theory]
        [InlineData(-1)]
        [InlineData(65536)]
        public void Validate_RejectsPortOutOfRange(int port)
        {
            var request = new AnnounceRequest { Tracker = new Uri("udp://127.0.0.1:6969"), InfoHash = InfoHash.Parse(InfoHashHex), Port = port };

            Assert.Throws<ArgumentException>(() => UdpAnnounceRequest.Validate(request));
        }

        private static AnnounceRequest Request(TrackerEvent trackerEvent, IPAddress? address) => new AnnounceRequest
        {
            Tracker = new Uri("udp://127.0.0.1:6969/announce"),
            InfoHash = InfoHash.Parse(InfoHashHex),
            PeerId = Hex.Bytes(PeerIdHex),
            Downloaded = 1024,
            Left = 1L << 32,
            Uploaded = 512,
            Event = trackerEvent,
            IPAddress = address,
            Key = 0x0A0B0C0D,
            NumWant = 50,
            Port = 6881,
        };
    }
}
