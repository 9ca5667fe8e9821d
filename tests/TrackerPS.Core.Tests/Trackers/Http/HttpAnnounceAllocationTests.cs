using System;
using System.Threading;
using System.Threading.Tasks;
using TrackerPS.Core.Tests.Fakes;
using TrackerPS.Core.Tests.PeerWire;
using TrackerPS.Core.Trackers;
using TrackerPS.Core.Trackers.Http;
using Xunit;

namespace TrackerPS.Core.Tests.Trackers.Http
{
    /// <summary>
    /// What one HTTP announce allocates against the in-process fake tracker, which closes every connection after its reply
    /// as opentracker does: the mean over <see cref="Announces"/> announces made one after another through one client,
    /// every thread counted (HttpClient's connection and the fake's own work included). About 31.2 KB were measured;
    /// 48.5 KB before the body was read into an array of its length (it went through a 16 KiB chunk and a MemoryStream)
    /// and before the tracker's redacted name and the announce URI stopped being rebuilt piece by piece for each
    /// announce. The bound fails on a regression of about 5 KB per announce.
    /// </summary>
    [Collection(AllocationCollection.Name)]
    public sealed class HttpAnnounceAllocationTests
    {
        private const int Announces = 300;

        private const int MaxBytesPerAnnounce = 36_000;

        [Fact]
        public async Task OneAnnounce_AllocatesAtMostTheBound()
        {
            byte[] body = BencodeBuilder.Body(("interval", 1800), ("peers", new byte[] { 127, 0, 0, 1, 0x1A, 0xE1 }));
            using var server = new FakeHttpTracker(new FakeHttpResponse { Body = body });
            using HttpTrackerClient client = HttpTrackerClientTests.Client();
            AnnounceRequest request = HttpAnnounceUriTests.Request(server.Url("/announce").AbsoluteUri);

            await client.AnnounceAsync(request, CancellationToken.None);
            long before = GC.GetTotalAllocatedBytes(precise: true);
            for (int i = 0; i < Announces; i++)
            {
                await client.AnnounceAsync(request, CancellationToken.None);
            }

            long perAnnounce = (GC.GetTotalAllocatedBytes(precise: true) - before) / Announces;

            Assert.True(perAnnounce <= MaxBytesPerAnnounce, $"one HTTP announce allocated {perAnnounce} bytes, more than {MaxBytesPerAnnounce}");
        }
    }
}
