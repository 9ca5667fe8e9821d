using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace TrackerPS.Core.PeerWire
{
    /// <summary>
    /// Names the client behind a peer id (BEP 20): Azureus style <c>-XX1234-</c> (two-letter client code, four version
    /// characters) or Shadow style (one-letter code, up to five version characters, padded with <c>-</c>). Version
    /// characters are 0–9, then A–Z for 10–35 and a–z for 36–61; trailing zero components past the second are dropped.
    /// </summary>
    public static class PeerClientName
    {
        /// <summary>Our own BEP 10 <c>v</c>: <c>TrackerPS/</c> and the core's three-part version.</summary>
        public static readonly string Ours = "TrackerPS/" + typeof(PeerClientName).Assembly.GetName().Version!.ToString(3);

        private const string VersionAlphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        private const int PeerIdLength = 20;

        private static readonly Dictionary<string, string> s_azureus = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["AG"] = "Ares", ["AZ"] = "Vuze", ["BC"] = "BitComet", ["BI"] = "BiglyBT", ["BT"] = "BitTorrent",
            ["DE"] = "Deluge", ["FD"] = "Free Download Manager", ["FW"] = "FrostWire", ["KT"] = "KTorrent",
            ["LT"] = "libtorrent (Rasterbar)", ["lt"] = "libtorrent (Rakshasa)", ["PI"] = "PicoTorrent",
            ["qB"] = "qBittorrent", ["TL"] = "Tribler", ["TP"] = "TrackerPS", ["TR"] = "Transmission", ["UM"] = "µTorrent for Mac",
            ["UT"] = "µTorrent", ["WD"] = "WebTorrent Desktop", ["WW"] = "WebTorrent", ["XL"] = "Xunlei",
        };

        private static readonly Dictionary<char, string> s_shadow = new Dictionary<char, string>
        {
            ['A'] = "ABC", ['O'] = "Osprey Permaseed", ['Q'] = "BTQueue", ['R'] = "Tribler", ['S'] = "Shadow's client",
            ['T'] = "BitTornado", ['U'] = "UPnP NAT Bit Torrent",
        };

        /// <summary>The client a peer id names, e.g. <c>libtorrent (Rasterbar) 2.0.8</c>; an unknown Azureus code is kept as is (<c>ZZ 1.2</c>).</summary>
        /// <param name="peerId">The 20-byte peer id.</param>
        /// <returns>The client and version, or null when the id follows neither style.</returns>
        public static string? FromPeerId(byte[] peerId)
        {
            if (peerId is null || peerId.Length != PeerIdLength)
            {
                return null;
            }

            if (peerId[0] == '-' && peerId[7] == '-' && IsLetter(peerId[1]) && IsLetter(peerId[2]))
            {
                string code = Encoding.ASCII.GetString(peerId, 1, 2);
                string? version = Version(peerId, 3, 4);
                if (version is not null)
                {
                    return (s_azureus.TryGetValue(code, out string? name) ? name : code) + " " + version;
                }
            }

            if (s_shadow.TryGetValue((char)peerId[0], out string? shadow))
            {
                int end = 1;
                while (end < 6 && peerId[end] != '-')
                {
                    end++;
                }

                // Up to five version characters padded with '-' (BEP 20 §Shadow's style); a full five must be followed by
                // the usual "---", or any random id starting with one of these letters would match.
                bool padded = Enumerable.Range(end, 6 - end).All(i => peerId[i] == '-');
                bool dashes = peerId[6] == '-' && peerId[7] == '-' && peerId[8] == '-';
                string? version = end > 1 && padded && (end < 6 || dashes) ? Version(peerId, 1, end - 1) : null;
                if (version is not null)
                {
                    return shadow + " " + version;
                }
            }

            return null;
        }

        private static bool IsLetter(byte b) => (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z');

        private static string? Version(byte[] bytes, int offset, int count)
        {
            var parts = new List<int>(count);
            for (int i = offset; i < offset + count; i++)
            {
                int value = VersionAlphabet.IndexOf((char)bytes[i]);
                if (value < 0)
                {
                    return null;
                }

                parts.Add(value);
            }

            while (parts.Count > 2 && parts[parts.Count - 1] == 0)
            {
                parts.RemoveAt(parts.Count - 1);
            }

            return string.Join(".", parts);
        }
    }
}
