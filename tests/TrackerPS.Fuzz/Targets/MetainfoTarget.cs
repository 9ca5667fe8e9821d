using TrackerPS.Core.Bencode;
using TrackerPS.Core.Metainfo;

namespace TrackerPS.Fuzz.Targets
{
    /// <summary>A .torrent file through <see cref="TorrentReader.Read"/>, lenient (the default) and strict.</summary>
    public sealed class MetainfoTarget : FuzzTarget
    {
        private static readonly TorrentReadOptions s_strict = new TorrentReadOptions { Strict = true };

        /// <inheritdoc/>
        public override string Name => "metainfo";

        /// <inheritdoc/>
        public override string Contract =>
            "TorrentReader.Read, default and Strict options: BencodeException or MetainfoException, nothing else.";

        /// <inheritdoc/>
        public override void Run(byte[] input)
        {
            Attempt<BencodeException, MetainfoException>(() => TorrentReader.Read(input, "fuzz.torrent"));
            Attempt<BencodeException, MetainfoException>(() => TorrentReader.Read(input, "fuzz.torrent", s_strict));
        }
    }
}
