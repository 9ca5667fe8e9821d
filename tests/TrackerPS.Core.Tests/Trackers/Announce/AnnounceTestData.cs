using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using TrackerPS.Core.Metainfo;
using TrackerPS.Core.Trackers;

namespace TrackerPS.Core.Tests.Trackers.Announce
{
    internal static class AnnounceTestData
    {
        public static readonly InfoHash V1 = new InfoHash(SHA1.HashData(Encoding.ASCII.GetBytes("v1")));

        public static readonly InfoHash V2 = new InfoHash(SHA256.HashData(Encoding.ASCII.GetBytes("v2")));

        public static TrackerClientFactory FactoryFor(ITrackerClient client) => new TrackerClientFactory(_ => client, _ => client);

        public static TorrentAnnouncer Announcer(
            ITrackerClient client, TrackerSession? session = null, TimeSpan? timeout = null, int throttle = TorrentAnnouncer.DefaultThrottleLimit) =>
            new TorrentAnnouncer(FactoryFor(client), session ?? new TrackerSession(), new TrackerClientOptions { Timeout = timeout ?? TimeSpan.FromMinutes(1) }, throttle);

        public static IReadOnlyList<IReadOnlyList<Uri>> SingleTrackerTiers(int count) =>
            TorrentAnnouncer.OneTierEach(Enumerable.Range(0, count).Select(i => new Uri($"http://127.0.0.1:{7000 + i}/announce")));

        public static AnnounceTarget V1Target => new AnnounceTarget(new[] { V1 });
    }
}
