using System;
using System.Text;
using TrackerPS.Core.Network;

namespace TrackerPS.Core.Trackers.Udp
{
    /// <summary>
    /// BEP 41 extension options appended to an announce: the tracker URI's path and query as <c>URLData</c> options
    /// (type 0x2, a one-byte length, then up to 255 bytes). A longer string is split across consecutive options,
    /// which the tracker concatenates. No <c>EndOfOptions</c> is written: BEP 41 ends option parsing at the end of the packet.
    /// </summary>
    internal static class UdpUrlData
    {
        /// <summary>BEP 41 option type <c>URLData</c>.</summary>
        internal const byte UrlDataOptionType = 0x2;

        /// <summary>Maximum data bytes in one option (its length is one byte).</summary>
        internal const int MaxChunkLength = 255;

        /// <summary>
        /// Maximum path-and-query bytes sent, so the announce stays well inside one datagram (BEP 15 packets are
        /// small; 2,048 bytes is far beyond any real tracker URI).
        /// </summary>
        internal const int MaxUrlDataLength = 2048;

        /// <summary>The bytes BEP 41 calls the request string: path and query, escaped, or nothing for a bare <c>/</c>.</summary>
        /// <exception cref="ArgumentException">The path and query exceed <see cref="MaxUrlDataLength"/> bytes.</exception>
        internal static byte[] GetRequestString(Uri tracker)
        {
            string pathAndQuery = tracker.GetComponents(UriComponents.PathAndQuery, UriFormat.UriEscaped);
            byte[] bytes = pathAndQuery == "/" ? new byte[0] : Encoding.UTF8.GetBytes(pathAndQuery);
            if (bytes.Length > MaxUrlDataLength)
            {
                throw new ArgumentException(
                    $"The path and query of '{TrackerUriRedactor.Redact(tracker)}' are {bytes.Length} bytes; at most {MaxUrlDataLength} are sent to a UDP tracker (BEP 41).",
                    nameof(tracker));
            }

            return bytes;
        }

        /// <summary>Encodes the request string as URLData options: 2 + length bytes per 255-byte chunk.</summary>
        internal static byte[] Encode(byte[] requestString)
        {
            int chunks = (requestString.Length + MaxChunkLength - 1) / MaxChunkLength;
            var options = new byte[requestString.Length + (2 * chunks)];
            int position = 0;
            for (int offset = 0; offset < requestString.Length; offset += MaxChunkLength)
            {
                int length = Math.Min(MaxChunkLength, requestString.Length - offset);
                options[position] = UrlDataOptionType;
                options[position + 1] = (byte)length;
                Buffer.BlockCopy(requestString, offset, options, position + 2, length);
                position += 2 + length;
            }

            return options;
        }
    }
}
