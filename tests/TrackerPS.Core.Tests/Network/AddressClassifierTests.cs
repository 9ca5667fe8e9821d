using System.Net;
using TrackerPS.Core.Network;
using Xunit;

namespace TrackerPS.Core.Tests.Network
{
    public sealed class AddressClassifierTests
    {
        [Theory]
        [InlineData("127.0.0.1", AddressScope.Loopback, "127.0.0.0/8, loopback")]
        [InlineData("127.255.255.254", AddressScope.Loopback, "127.0.0.0/8, loopback")]
        [InlineData("0.0.0.0", AddressScope.Loopback, "0.0.0.0/8, unspecified")]
        [InlineData("::1", AddressScope.Loopback, "::1, loopback")]
        [InlineData("::", AddressScope.Loopback, "::, unspecified")]
        [InlineData("::ffff:127.0.0.1", AddressScope.Loopback, "127.0.0.0/8, loopback")]
        [InlineData("64:ff9b::7f00:1", AddressScope.Loopback, "127.0.0.0/8, loopback")]
        [InlineData("169.254.169.254", AddressScope.LinkLocal, "169.254.169.254, cloud metadata service")]
        [InlineData("::ffff:169.254.169.254", AddressScope.LinkLocal, "169.254.169.254, cloud metadata service")]
        [InlineData("fd00:ec2::254", AddressScope.LinkLocal, "fd00:ec2::254, cloud metadata service")]
        [InlineData("169.254.0.1", AddressScope.LinkLocal, "169.254.0.0/16, link-local")]
        [InlineData("fe80::1", AddressScope.LinkLocal, "fe80::/10, link-local")]
        [InlineData("febf::1", AddressScope.LinkLocal, "fe80::/10, link-local")]
        [InlineData("10.1.2.3", AddressScope.Private, "10.0.0.0/8, private")]
        [InlineData("172.16.0.1", AddressScope.Private, "172.16.0.0/12, private")]
        [InlineData("172.31.255.255", AddressScope.Private, "172.16.0.0/12, private")]
        [InlineData("192.168.1.1", AddressScope.Private, "192.168.0.0/16, private")]
        [InlineData("100.64.0.1", AddressScope.Private, "100.64.0.0/10, shared address space")]
        [InlineData("100.127.255.255", AddressScope.Private, "100.64.0.0/10, shared address space")]
        [InlineData("224.0.0.1", AddressScope.Private, "224.0.0.0/4, multicast")]
        [InlineData("255.255.255.255", AddressScope.Private, "255.255.255.255, broadcast")]
        [InlineData("fc00::1", AddressScope.Private, "fc00::/7, unique local")]
        [InlineData("fdff::1", AddressScope.Private, "fc00::/7, unique local")]
        [InlineData("fec0::1", AddressScope.Private, "fec0::/10, site-local")]
        [InlineData("ff02::1", AddressScope.Private, "ff00::/8, multicast")]
        [InlineData("::ffff:10.0.0.1", AddressScope.Private, "10.0.0.0/8, private")]
        [InlineData("172.15.255.255", AddressScope.Global, "global")]
        [InlineData("172.32.0.0", AddressScope.Global, "global")]
        [InlineData("100.63.255.255", AddressScope.Global, "global")]
        [InlineData("100.128.0.0", AddressScope.Global, "global")]
        [InlineData("169.253.255.255", AddressScope.Global, "global")]
        [InlineData("11.0.0.1", AddressScope.Global, "global")]
        [InlineData("1.1.1.1", AddressScope.Global, "global")]
        [InlineData("2001:4860:4860::8888", AddressScope.Global, "global")]
        [InlineData("fe00::1", AddressScope.Global, "global")]
        [InlineData("::ffff:8.8.8.8", AddressScope.Global, "global")]
        public void Classify_PutsEachAddressInItsRange(string address, AddressScope scope, string range)
        {
            AddressClassification classification = AddressClassifier.Classify(IPAddress.Parse(address));

            Assert.Equal(scope, classification.Scope);
            Assert.Equal(range, classification.Range);
        }
    }
}
