using System;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using TrackerPS.Core.Metainfo;
using TrackerPS.Core.PeerWire;
using TrackerPS.Core.Tests.Integration;
using Xunit;

namespace TrackerPS.Core.Tests.PeerWire
{
    /// <summary>Probes real libtorrent 2.0 seeds on loopback (tests/libtorrent/seed.py).</summary>
    [Collection(LibtorrentCollection.Name)]
    public sealed class PeerProberLibtorrentTests
    {
        private static readonly byte[] s_peerId = System.Text.Encoding.ASCII.GetBytes("-TP0100-abcdefghijkl");
        private readonly LibtorrentFixture _seeds;

        public PeerProberLibtorrentTests(LibtorrentFixture seeds)
        {
            _seeds = seeds;
        }

        internal static PeerProber Prober(double seconds = 5) => new PeerProber(s_peerId, "TrackerPS/test", TimeSpan.FromSeconds(seconds));

        internal static PeerProbeTarget Target(int port, string infoHash, string? upgraded = null) =>
            new PeerProbeTarget(PeerAddress.Parse($"127.0.0.1:{port}"), InfoHash.Parse(infoHash), upgraded is null ? null : InfoHash.Parse(upgraded.Substring(0, 40)));

        [LibtorrentFact]
        public async Task V1Seed_IsReachable_WithClientFeaturesExtensionHandshakeAndHaveAll()
        {
            LibtorrentSeed seed = _seeds["v1"];

            PeerProbe probe = await Prober().ProbeAsync(Target(seed.Port, seed.InfoHash), CancellationToken.None);

            Assert.True(probe.IsReachable, probe.Error);
            Assert.Null(probe.Error);
            Assert.Equal($"127.0.0.1:{seed.Port}", probe.EndPoint);
            Assert.Equal(seed.InfoHash, probe.InfoHash);
            Assert.StartsWith("libtorrent", probe.Client, StringComparison.Ordinal);
            Assert.Equal(40, probe.PeerId!.Length);
            Assert.True(probe.SupportsExtensionProtocol);
            Assert.True(probe.SupportsFast);
            Assert.Contains("ut_metadata", probe.ExtensionMessages);
            Assert.Equal(seed.MetadataSize, probe.MetadataSize);
            Assert.Equal("127.0.0.1", probe.YourIPAddress);
            Assert.True(probe.RequestQueueLength > 0);
            Assert.True(probe.HasAll);
            Assert.True(probe.Latency > TimeSpan.Zero && probe.Latency < TimeSpan.FromSeconds(5));
        }

        [LibtorrentFact]
        public async Task V2Seed_AnswersTheTruncatedV2Hash()
        {
            LibtorrentSeed seed = _seeds["v2"];

            PeerProbe probe = await Prober().ProbeAsync(Target(seed.Port, seed.InfoHash), CancellationToken.None);

            Assert.True(probe.IsReachable, probe.Error);
            Assert.False(probe.IsV2Upgraded);
            Assert.Equal(seed.MetadataSize, probe.MetadataSize);
        }

        [LibtorrentFact]
        public async Task HybridSeed_OfferedTheUpgrade_AnswersWithTheTruncatedV2Hash()
        {
            LibtorrentSeed seed = _seeds["hybrid"];

            PeerProbe probe = await Prober().ProbeAsync(Target(seed.Port, seed.InfoHashV1!, seed.InfoHashV2), CancellationToken.None);

            Assert.True(probe.IsReachable, probe.Error);
            Assert.True(probe.IsV2Upgraded);
            Assert.Equal(seed.MetadataSize, probe.MetadataSize);
        }

        [LibtorrentFact]
        public async Task HybridSeed_WithoutTheUpgrade_AnswersTheV1Hash()
        {
            LibtorrentSeed seed = _seeds["hybrid"];

            PeerProbe probe = await Prober().ProbeAsync(Target(seed.Port, seed.InfoHashV1!), CancellationToken.None);

            Assert.True(probe.IsReachable, probe.Error);
            Assert.False(probe.IsV2Upgraded);
        }

        [LibtorrentFact]
        public async Task EncryptedSeed_IsReportedAsMayRequireEncryption()
        {
            LibtorrentSeed seed = _seeds["encrypted"];

            PeerProbe probe = await Prober().ProbeAsync(Target(seed.Port, seed.InfoHash), CancellationToken.None);

            Assert.False(probe.IsReachable);
            Assert.StartsWith("closed (may require encryption)", probe.Error, StringComparison.Ordinal);
        }

        [LibtorrentFact]
        public async Task PrivateSeed_IsReachable_WithoutUtMetadata()
        {
            LibtorrentSeed seed = _seeds["private"];

            PeerProbe probe = await Prober().ProbeAsync(Target(seed.Port, seed.InfoHash), CancellationToken.None);

            Assert.True(probe.IsReachable, probe.Error);
            Assert.DoesNotContain("ut_metadata", probe.ExtensionMessages);
            Assert.True(probe.HasAll);
        }

        [LibtorrentFact]
        public async Task UnknownInfoHash_IsClosedBeforeTheHandshake()
        {
            LibtorrentSeed seed = _seeds["v1"];

            PeerProbe probe = await Prober().ProbeAsync(Target(seed.Port, new string('1', 40)), CancellationToken.None);

            Assert.False(probe.IsReachable);
            Assert.Contains("without a handshake", probe.Error, StringComparison.Ordinal);
        }

        [LibtorrentFact]
        public async Task ProbeAll_ProbesEverySeedConcurrently_AndReportsEach()
        {
            var targets = _seeds.Seeds.Values.Select(s => Target(s.Port, s.InfoHash)).ToArray();
            int reported = 0;
            var prober = new PeerProber(s_peerId, "TrackerPS/test", TimeSpan.FromSeconds(5), throttleLimit: 2) { OnCompleted = _ => Interlocked.Increment(ref reported) };

            var probes = await prober.ProbeAllAsync(targets, CancellationToken.None);

            Assert.Equal(targets.Length, probes.Count);
            Assert.Equal(targets.Length, reported);
            Assert.Equal(targets.Length - 1, probes.Count(p => p.IsReachable));
        }
    }
}
