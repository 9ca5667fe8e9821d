using TrackerPS.Core.Trackers.Udp;
using Xunit;

namespace TrackerPS.Core.Tests.Trackers.Udp
{
    public class UdpConnectPacketTests
    {
        [Fact]
        public void ConnectRequest_IsProtocolIdActionTransactionId()
        {
            // BEP 15 §connect: int64 protocol_id 0x41727101980, int32 action 0, int32 transaction_id.
            byte[] expected = Hex.Bytes("0000041727101980 00000000 DEADBEEF");

            Assert.Equal(expected, UdpConnectRequest.Encode(0xDEADBEEF));
        }

        [Fact]
        public void ConnectResponse_DecodesConnectionId()
        {
            byte[] packet = Hex.Bytes("00000000 01020304 1122334455667788");

            Assert.Equal(0x1122334455667788UL, UdpConnectResponse.Decode(packet, 0x01020304));
        }

        [Fact]
        public void ConnectResponse_Truncated_Throws()
        {
            byte[] packet = Hex.Bytes("00000000 01020304 11223344556677");

            var e = Assert.Throws<UdpPacketException>(() => UdpConnectResponse.Decode(packet, 0x01020304));
            Assert.Contains("Truncated connect response: 15 bytes", e.Message);
        }

        [Fact]
        public void ConnectResponse_Oversized_Throws()
        {
            byte[] packet = Hex.Bytes("00000000 01020304 1122334455667788 00");

            var e = Assert.Throws<UdpPacketException>(() => UdpConnectResponse.Decode(packet, 0x01020304));
            Assert.Contains("Oversized connect response: 17 bytes", e.Message);
        }

        [Fact]
        public void ConnectResponse_WrongTransactionId_Throws()
        {
            byte[] packet = Hex.Bytes("00000000 01020305 1122334455667788");

            var e = Assert.Throws<UdpPacketException>(() => UdpConnectResponse.Decode(packet, 0x01020304));
            Assert.Contains("transaction id 0x01020305 at byte 4, expected 0x01020304", e.Message);
        }

        [Fact]
        public void ConnectResponse_WrongAction_Throws()
        {
            byte[] packet = Hex.Bytes("00000001 01020304 1122334455667788");

            var e = Assert.Throws<UdpPacketException>(() => UdpConnectResponse.Decode(packet, 0x01020304));
            Assert.Contains("action 1 at byte 0, expected 0", e.Message);
        }
    }
}
