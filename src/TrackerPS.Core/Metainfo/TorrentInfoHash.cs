using System;
using CoreInfoHash = TrackerPS.Core.Metainfo.InfoHash;

namespace TrackerPS
{
    /// <summary>
    /// The info-hashes of one torrent: what <c>Get-TorrentInfoHash</c> emits. <see cref="InfoHash"/> binds by property
    /// name to tracker cmdlets.
    /// </summary>
    public sealed class TorrentInfoHash
    {
        /// <summary>Full path of the .torrent file, or null when the torrent was not read from a file.</summary>
        public string? Path { get; init; }

        /// <summary>The v1 SHA-1 info-hash (BEP 3, 20 bytes) in <see cref="Format"/>, or null for a v2-only torrent.</summary>
        public string? InfoHashV1 { get; init; }

        /// <summary>The full v2 SHA-256 info-hash (BEP 52, 32 bytes) in <see cref="Format"/>, or null for a v1-only torrent.</summary>
        public string? InfoHashV2 { get; init; }

        /// <summary>The 20-byte hash trackers know the torrent by (v1 SHA-1, or the v2 SHA-256 truncated, BEP 52) in <see cref="Format"/>.</summary>
        public string InfoHash { get; init; } = string.Empty;

        /// <summary>How the hashes are written.</summary>
        public InfoHashFormat Format { get; init; }

        /// <summary>Takes the hashes of a parsed torrent and writes them in <paramref name="format"/>.</summary>
        /// <param name="torrent">The parsed torrent; its hashes are hex strings.</param>
        /// <param name="format">The output format.</param>
        /// <returns>The hashes.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="torrent"/> is null.</exception>
        /// <exception cref="FormatException">A hash of <paramref name="torrent"/> is not 40 or 64 hex characters.</exception>
        public static TorrentInfoHash FromTorrentInfo(TorrentInfo torrent, InfoHashFormat format)
        {
            if (torrent is null)
            {
                throw new ArgumentNullException(nameof(torrent));
            }

            return new TorrentInfoHash
            {
                Path = torrent.Path,
                InfoHashV1 = FormatHash(torrent.InfoHashV1, format),
                InfoHashV2 = FormatHash(torrent.InfoHashV2, format),
                InfoHash = FormatHash(torrent.InfoHash, format) ?? string.Empty,
                Format = format,
            };
        }

        private static string? FormatHash(string? hex, InfoHashFormat format)
        {
            if (string.IsNullOrEmpty(hex))
            {
                return null;
            }

            // A read torrent's hashes are already lower-case hex (40 or 64 digits): no round trip through the bytes.
            if (format == InfoHashFormat.Hex && hex!.Length is 40 or 64 && Core.Hex.IsLowerCase(hex))
            {
                return hex;
            }

            CoreInfoHash hash = CoreInfoHash.Parse(hex!);
            return format == InfoHashFormat.Base32 ? hash.ToBase32() : hash.ToHex();
        }
    }
}
