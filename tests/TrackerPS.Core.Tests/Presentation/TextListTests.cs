using System;
using Xunit;

namespace TrackerPS.Core.Tests.Presentation
{
    public sealed class TextListTests
    {
        [Fact]
        public void ToString_JoinsTheItemsText()
        {
            var list = new TextList<Uri>(new[] { new Uri("udp://127.0.0.1:6969/announce"), new Uri("http://a.example/announce") }, TextLists.ItemSeparator);

            Assert.Equal("udp://127.0.0.1:6969/announce, http://a.example/announce", list.ToString());
            Assert.Equal(2, list.Count);
        }

        [Fact]
        public void Tiers_JoinTrackersWithinATierAndTiersApart()
        {
            var tiers = TextLists.Tiers(new[]
            {
                new[] { new Uri("http://a.example/announce"), new Uri("udp://b.example:6969/announce") },
                new[] { new Uri("http://c.example/announce") },
            });

            Assert.Equal("http://a.example/announce, udp://b.example:6969/announce | http://c.example/announce", tiers.ToString());
            Assert.Equal(new Uri("udp://b.example:6969/announce"), tiers[0][1]);
        }

        [Fact]
        public void Tiers_OfNull_IsEmpty()
        {
            Assert.Empty(TextLists.Tiers(null));
            Assert.Equal(string.Empty, TextLists.Tiers(null).ToString());
        }

        [Fact]
        public void RawPath_IsEachElementInHexJoinedBySlash()
        {
            var path = TextLists.RawPath(new[] { new byte[] { 0x64, 0x6f, 0x63, 0x73 }, new byte[] { 0xff, 0x00 } });

            Assert.Equal("646f6373/ff00", path.ToString());
            Assert.Equal(new byte[] { 0xff, 0x00 }, path[1]);
        }

        [Fact]
        public void Files_ReadAsTheirPaths()
        {
            var files = new TextList<TorrentFile>(new[] { new TorrentFile { Path = "big.bin" }, new TorrentFile { Path = "docs/notes.txt" } }, TextLists.ItemSeparator);

            Assert.Equal("big.bin, docs/notes.txt", files.ToString());
        }

        [Fact]
        public void HexBytes_OfNoBytes_IsEmpty()
        {
            Assert.Equal(string.Empty, new HexBytes(Array.Empty<byte>()).ToString());
        }
    }
}
