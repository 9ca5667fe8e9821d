using System;
using System.Net;
using System.Net.Sockets;
using Xunit;

namespace TrackerPS.Core.Tests.Trackers
{
    public sealed class PeerEndPointTests
    {
        [Theory]
        [InlineData("1.2.3.4", 6881, "1.2.3.4:6881")]
        [InlineData("::1", 6881, "[::1]:6881")]
        [InlineData("2001:db8::7", 51413, "[2001:db8::7]:51413")]
        public void EndPoint_IsAddressAndPort_WithIPv6InBrackets(string address, int port, string expected)
        {
            var peer = new Peer { IPAddress = IPAddress.Parse(address).ToString(), Port = port, Tracker = new Uri("udp://127.0.0.1:6969") };

            Assert.Equal(expected, peer.EndPoint);
            Assert.Equal(expected, peer.ToString());
        }

        [Fact]
        public void EndPoint_OfAHostName_IsTheNameAndPort()
        {
            var peer = new Peer { IPAddress = "peer.example", Port = 6881, AddressFamily = AddressFamily.Unspecified };

            Assert.Equal("peer.example:6881", peer.EndPoint);
        }
    }
}
