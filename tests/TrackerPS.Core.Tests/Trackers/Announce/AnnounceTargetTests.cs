using System;
using TrackerPS.Core.Metainfo;
using TrackerPS.Core.Trackers;
using Xunit;
using static TrackerPS.Core.Tests.Trackers.Announce.AnnounceTestData;

namespace TrackerPS.Core.Tests.Trackers.Announce
{
    public sealed class AnnounceTargetTests
    {
        [Fact]
        public void HybridTargetHasTheV1HashAndTheTruncatedV2Hash()
        {
            var target = new AnnounceTarget(new[] { V1, V2 });

            Assert.Equal(new[] { V1, V2.Truncated }, target.InfoHashes);
        }

        [Fact]
        public void V2OnlyTargetHasTheTruncatedHash()
        {
            var target = new AnnounceTarget(new InfoHash?[] { null, V2 });

            InfoHash only = Assert.Single(target.InfoHashes);
            Assert.Equal(V2.Truncated, only);
        }

        [Fact]
        public void TruncatedV2GivenTwiceIsAnnouncedOnce()
        {
            // Get-TorrentInfo gives a v2-only torrent InfoHash = truncated v2 and InfoHashV2 = the full hash.
            var target = new AnnounceTarget(new[] { V2.Truncated, V2 });

            Assert.Single(target.InfoHashes);
        }

        [Fact]
        public void NoHashIsRefused()
        {
            Assert.Throws<ArgumentException>(() => new AnnounceTarget(new InfoHash?[] { null }));
        }
    }
}
