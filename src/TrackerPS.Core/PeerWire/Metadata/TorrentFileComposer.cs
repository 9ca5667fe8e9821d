using System;
using System.IO;
using System.Linq;
using TrackerPS.Core.Bencode;

namespace TrackerPS.Core.PeerWire.Metadata
{
    /// <summary>
    /// Builds a .torrent around an info dictionary fetched from peers: <c>announce</c> (the first tracker),
    /// <c>announce-list</c> (BEP 12, when there is more than one tracker), <c>info</c> as the raw verified bytes (never
    /// re-encoded, so the info-hash stays what was verified) and <c>url-list</c> (BEP 19 web seeds), keys in sorted order.
    /// </summary>
    public static class TorrentFileComposer
    {
        /// <summary>Composes the file's bytes.</summary>
        /// <param name="info">The bencoded info dictionary, as verified.</param>
        /// <param name="tiers">Tracker tiers (a magnet's <c>tr</c>, one per tier).</param>
        /// <param name="webSeeds">Web seeds (a magnet's <c>ws</c>).</param>
        /// <returns>The .torrent bytes.</returns>
        public static byte[] Compose(byte[] info, Uri[][] tiers, Uri[] webSeeds)
        {
            if (info is null || tiers is null || webSeeds is null)
            {
                throw new ArgumentNullException(info is null ? nameof(info) : tiers is null ? nameof(tiers) : nameof(webSeeds));
            }

            Uri[] trackers = tiers.SelectMany(t => t).ToArray();
            using var stream = new MemoryStream(info.Length + 256);
            stream.WriteByte((byte)'d');
            if (trackers.Length > 0)
            {
                Write(stream, new BString("announce"));
                Write(stream, new BString(trackers[0].AbsoluteUri));
            }

            if (trackers.Length > 1)
            {
                Write(stream, new BString("announce-list"));
                Write(stream, new BList(tiers.Where(t => t.Length > 0).Select(t => new BList(t.Select(u => new BString(u.AbsoluteUri))))));
            }

            Write(stream, new BString("info"));
            stream.Write(info, 0, info.Length);
            if (webSeeds.Length > 0)
            {
                Write(stream, new BString("url-list"));
                Write(stream, new BList(webSeeds.Select(u => new BString(u.AbsoluteUri))));
            }

            stream.WriteByte((byte)'e');
            return stream.ToArray();
        }

        private static void Write(Stream stream, BValue value) => BencodeEncoder.Encode(value, stream);
    }
}
