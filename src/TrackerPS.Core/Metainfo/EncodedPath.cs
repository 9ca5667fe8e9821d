using System;
using TrackerPS.Core.Bencode;

namespace TrackerPS.Core.Metainfo
{
    /// <summary>
    /// A v1 file's <c>path</c> (BEP 3: a list of byte strings) kept as its encoded bytes, so that
    /// <see cref="TrackerPS.TorrentFile.RawPath"/> is built only when read: building it up front cost one array per
    /// file plus one per element, 200,000 objects for a 50,000-file torrent that few callers ever look at.
    /// </summary>
    internal readonly struct EncodedPath
    {
        // The list already passed the reader's own limits, which may be larger than the defaults, so none applies here.
        private static readonly BencodeLimits s_unlimited = new BencodeLimits { MaxInputSize = int.MaxValue, MaxTokens = int.MaxValue };
        private readonly byte[] _buffer;
        private readonly int _offset;
        private readonly int _length;

        /// <param name="buffer">Bytes holding the encoded list; shared by every file of the torrent, never modified.</param>
        /// <param name="offset">Offset of the list's <c>l</c>.</param>
        /// <param name="length">Length of the encoded list, <c>e</c> included.</param>
        public EncodedPath(byte[] buffer, int offset, int length)
        {
            _buffer = buffer;
            _offset = offset;
            _length = length;
        }

        /// <summary>Decodes the list again (it was checked when the torrent was read) into one array per element.</summary>
        public byte[][] Decode()
        {
            var encoded = new byte[_length];
            Buffer.BlockCopy(_buffer, _offset, encoded, 0, _length);
            var list = (BList)BencodeDecoder.Decode(encoded, s_unlimited).Root;
            var raw = new byte[list.Items.Count][];
            for (int i = 0; i < raw.Length; i++)
            {
                raw[i] = ((BString)list.Items[i]).ToArray();
            }

            return raw;
        }
    }
}
