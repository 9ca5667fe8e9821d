using System;
using System.Linq;
using TrackerPS.Core.Trackers;
using Xunit;

namespace TrackerPS.Core.Tests.Trackers.Announce
{
    public sealed class PeerIdParserAnnounceTests
    {
        [Fact]
        public void TwentyCharactersAreTakenAsBytes()
        {
            byte[] peerId = PeerIdParser.Parse("-XX0001-abcdefghij\u00ff\u0000");

            Assert.Equal(20, peerId.Length);
            Assert.Equal((byte)'-', peerId[0]);
            Assert.Equal(0xFF, peerId[18]);
            Assert.Equal(0x00, peerId[19]);
        }

        [Theory]
        [InlineData("000102030405060708090a0b0c0d0e0f10111213")]
        [InlineData("000102030405060708090A0B0C0D0E0F10111213")]
        public void FortyHexCharactersAreDecoded(string hex)
        {
            Assert.Equal(Enumerable.Range(0, 20).Select(i => (byte)i), PeerIdParser.Parse(hex));
        }

        [Theory]
        [InlineData("")]
        [InlineData("-XX0001-abcdefghijk")]
        [InlineData("-XX0001-abcdefghijklm")]
        [InlineData("000102030405060708090a0b0c0d0e0f1011121")]
        [InlineData("000102030405060708090a0b0c0d0e0f1011121g")]
        public void OtherLengthsAndNonHexAreRefused(string text)
        {
            ArgumentException error = Assert.Throws<ArgumentException>(() => PeerIdParser.Parse(text));
            Assert.Contains("20 characters", error.Message);
            Assert.Contains("40 hexadecimal", error.Message);
        }

        [Fact]
        public void CharacterAboveU00FFIsRefusedNamingIt()
        {
            ArgumentException error = Assert.Throws<ArgumentException>(() => PeerIdParser.Parse("-XX0001-abcdefghij\u20ack"));

            Assert.Contains("U+20AC", error.Message);
            Assert.Contains("position 18", error.Message);
        }
    }
}
