using System;
using System.Net;

namespace TrackerPS.Core.Trackers
{
    /// <summary>
    /// The compact peer format shared by HTTP <c>peers</c> (BEP 23, 6 bytes each), HTTP <c>peers6</c> (BEP 7, 18 bytes
    /// each) and BEP 15 announce replies (6 or 18 bytes by the tracker's address family): the address in network
    /// order, then the port as a big-endian 16-bit integer.
    /// </summary>
    internal static class CompactPeers
    {
        /// <summary>Bytes per IPv4 peer: 4 address, 2 port.</summary>
        internal const int IPv4Stride = 6;

        /// <summary>Bytes per IPv6 peer: 16 address, 2 port.</summary>
        internal const int IPv6Stride = 18;

        /// <summary>Decodes every whole entry in <paramref name="count"/> bytes at <paramref name="offset"/>; a partial last entry is left for the caller to report.</summary>
        /// <param name="buffer">The bytes.</param>
        /// <param name="offset">Where the first entry starts.</param>
        /// <param name="count">How many bytes the entries occupy.</param>
        /// <param name="stride"><see cref="IPv4Stride"/> or <see cref="IPv6Stride"/>.</param>
        /// <returns>The peers, in order.</returns>
        internal static IPEndPoint[] Decode(byte[] buffer, int offset, int count, int stride)
        {
            var peers = new IPEndPoint[count / stride];
            int addressLength = stride - 2;
            for (int i = 0; i < peers.Length; i++)
            {
                int start = offset + (i * stride);
                int port = (buffer[start + addressLength] << 8) | buffer[start + addressLength + 1];
                peers[i] = new IPEndPoint(Address(buffer, start, addressLength), port);
            }

            return peers;
        }

        /// <summary>The address at <paramref name="start"/>; an IPv4 one without a byte array (a hostile 1 MB reply holds 170,000).</summary>
        private static IPAddress Address(byte[] buffer, int start, int length)
        {
            if (length == 4)
            {
                // IPAddress(long) takes the address bytes in memory order, network order first.
                uint value = buffer[start] | ((uint)buffer[start + 1] << 8) | ((uint)buffer[start + 2] << 16) | ((uint)buffer[start + 3] << 24);
                return new IPAddress(value);
            }

            var address = new byte[length];
            Buffer.BlockCopy(buffer, start, address, 0, length);
            return new IPAddress(address);
        }
    }
}
