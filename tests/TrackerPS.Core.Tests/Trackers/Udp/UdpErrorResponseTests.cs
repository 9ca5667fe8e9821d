using TrackerPS.Core.Trackers.Udp;
using Xunit;

namespace TrackerPS.Core.Tests.Trackers.Udp
{
    public class UdpErrorResponseTests
    {
        [Fact]
        public void Decode_MessageIsTheRestOfThePacket()
        {
            // BEP 15 §errors: int32 action 3, int32 transaction_id, string message. "bad hash" in ASCII.
            byte[] packet = Hex.Bytes("00000003 00000009 6261642068617368");

            Assert.True(UdpErrorResponse.IsError(packet));
            Assert.Equal("bad hash", UdpErrorResponse.Decode(packet, 9));
        }

        [Fact]
        public void Decode_DropsTrailingNul()
        {
            byte[] packet = Hex.Bytes("00000003 00000009 6F6B 00");

            Assert.Equal("ok", UdpErrorResponse.Decode(packet, 9));
        }

        [Fact]
        public void Decode_EmptyMessage()
        {
            Assert.Equal(string.Empty, UdpErrorResponse.Decode(Hex.Bytes("00000003 00000009"), 9));
        }

        [Fact]
        public void Decode_Truncated_Throws()
        {
            var e = Assert.Throws<UdpPacketException>(() => UdpErrorResponse.Decode(Hex.Bytes("00000003 000000"), 9));
            Assert.Contains("Truncated error response: 7 bytes", e.Message);
        }

        [Fact]
        public void Decode_WrongTransactionId_Throws()
        {
            Assert.Throws<UdpPacketException>(() => UdpErrorResponse.Decode(Hex.Bytes("00000003 0000000A 6F6B"), 9));
        }

        [Theory]
        [InlineData("00000001 00000009 6F6B")]
        [InlineData("000000")]
        public void IsError_FalseForOtherActionsAndShortPackets(string hex)
        {
            Assert.False(UdpErrorResponse.IsError(Hex.Bytes(hex)));
        }
    }
}
