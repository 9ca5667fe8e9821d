using System;
using System.Linq;
using TrackerPS.Core.Metainfo;
using Xunit;

namespace TrackerPS.Core.Tests.Metainfo
{
    /// <summary>The text forms of an info-hash: 40/64 hex and 32/52 base32 (RFC 4648, no padding), as Get-TorrentInfoHash writes them.</summary>
    public sealed class InfoHashTextTests
    {
        // Bytes 0..31 and their RFC 4648 base32 (Python: base64.b32encode(bytes(range(32))).rstrip(b'=')).
        private const string V2Hex = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
        private const string V2Base32 = "AAAQEAYEAUDAOCAJBIFQYDIOB4IBCEQTCQKRMFYYDENBWHA5DYPQ";

        [Fact]
        public void Base32Of32Bytes_Is52CharactersAndParsesBack()
        {
            InfoHash hash = InfoHash.Parse(V2Hex);

            Assert.Equal(V2Base32, hash.ToBase32());
            Assert.Equal(hash, InfoHash.Parse(V2Base32));
            Assert.Equal(hash, InfoHash.Parse(V2Base32.ToLowerInvariant()));
            Assert.Equal(32, InfoHash.Parse(V2Base32).Length);
        }

        [Fact]
        public void Base32Of52Characters_IsAnnouncedUnderItsFirst20Bytes()
        {
            Assert.Equal(V2Hex.Substring(0, 40), InfoHash.Parse(V2Base32).Truncated.ToHex());
        }

        [Fact]
        public void Base32Of20Bytes_RoundTrips()
        {
            InfoHash hash = new InfoHash(Enumerable.Range(200, 20).Select(i => (byte)i).ToArray());

            Assert.Equal(32, hash.ToBase32().Length);
            Assert.Equal(hash, InfoHash.Parse(hash.ToBase32()));
        }

        [Theory]
        [InlineData("AAAQEAYEAUDAOCAJBIFQYDIOB4IBCEQTCQKRMFYYDENBWHA5DYPR")] // the unused low bits of the last character are not 0
        [InlineData("AAAQEAYEAUDAOCAJBIFQYDIOB4IBCEQTCQKRMFYYDENBWHA5DYP1")] // 1 is not base32
        [InlineData("AAAQEAYEAUDAOCAJBIFQYDIOB4IBCEQTCQKRMFYYDENBWHA5DYP")] // 51 characters
        [InlineData("AAAQEAYEAUDAOCAJBIFQYDIOB4IBCEQTCQKRMFYYDENBWHA5DYPQ====")] // padded
        [InlineData("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1g")]
        public void MalformedText_IsRejected(string text)
        {
            Assert.False(InfoHash.TryParse(text, out _));
            FormatException error = Assert.Throws<FormatException>(() => InfoHash.Parse(text));
            Assert.Contains("52 base32", error.Message, StringComparison.Ordinal);
        }
    }
}
