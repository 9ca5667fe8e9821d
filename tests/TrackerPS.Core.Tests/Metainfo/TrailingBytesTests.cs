using System.IO;
using System.Linq;
using System.Text;
using TrackerPS.Core.Bencode;
using TrackerPS.Core.Metainfo;
using Xunit;

namespace TrackerPS.Core.Tests.Metainfo
{
    /// <summary>
    /// Bytes after the top-level dictionary (a CRLF a web server appended, say): libtorrent ignores them, so lenient
    /// reading accepts them with a warning naming the offset, and strict reading rejects them.
    /// </summary>
    public sealed class TrailingBytesTests
    {
        private static readonly byte[] s_fixture = File.ReadAllBytes(Oracle.FixturePath("v1-single.torrent"));

        private static byte[] WithCrLf(byte[] data) => data.Concat(Encoding.ASCII.GetBytes("\r\n")).ToArray();

        [Fact]
        public void Lenient_AcceptsThem_WithAWarningNamingTheOffset()
        {
            TorrentInfo torrent = TorrentReader.Read(WithCrLf(s_fixture), "x.torrent");

            Assert.Equal(Oracle.Fixtures["v1-single.torrent"].InfoHashV1, torrent.InfoHashV1);
            Assert.Equal($"byte {s_fixture.Length}: 2 bytes after the top-level dictionary are ignored", Assert.Single(torrent.Warnings));
        }

        [Fact]
        public void Lenient_AcceptsThemAfterAV2Torrent_ThatMustOtherwiseBeCanonical()
        {
            byte[] v2 = File.ReadAllBytes(Oracle.FixturePath("v2-only.torrent"));

            TorrentInfo torrent = TorrentReader.Read(WithCrLf(v2), "x.torrent");

            Assert.Equal(Oracle.Fixtures["v2-only.torrent"].InfoHashV2, torrent.InfoHashV2);
            Assert.Contains("2 bytes after the top-level dictionary", Assert.Single(torrent.Warnings));
        }

        [Fact]
        public void Lenient_IgnoresAnAllowTrailingBytesOfFalseInTheGivenLimits()
        {
            var options = new TorrentReadOptions { Limits = new BencodeLimits { AllowTrailingBytes = false } };

            TorrentInfo torrent = TorrentReader.Read(WithCrLf(s_fixture), "x.torrent", options);

            Assert.Single(torrent.Warnings);
        }

        [Fact]
        public void Strict_RejectsThem_NamingTheOffset()
        {
            BencodeException error = Assert.Throws<BencodeException>(
                () => TorrentReader.Read(WithCrLf(s_fixture), "x.torrent", new TorrentReadOptions { Strict = true }));

            Assert.Equal(s_fixture.Length, error.Offset);
            Assert.Equal("2 unexpected byte(s) after the root value", error.Reason);
            Assert.Equal("x.torrent", error.SourceName);
        }

        [Fact]
        public void StrictLimits_RejectThemEvenWhenTheyAllowTrailingBytes()
        {
            var options = new TorrentReadOptions { Limits = new BencodeLimits { Strict = true, AllowTrailingBytes = true } };

            BencodeException error = Assert.Throws<BencodeException>(() => TorrentReader.Read(WithCrLf(s_fixture), "x.torrent", options));

            Assert.Equal(s_fixture.Length, error.Offset);
        }

        [Fact]
        public void TheDecoderItself_RejectsThemUnlessTheCallerAllowsThem()
        {
            BencodeException error = Assert.Throws<BencodeException>(() => BencodeDecoder.Decode(WithCrLf(s_fixture)));

            Assert.Equal(s_fixture.Length, error.Offset);
        }
    }
}
