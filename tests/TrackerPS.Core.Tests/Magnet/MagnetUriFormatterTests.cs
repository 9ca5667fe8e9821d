using System;
using TrackerPS.Core.Magnet;
using TrackerPS.Core.Metainfo;
using Xunit;

namespace TrackerPS.Core.Tests.Magnet
{
    public sealed class MagnetUriFormatterTests
    {
        private static readonly InfoHash s_v1 = InfoHash.Parse("62c4269d7c89f2fee23a374ca8fa44f3222c2c77");
        private static readonly InfoHash s_v2 = InfoHash.Parse("315bed578e7c71f1da450cb143370945635873de69d6680b4f430fa28c95be03");

        [Fact]
        public void V1_WithEveryCoreParameter_IsPinned()
        {
            string text = MagnetUriFormatter.Format(
                s_v1,
                null,
                "single file",
                50000,
                new[] { new Uri("http://127.0.0.1:6969/announce"), new Uri("udp://b.example:6969/announce") },
                new[] { new Uri("http://seed.example/f/") });

            Assert.Equal(
                "magnet:?xt=urn:btih:62c4269d7c89f2fee23a374ca8fa44f3222c2c77&dn=single%20file&xl=50000"
                + "&tr=http%3A%2F%2F127.0.0.1%3A6969%2Fannounce&tr=udp%3A%2F%2Fb.example%3A6969%2Fannounce"
                + "&ws=http%3A%2F%2Fseed.example%2Ff%2F",
                text);
        }

        [Fact]
        public void Hybrid_WritesBtihThenBtmh_AndEscapesUtf8()
        {
            string text = MagnetUriFormatter.Format(s_v1, s_v2, "n\u00e4me & 50%", null, new Uri[0], new Uri[0]);

            Assert.Equal(
                "magnet:?xt=urn:btih:62c4269d7c89f2fee23a374ca8fa44f3222c2c77"
                + "&xt=urn:btmh:1220315bed578e7c71f1da450cb143370945635873de69d6680b4f430fa28c95be03"
                + "&dn=n%C3%A4me%20%26%2050%25",
                text);
        }

        [Fact]
        public void V2Only_EmptyNameIsOmitted()
        {
            Assert.Equal(
                "magnet:?xt=urn:btmh:1220315bed578e7c71f1da450cb143370945635873de69d6680b4f430fa28c95be03",
                MagnetUriFormatter.Format(null, s_v2, string.Empty, null, new Uri[0], new Uri[0]));
        }

        [Fact]
        public void MagnetLink_AppendsPeersSelectOnlyAndKeptParameters()
        {
            var link = new MagnetLink
            {
                InfoHash = s_v1.ToHex(),
                InfoHashV1 = s_v1.ToHex(),
                Name = "x",
                WebSeeds = new[] { new Uri("https://w.example/") },
                Peers = new[] { "[::1]:6881", "10.0.0.1:6881" },
                SelectOnly = "0,2,4-6",
                Parameters = new[]
                {
                    new MagnetParameter { Name = "xs", Value = "http://x.example/t" },
                    new MagnetParameter { Name = "kt", Value = "a b" },
                },
            };

            // libtorrent 2.0.8 parses this text to peers [('::1', 6881), ('10.0.0.1', 6881)] and file priorities
            // [4, 0, 4, 0, 4, 4, 4]: it reads x.pe and so without percent-decoding, hence their literal ':[],'.
            Assert.Equal(
                "magnet:?xt=urn:btih:62c4269d7c89f2fee23a374ca8fa44f3222c2c77&dn=x&ws=https%3A%2F%2Fw.example%2F"
                + "&x.pe=[::1]:6881&x.pe=10.0.0.1:6881&so=0,2,4-6&xs=http%3A%2F%2Fx.example%2Ft&kt=a%20b",
                MagnetUriFormatter.Format(link));
        }

        [Fact]
        public void TorrentInfo_HasNoXl_AndEveryTrackerAndWebSeed()
        {
            var torrent = new TorrentInfo
            {
                Name = "webseeds",
                InfoHash = "3e7a352fdba340c65ab1c668aa33d322fc0f0b04",
                InfoHashV1 = "3e7a352fdba340c65ab1c668aa33d322fc0f0b04",
                TotalSize = 12345,
                Tracker = new[] { new Uri("http://127.0.0.1:6969/announce") },
                WebSeeds = new[] { new Uri("http://seed1.example/files/"), new Uri("https://seed2.example/mirror/") },
            };

            Assert.Equal(
                "magnet:?xt=urn:btih:3e7a352fdba340c65ab1c668aa33d322fc0f0b04&dn=webseeds&tr=http%3A%2F%2F127.0.0.1%3A6969%2Fannounce"
                + "&ws=http%3A%2F%2Fseed1.example%2Ffiles%2F&ws=https%3A%2F%2Fseed2.example%2Fmirror%2F",
                MagnetUriFormatter.Format(torrent));
        }

        [Fact]
        public void Escape_KeepsOnlyUnreservedCharacters_UpperCaseHex()
        {
            Assert.Equal("AZaz09-._~%20%21%2A%27%28%29%3B%3A%40%26%3D%2B%24%2C%2F%3F%23%5B%5D%25%C3%BC%F0%9F%98%80",
                MagnetUriFormatter.Escape("AZaz09-._~ !*'();:@&=+$,/?#[]%\u00fc\U0001F600"));
        }

        [Fact]
        public void NoHash_Throws()
        {
            Assert.Throws<ArgumentException>(() => MagnetUriFormatter.Format(null, null, "x", null, new Uri[0], new Uri[0]));
            Assert.Throws<ArgumentException>(() => MagnetUriFormatter.Format(new MagnetLink { Name = "x" }));
        }

        [Fact]
        public void WrongHashLengths_Throw()
        {
            Assert.Throws<ArgumentException>(() => MagnetUriFormatter.Format(s_v2, null, null, null, new Uri[0], new Uri[0]));
            Assert.Throws<ArgumentException>(() => MagnetUriFormatter.Format(null, s_v1, null, null, new Uri[0], new Uri[0]));
            Assert.Throws<ArgumentException>(() => MagnetUriFormatter.Format(new MagnetLink { InfoHashV1 = s_v2.ToHex() }));
            Assert.Throws<FormatException>(() => MagnetUriFormatter.Format(new MagnetLink { InfoHashV1 = "not hex" }));
        }
    }
}
