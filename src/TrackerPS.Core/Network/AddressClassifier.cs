using System;
using System.Linq;
using System.Net;
using System.Net.Sockets;

namespace TrackerPS.Core.Network
{
    /// <summary>
    /// Classifies an IP address into an <see cref="AddressScope"/>, from most to least specific range. An IPv6 address that
    /// embeds an IPv4 one (IPv4-mapped <c>::ffff:0:0/96</c>, NAT64 <c>64:ff9b::/96</c>) is classified as that IPv4 address,
    /// so <c>::ffff:127.0.0.1</c> is loopback. A pure function: no DNS, no sockets.
    /// </summary>
    public static class AddressClassifier
    {
        private static readonly AddressClassification s_global = new AddressClassification(AddressScope.Global, "global");

        private static readonly Range[] s_ipv4 =
        {
            new Range("0.0.0.0", 8, AddressScope.Loopback, "0.0.0.0/8, unspecified"),
            new Range("127.0.0.0", 8, AddressScope.Loopback, "127.0.0.0/8, loopback"),
            new Range("169.254.169.254", 32, AddressScope.LinkLocal, "169.254.169.254, cloud metadata service"),
            new Range("169.254.0.0", 16, AddressScope.LinkLocal, "169.254.0.0/16, link-local"),
            new Range("10.0.0.0", 8, AddressScope.Private, "10.0.0.0/8, private"),
            new Range("172.16.0.0", 12, AddressScope.Private, "172.16.0.0/12, private"),
            new Range("192.168.0.0", 16, AddressScope.Private, "192.168.0.0/16, private"),
            new Range("100.64.0.0", 10, AddressScope.Private, "100.64.0.0/10, shared address space"),
            new Range("224.0.0.0", 4, AddressScope.Private, "224.0.0.0/4, multicast"),
            new Range("255.255.255.255", 32, AddressScope.Private, "255.255.255.255, broadcast"),
        };

        private static readonly Range[] s_ipv6 =
        {
            new Range("::", 128, AddressScope.Loopback, "::, unspecified"),
            new Range("::1", 128, AddressScope.Loopback, "::1, loopback"),
            new Range("fd00:ec2::254", 128, AddressScope.LinkLocal, "fd00:ec2::254, cloud metadata service"),
            new Range("fe80::", 10, AddressScope.LinkLocal, "fe80::/10, link-local"),
            new Range("fc00::", 7, AddressScope.Private, "fc00::/7, unique local"),
            new Range("fec0::", 10, AddressScope.Private, "fec0::/10, site-local"),
            new Range("ff00::", 8, AddressScope.Private, "ff00::/8, multicast"),
        };

        private static readonly Range[] s_embeddedIPv4 =
        {
            new Range("::ffff:0:0", 96, AddressScope.Global, "IPv4-mapped"),
            new Range("64:ff9b::", 96, AddressScope.Global, "NAT64"),
        };

        /// <summary>Classifies an address.</summary>
        /// <param name="address">An IPv4 or IPv6 address.</param>
        /// <returns>Its scope and range.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="address"/> is null.</exception>
        public static AddressClassification Classify(IPAddress address)
        {
            if (address is null)
            {
                throw new ArgumentNullException(nameof(address));
            }

            byte[] bytes = address.GetAddressBytes();
            if (address.AddressFamily == AddressFamily.InterNetworkV6)
            {
                if (s_embeddedIPv4.Any(range => range.Contains(bytes)))
                {
                    return Match(s_ipv4, bytes.Skip(12).ToArray());
                }

                return Match(s_ipv6, bytes);
            }

            return Match(s_ipv4, bytes);
        }

        private static AddressClassification Match(Range[] ranges, byte[] bytes) =>
            ranges.FirstOrDefault(range => range.Contains(bytes))?.Classification ?? s_global;

        private sealed class Range
        {
            private readonly byte[] _prefix;
            private readonly int _bits;

            internal Range(string prefix, int bits, AddressScope scope, string name)
            {
                _prefix = IPAddress.Parse(prefix).GetAddressBytes();
                _bits = bits;
                Classification = new AddressClassification(scope, name);
            }

            internal AddressClassification Classification { get; }

            internal bool Contains(byte[] address)
            {
                if (address.Length != _prefix.Length)
                {
                    return false;
                }

                for (int bit = 0; bit < _bits; bit++)
                {
                    int mask = 0x80 >> (bit % 8);
                    if ((address[bit / 8] & mask) != (_prefix[bit / 8] & mask))
                    {
                        return false;
                    }
                }

                return true;
            }
        }
    }
}
