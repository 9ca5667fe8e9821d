using System;
using System.Collections.Generic;
using System.Linq;
using TrackerPS.Core.Metainfo;
using TrackerPS.Core.Trackers;
using Xunit;
using static TrackerPS.Core.Tests.Trackers.Announce.AnnounceTestData;

namespace TrackerPS.Core.Tests.Trackers.Announce
{
    public sealed class AnnounceRunTests
    {
        private static readonly Uri s_a = new Uri("http://a.example/announce");
        private static readonly Uri s_b = new Uri("udp://b.example:6969/announce");
        private static readonly Uri s_c = new Uri("http://c.example/announce");

        // Tiers [a, b], [c, a]: a is listed twice and asked about once.
        private static readonly IReadOnlyList<IReadOnlyList<Uri>> s_tiers = new IReadOnlyList<Uri>[] { new[] { s_a, s_b }, new[] { s_c, s_a } };

        private static AnnounceTarget Hybrid => new AnnounceTarget(new[] { V1, V2 });

        [Fact]
        public void AsksOncePerTrackerAndInfoHash_InTierOrder()
        {
            var asked = new List<(Uri, InfoHash)>();

            AnnounceRun.Approved(Hybrid, s_tiers, (tracker, hash) =>
            {
                asked.Add((tracker, hash));
                return true;
            });

            Assert.Equal(
                new[] { (s_a, V1), (s_a, V2.Truncated), (s_b, V1), (s_b, V2.Truncated), (s_c, V1), (s_c, V2.Truncated) },
                asked);
        }

        [Fact]
        public void AllApproved_IsTheInputUnchanged()
        {
            AnnounceTarget target = Hybrid;

            AnnounceRun run = Assert.Single(AnnounceRun.Approved(target, s_tiers, (_, _) => true));

            Assert.Same(target, run.Target);
            Assert.Same(s_tiers, run.Tiers);
        }

        [Fact]
        public void NoneApproved_IsNoRun()
        {
            Assert.Empty(AnnounceRun.Approved(Hybrid, s_tiers, (_, _) => false));
        }

        [Fact]
        public void SomeDeclined_SplitsPerInfoHashKeepingOnlyApprovedTrackers()
        {
            // V1 goes everywhere but b; the truncated v2 hash only to c.
            IReadOnlyList<AnnounceRun> runs = AnnounceRun.Approved(Hybrid, s_tiers, (tracker, hash) => hash == V1 ? tracker != s_b : tracker == s_c);

            Assert.Equal(2, runs.Count);
            Assert.Equal(new[] { V1 }, runs[0].Target.InfoHashes);
            Assert.Equal(new[] { new[] { s_a }, new[] { s_c, s_a } }, runs[0].Tiers.Select(t => t.ToArray()));
            Assert.Equal(new[] { V2.Truncated }, runs[1].Target.InfoHashes);
            Assert.Equal(new[] { new[] { s_c } }, runs[1].Tiers.Select(t => t.ToArray()));
        }
    }
}
