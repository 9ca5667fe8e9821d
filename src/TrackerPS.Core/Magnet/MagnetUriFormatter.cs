using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using TrackerPS.Core.Metainfo;

namespace TrackerPS.Core.Magnet
{
    /// <summary>
    /// Writes magnet links (BEP 9; <c>urn:btmh</c> multihash for v2, BEP 52; <c>so</c>, BEP 53). Parameter order is fixed:
    /// <c>xt=urn:btih</c>, <c>xt=urn:btmh:1220…</c>, <c>dn</c>, <c>xl</c>, each <c>tr</c>, each <c>ws</c>, then for a
    /// <see cref="MagnetLink"/> each <c>x.pe</c>, <c>so</c> and the kept parameters. Every value is RFC 3986
    /// percent-encoded (all but the unreserved characters; <c>x.pe</c> keeps <c>:[]</c> and <c>so</c> keeps <c>,</c>
    /// literal, as libtorrent does not decode them), so the link survives any parser.
    /// </summary>
    public static class MagnetUriFormatter
    {
        /// <summary>The multihash prefix for SHA-256 with a 32-byte digest (<c>0x12 0x20</c>).</summary>
        public const string Sha256MultihashPrefix = "1220";

        private const string PeerLiterals = ":[]";
        private const string SelectOnlyLiterals = ",";

        /// <summary>Formats a magnet link.</summary>
        /// <param name="v1">The 20-byte v1 info-hash (written as 40 hex, <c>urn:btih</c>), or null.</param>
        /// <param name="v2">The 32-byte v2 info-hash (written as <c>urn:btmh:1220</c> + 64 hex), or null.</param>
        /// <param name="name">Display name (<c>dn</c>), or null.</param>
        /// <param name="exactLength">Total size in bytes (<c>xl</c>), or null.</param>
        /// <param name="trackers">Trackers (<c>tr</c>), in order.</param>
        /// <param name="webSeeds">Web seeds (<c>ws</c>), in order.</param>
        /// <returns>The magnet URI text.</returns>
        /// <exception cref="ArgumentException">Neither hash is given, or a hash has the wrong length.</exception>
        public static string Format(InfoHash? v1, InfoHash? v2, string? name, long? exactLength, IEnumerable<Uri> trackers, IEnumerable<Uri> webSeeds)
        {
            return Join(CoreParameters(v1, v2, name, exactLength, trackers, webSeeds));
        }

        /// <summary>
        /// Formats the magnet link of a parsed torrent the way libtorrent's <c>make_magnet_uri</c> does: hashes, <c>dn</c>,
        /// every tracker of every tier, web seeds; no <c>xl</c>.
        /// </summary>
        /// <param name="torrent">The torrent.</param>
        /// <returns>The magnet URI text.</returns>
        /// <exception cref="FormatException">A hash property is not hex of the right length.</exception>
        /// <exception cref="ArgumentException">Neither <see cref="TorrentInfo.InfoHashV1"/> nor <see cref="TorrentInfo.InfoHashV2"/> is set, or one has the wrong length.</exception>
        public static string Format(TorrentInfo torrent)
        {
            return Format(ParseHash(torrent.InfoHashV1), ParseHash(torrent.InfoHashV2), torrent.Name, null, torrent.Tracker, torrent.WebSeeds);
        }

        /// <summary>
        /// Formats a parsed magnet link back to text: the parameters of
        /// <see cref="Format(InfoHash, InfoHash, string, long?, IEnumerable{Uri}, IEnumerable{Uri})"/>, then each <c>x.pe</c>,
        /// <c>so</c> (BEP 53) and the kept unknown parameters. <c>as</c> sources come back as <c>ws</c>.
        /// </summary>
        /// <param name="link">The link.</param>
        /// <returns>The magnet URI text.</returns>
        /// <exception cref="FormatException">A hash property is not hex of the right length.</exception>
        /// <exception cref="ArgumentException">Neither <see cref="MagnetLink.InfoHashV1"/> nor <see cref="MagnetLink.InfoHashV2"/> is set, or one has the wrong length.</exception>
        public static string Format(MagnetLink link)
        {
            List<string> parts = CoreParameters(ParseHash(link.InfoHashV1), ParseHash(link.InfoHashV2), link.Name, link.ExactLength, link.Tracker, link.WebSeeds);

            // libtorrent reads x.pe and so without percent-decoding, so their separators stay literal.
            foreach (string peer in link.Peers)
            {
                parts.Add("x.pe=" + Escape(peer, PeerLiterals));
            }

            if (!string.IsNullOrEmpty(link.SelectOnly))
            {
                parts.Add("so=" + Escape(link.SelectOnly!, SelectOnlyLiterals));
            }

            foreach (MagnetParameter parameter in link.Parameters)
            {
                parts.Add(Escape(parameter.Name) + "=" + Escape(parameter.Value));
            }

            return Join(parts);
        }

        /// <summary>Percent-encodes UTF-8 bytes: RFC 3986 unreserved characters literal, every other byte <c>%XX</c> upper-case.</summary>
        /// <param name="value">The text.</param>
        /// <returns>The escaped text.</returns>
        public static string Escape(string value) => Escape(value, string.Empty);

        private static string Escape(string value, string keepLiteral) => UriEscaping.Escape(Encoding.UTF8.GetBytes(value), keepLiteral);

        private static List<string> CoreParameters(InfoHash? v1, InfoHash? v2, string? name, long? exactLength, IEnumerable<Uri> trackers, IEnumerable<Uri> webSeeds)
        {
            if (v1 is null && v2 is null)
            {
                throw new ArgumentException("A magnet link needs a v1 or a v2 info-hash.");
            }

            if ((v1 is not null && v1.Length != 20) || (v2 is not null && v2.Length != 32))
            {
                throw new ArgumentException("A magnet link takes a 20-byte v1 info-hash and a 32-byte v2 info-hash.");
            }

            var parts = new List<string>();
            if (v1 is not null)
            {
                parts.Add("xt=urn:btih:" + v1.ToHex());
            }

            if (v2 is not null)
            {
                parts.Add("xt=urn:btmh:" + Sha256MultihashPrefix + v2.ToHex());
            }

            if (!string.IsNullOrEmpty(name))
            {
                parts.Add("dn=" + Escape(name!));
            }

            if (exactLength is not null)
            {
                parts.Add("xl=" + exactLength.Value.ToString(CultureInfo.InvariantCulture));
            }

            foreach (Uri tracker in trackers)
            {
                parts.Add("tr=" + Escape(tracker.OriginalString));
            }

            foreach (Uri webSeed in webSeeds)
            {
                parts.Add("ws=" + Escape(webSeed.OriginalString));
            }

            return parts;
        }

        private static string Join(List<string> parts) => "magnet:?" + string.Join("&", parts);

        private static InfoHash? ParseHash(string? hex) => hex is null ? null : InfoHash.Parse(hex);
    }
}
