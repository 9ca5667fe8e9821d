using TrackerPS.Core.Bencode;
using TrackerPS.Core.Magnet;
using TrackerPS.Core.Metainfo;

namespace TrackerPS.Fuzz.Targets
{
    /// <summary>
    /// A .torrent file through <see cref="TorrentReader.Read"/>, lenient (the default) and strict. Of a torrent it reads,
    /// the values computed on first read (<see cref="TorrentInfo.MagnetUri"/>, each file's <see cref="TorrentFile.Path"/>
    /// and <see cref="TorrentFile.RawPath"/>) are read too, since a cmdlet's output shows them, and the magnet link must
    /// parse.
    /// </summary>
    public sealed class MetainfoTarget : FuzzTarget
    {
        private static readonly TorrentReadOptions s_strict = new TorrentReadOptions { Strict = true };

        /// <inheritdoc/>
        public override string Name => "metainfo";

        /// <inheritdoc/>
        public override string Contract =>
            "TorrentReader.Read, default and Strict options: BencodeException or MetainfoException, nothing else; "
            + "MagnetUri, Files[].Path and Files[].RawPath of a torrent read throw nothing, and MagnetUri parses.";

        /// <inheritdoc/>
        public override void Run(byte[] input)
        {
            TorrentInfo? torrent = null;
            Attempt<BencodeException, MetainfoException>(() => torrent = TorrentReader.Read(input, "fuzz.torrent"));
            Attempt<BencodeException, MetainfoException>(() => TorrentReader.Read(input, "fuzz.torrent", s_strict));
            if (torrent is null)
            {
                return;
            }

            MagnetUriParser.Parse(torrent.MagnetUri);
            foreach (TorrentFile file in torrent.Files)
            {
                _ = file.Path;
                _ = file.RawPath;
            }
        }
    }
}
