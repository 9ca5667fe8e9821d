using System;
using System.Globalization;
using System.Net;

namespace TrackerPS.Core.PeerWire
{
    /// <summary>
    /// A peer's address as <c>Peer.EndPoint</c> and magnet <c>x.pe</c> write it: <c>1.2.3.4:6881</c>,
    /// <c>[::1]:6881</c> or <c>host.example:6881</c>.
    /// </summary>
    public sealed class PeerAddress
    {
        private PeerAddress(string host, int port)
        {
            Host = host;
            Port = port;
        }

        /// <summary>The IP literal (without brackets) or host name.</summary>
        public string Host { get; }

        /// <summary>The TCP port, 1–65535.</summary>
        public int Port { get; }

        /// <summary>The address as text: <c>host:port</c>, an IPv6 address in brackets.</summary>
        /// <returns>The text.</returns>
        public override string ToString() => (Host.IndexOf(':') >= 0 ? "[" + Host + "]" : Host) + ":" + Port.ToString(CultureInfo.InvariantCulture);

        /// <summary>Parses <c>host:port</c>, <c>ipv4:port</c> or <c>[ipv6]:port</c>; an IP address is written in its canonical form.</summary>
        /// <param name="text">The text.</param>
        /// <returns>The address.</returns>
        /// <exception cref="FormatException">No port 1–65535 after the last colon, an empty host, or an IPv6 address without brackets.</exception>
        public static PeerAddress Parse(string text)
        {
            if (text is null)
            {
                throw new ArgumentNullException(nameof(text));
            }

            string trimmed = text.Trim();
            int colon = trimmed.LastIndexOf(':');
            if (colon <= 0 || !int.TryParse(trimmed.Substring(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port < 1 || port > 65535)
            {
                throw new FormatException($"Peer address '{text}' must be host:port with a port from 1 to 65535 (an IPv6 address in brackets: [::1]:6881).");
            }

            string host = trimmed.Substring(0, colon);
            if (host.Length > 2 && host[0] == '[' && host[host.Length - 1] == ']')
            {
                if (!IPAddress.TryParse(host.Substring(1, host.Length - 2), out IPAddress? v6) || v6.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
                {
                    throw new FormatException($"Peer address '{text}' has '{host}' in brackets, which is not an IPv6 address.");
                }

                return new PeerAddress(v6.ToString(), port);
            }

            if (host.IndexOf(':') >= 0 || host.IndexOfAny(new[] { '[', ']', ' ', '/' }) >= 0)
            {
                throw new FormatException($"Peer address '{text}' has the host '{host}'; an IPv6 address must be in brackets ([::1]:6881).");
            }

            return new PeerAddress(IPAddress.TryParse(host, out IPAddress? v4) ? v4.ToString() : host, port);
        }
    }
}
