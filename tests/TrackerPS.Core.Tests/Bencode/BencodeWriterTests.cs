using System.IO;
using System.Text;
using TrackerPS.Core.Bencode;
using Xunit;

namespace TrackerPS.Core.Tests.Bencode
{
    public sealed class BencodeWriterTests
    {
        [Theory]
        [InlineData(0L, "i0e")]
        [InlineData(7L, "i7e")]
        [InlineData(-42L, "i-42e")]
        [InlineData(long.MaxValue, "i9223372036854775807e")]
        [InlineData(long.MinValue, "i-9223372036854775808e")]
        public void Integer_IsWrittenWithoutLeadingZeros_AsTheEncoderWritesIt(long value, string expected)
        {
            Assert.Equal(expected, Write(w => w.Integer(value)));
            Assert.Equal(expected, Encoding.ASCII.GetString(BencodeEncoder.Encode(new BInteger(value))));
        }

        [Fact]
        public void Containers_AndStrings_AreWrittenInTheOrderGiven()
        {
            string written = Write(w =>
            {
                w.StartDictionary();
                w.String("a");
                w.StartList();
                w.String(new byte[] { (byte)'x', (byte)'y', (byte)'z' }, 1, 2);
                w.String(string.Empty);
                w.End();
                w.String("\u00e4");
                w.Integer(1);
                w.End();
            });

            Assert.Equal("d1:al2:yz0:e2:\u00c3\u00a4i1ee", written);
        }

        private static string Write(System.Action<BencodeWriter> write)
        {
            using var stream = new MemoryStream();
            write(new BencodeWriter(stream));
            return Encoding.Latin1.GetString(stream.ToArray());
        }
    }
}
