using System;
using System.IO;
using System.IO.Compression;
using System.Text;
using System.Threading.Tasks;
using TrackerPS.Core.Trackers;
using TrackerPS.Core.Trackers.Http;
using Xunit;

namespace TrackerPS.Core.Tests.Trackers.Http
{
    public class HttpContentDecoderTests
    {
        private static readonly Uri s_tracker = new Uri("http://t.example/announce");
        private static readonly byte[] s_plain = Encoding.ASCII.GetBytes("d8:intervali1800ee");

        internal static byte[] Gzip(byte[] data) => Compress(data, s => new GZipStream(s, CompressionLevel.Optimal));

        internal static byte[] Zlib(byte[] data) => Compress(data, s => new ZLibStream(s, CompressionLevel.Optimal));

        internal static byte[] RawDeflate(byte[] data) => Compress(data, s => new DeflateStream(s, CompressionLevel.Optimal));

        private static byte[] Compress(byte[] data, Func<Stream, Stream> wrap)
        {
            using var output = new MemoryStream();
            using (Stream compressor = wrap(output))
            {
                compressor.Write(data, 0, data.Length);
            }

            return output.ToArray();
        }

        private static Task<byte[]> Decode(byte[] body, params string[] codings) =>
            HttpContentDecoder.DecodeAsync(body, codings, 1000, s_tracker, 200);

        [Fact]
        public async Task DecodeAsync_LeavesAnUncodedBodyAlone()
        {
            Assert.Equal(s_plain, await Decode(s_plain));
            Assert.Equal(s_plain, await Decode(s_plain, "identity"));
        }

        [Fact]
        public async Task DecodeAsync_Gunzips()
        {
            Assert.Equal(s_plain, await Decode(Gzip(s_plain), "gzip"));
            Assert.Equal(s_plain, await Decode(Gzip(s_plain), "X-GZIP"));
        }

        [Fact]
        public async Task DecodeAsync_GunzipsAnUnlabelledGzipBody()
        {
            Assert.Equal(s_plain, await Decode(Gzip(s_plain)));
        }

        [Fact]
        public async Task DecodeAsync_InflatesZlibAndRawDeflate()
        {
            Assert.Equal(s_plain, await Decode(Zlib(s_plain), "deflate"));
            Assert.Equal(s_plain, await Decode(RawDeflate(s_plain), "deflate"));
        }

        [Fact]
        public async Task DecodeAsync_UndoesStackedCodingsLastFirst()
        {
            Assert.Equal(s_plain, await Decode(Gzip(RawDeflate(s_plain)), "deflate", "gzip"));
        }

        [Fact]
        public async Task DecodeAsync_CapsTheDecodedSize()
        {
            byte[] bomb = Gzip(new byte[1001]);

            TrackerException error = await Assert.ThrowsAsync<TrackerException>(() => Decode(bomb, "gzip"));

            Assert.Equal(TrackerErrorKind.ProtocolViolation, error.Kind);
            Assert.Contains("exceeds 1000 bytes after gzip decompression", error.Message);
            Assert.Equal(1000, (await Decode(Gzip(new byte[1000]), "gzip")).Length);
        }

        [Fact]
        public async Task DecodeAsync_RejectsCorruptDataAndUnknownCodings()
        {
            TrackerException corrupt = await Assert.ThrowsAsync<TrackerException>(() => Decode(s_plain, "gzip"));
            TrackerException unknown = await Assert.ThrowsAsync<TrackerException>(() => Decode(s_plain, "br"));

            Assert.Equal(TrackerErrorKind.ProtocolViolation, corrupt.Kind);
            Assert.Contains("not valid gzip data", corrupt.Message);
            Assert.Equal(TrackerErrorKind.ProtocolViolation, unknown.Kind);
            Assert.Contains("Content-Encoding 'br'", unknown.Message);
        }
    }
}
