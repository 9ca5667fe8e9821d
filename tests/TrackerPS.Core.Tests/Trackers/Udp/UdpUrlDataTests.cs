using System;
using System.Linq;
using System.Text;
using TrackerPS.Core.Trackers.Udp;
using Xunit;

namespace TrackerPS.Core.Tests.Trackers.Udp
{
    public class UdpUrlDataTests
    {
        [Fact]
        public void Bep41Example_PathAndQueryInOneOption()
        {
            // BEP 41: udp://tracker.example.com:80/dir?a=b&c=d sends URLData "/dir?a=b&c=d" (12 bytes).
            byte[] requestString = UdpUrlData.GetRequestString(new Uri("udp://tracker.example.com:80/dir?a=b&c=d"));

            Assert.Equal(Hex.Bytes("02 0C 2F6469723F613D622663 3D64"), UdpUrlData.Encode(requestString));
        }

        [Theory]
        [InlineData("udp://tracker.example.com:80")]
        [InlineData("udp://tracker.example.com:80/")]
        public void BarePath_SendsNoOptions(string uri)
        {
            Assert.Empty(UdpUrlData.Encode(UdpUrlData.GetRequestString(new Uri(uri))));
        }

        [Fact]
        public void Path600Bytes_IsSplitInto255_255_90()
        {
            var uri = new Uri("udp://t.example:6969/" + new string('a', 599));

            byte[] options = UdpUrlData.Encode(UdpUrlData.GetRequestString(uri));

            Assert.Equal(600 + (3 * 2), options.Length);
            Assert.Equal(new byte[] { 2, 255, (byte)'/' }, options.Take(3).ToArray());
            Assert.Equal(new byte[] { 2, 255 }, options.Skip(257).Take(2).ToArray());
            Assert.Equal(new byte[] { 2, 90 }, options.Skip(514).Take(2).ToArray());
            Assert.Equal("/" + new string('a', 599), Encoding.ASCII.GetString(options.Where((_, i) => i != 0 && i != 1 && i != 257 && i != 258 && i != 514 && i != 515).ToArray()));
        }

        [Fact]
        public void Exactly255Bytes_IsOneOption()
        {
            byte[] options = UdpUrlData.Encode(Enumerable.Repeat((byte)'x', 255).ToArray());

            Assert.Equal(257, options.Length);
            Assert.Equal(new byte[] { 2, 255 }, options.Take(2).ToArray());
        }

        [Fact]
        public void PathOverLimit_Throws()
        {
            var uri = new Uri("udp://t.example:6969/" + new string('a', UdpUrlData.MaxUrlDataLength));

            Assert.Throws<ArgumentException>(() => UdpUrlData.GetRequestString(uri));
        }

        [Fact]
        public void PathAtLimit_IsAccepted()
        {
            var uri = new Uri("udp://t.example:6969/" + new string('a', UdpUrlData.MaxUrlDataLength - 1));

            Assert.Equal(UdpUrlData.MaxUrlDataLength, UdpUrlData.GetRequestString(uri).Length);
        }
    }
}
