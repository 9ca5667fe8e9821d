using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using TrackerPS.Core.Bencode;
using TrackerPS.Core.Metainfo;
using TrackerPS.Core.PeerWire;
using TrackerPS.Core.PeerWire.Metadata;
using TrackerPS.Core.Tests.Integration;
using Xunit;

namespace TrackerPS.Core.Tests.PeerWire
{
    /// <summary>Fetches metadata from real libtorrent 2.0 seeds (tests/libtorrent/seed.py) and checks it against their .torrent files.</summary>
    [Collection(LibtorrentCollection.Name)]
    public sealed class MetadataFetcherLibtorrentTests
    {
        private readonly LibtorrentFixture _seeds;

        public MetadataFetcherLibtorrentTests(LibtorrentFixture seeds)
        {
            _seeds = seeds;
        }

        private static MetadataFetcher Fetcher() => new MetadataFetcher(new MetadataFetchOptions { PeerId = System.Text.Encoding.ASCII.GetBytes("-TP0100-abcdefghijkl"), Timeout = TimeSpan.FromSeconds(5) });

        private static MetadataTarget Target(LibtorrentSeed seed) =>
            new MetadataTarget(seed.InfoHashV1 is null ? null : InfoHash.Parse(seed.InfoHashV1), seed.InfoHashV2 is null ? null : InfoHash.Parse(seed.InfoHashV2));

        [LibtorrentFact]
        public async Task V1V2AndHybrid_InfoIsTheSeedsRawInfoDictionary()
        {
            foreach (string name in new[] { "v1", "v2", "hybrid" })
            {
                LibtorrentSeed seed = _seeds[name];
                var torrent = (BDictionary)BencodeDecoder.Decode(File.ReadAllBytes(seed.Torrent)).Root;

                byte[] info = await Fetcher().FetchAsync(Target(seed), new[] { PeerAddress.Parse($"127.0.0.1:{seed.Port}") }, CancellationToken.None);

                Assert.Equal(torrent["info"]!.RawBytes.ToArray(), info);
            }
        }

        [LibtorrentFact]
        public async Task PrivateTorrent_IsNotFound_SayingWhy()
        {
            LibtorrentSeed seed = _seeds["private"];

            MetadataFetchException error = await Assert.ThrowsAsync<MetadataFetchException>(() =>
                Fetcher().FetchAsync(Target(seed), new[] { PeerAddress.Parse($"127.0.0.1:{seed.Port}") }, CancellationToken.None));

            Assert.Equal(MetadataErrorKind.NotFound, error.Kind);
            Assert.Contains("private torrent (BEP 27)", error.Message, StringComparison.Ordinal);
        }

        [LibtorrentFact]
        public async Task EncryptedSeed_AndAHonestOne_TheHonestSupplies()
        {
            LibtorrentSeed seed = _seeds["v1"];
            LibtorrentSeed encrypted = _seeds["encrypted"];
            var peers = new[] { PeerAddress.Parse($"127.0.0.1:{encrypted.Port}"), PeerAddress.Parse($"127.0.0.1:{seed.Port}") };

            byte[] info = await Fetcher().FetchAsync(Target(seed), peers, CancellationToken.None);

            Assert.Equal(seed.MetadataSize, info.Length);
        }
    }
}
