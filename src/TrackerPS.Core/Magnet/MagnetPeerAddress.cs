using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace TrackerPS.Core.Magnet
{
    /// <summary>Checks an <c>x.pe</c> peer address (BEP 9): <c>hostname:port</c>, <c>ipv4:port</c> or <c>[ipv6]:port</c>.</summary>
    internal static class MagnetPeerAddress
    {
        private const int MaxPort = 65535;

        /// <summary>True when <paramref name="text"/> is a host name, IPv4 or bracketed IPv6 address, a colon and a port 1–65535.</summary>
        /// <param name="text">The decoded <c>x.pe</c> value.</param>
        /// <returns>Whether the address is usable.</returns>
        internal static bool IsValid(string text)
        {
            int colon = text.LastIndexOf(':');
            if (colon <= 0)
            {
                return false;
            }

            string host = text.Substring(0, colon);
            return (IsBracketedIPv6(host) || IsHostName(host)) && IsPort(text.Substring(colon + 1));
        }

        // An IPv6 address must be bracketed, or its own colons would be read as the port separator.
        private static bool IsBracketedIPv6(string host)
        {
            return host.Length > 2
                && host[0] == '['
                && host[host.Length - 1] == ']'
                && IPAddress.TryParse(host.Substring(1, host.Length - 2), out IPAddress? address)
                && address.AddressFamily == AddressFamily.InterNetworkV6;
        }

        // A DNS name or an IPv4 address: ASCII letters, digits, '.', '-', '_'.
        private static bool IsHostName(string host)
        {
            foreach (char c in host)
            {
                bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_';
                if (!allowed)
                {
                    return false;
                }
            }

            return true;
        }

        // NumberStyles.None: digits only, no sign or white space.
        private static bool IsPort(string text)
        {
            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int port)
                && port >= 1
                && port <= MaxPort;
        }
    }
}
