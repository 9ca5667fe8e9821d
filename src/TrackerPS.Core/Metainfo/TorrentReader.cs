using System;
using System.IO;
using TrackerPS.Core.Bencode;

namespace TrackerPS.Core.Metainfo
{
    /// <summary>Parses .torrent files (BEP 3, 12, 17, 19, 27, 47, 52) into <see cref="TorrentInfo"/>.</summary>
    /// <remarks>STUB: replaced by the metainfo core at merge.</remarks>
    public static class TorrentReader
    {
        /// <summary>Parses a .torrent file held in memory.</summary>
        /// <param name="data">The file's bytes.</param>
        /// <param name="sourceName">The input's name for error messages, or null.</param>
        /// <param name="options">Parse options, or null for lenient defaults.</param>
        /// <returns>The parsed torrent.</returns>
        /// <exception cref="BencodeException">The bytes are not valid bencode.</exception>
        /// <exception cref="MetainfoException">The bencode is not valid metainfo.</exception>
        public static TorrentInfo Read(byte[] data, string? sourceName, TorrentReadOptions? options = null)
        {
            throw new NotImplementedException();
        }

        /// <summary>Reads and parses a .torrent file.</summary>
        /// <param name="path">The file path.</param>
        /// <param name="options">Parse options, or null for lenient defaults.</param>
        /// <returns>The parsed torrent, with <see cref="TorrentInfo.Path"/> set.</returns>
        /// <exception cref="FileNotFoundException">The file does not exist.</exception>
        /// <exception cref="IOException">The file cannot be read.</exception>
        /// <exception cref="UnauthorizedAccessException">Access is denied.</exception>
        /// <exception cref="BencodeException">The bytes are not valid bencode.</exception>
        /// <exception cref="MetainfoException">The bencode is not valid metainfo.</exception>
        public static TorrentInfo ReadFile(string path, TorrentReadOptions? options = null)
        {
            throw new NotImplementedException();
        }
    }
}
