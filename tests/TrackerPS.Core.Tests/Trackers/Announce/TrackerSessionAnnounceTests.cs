using System;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using TrackerPS.Core.Trackers;
using Xunit;
using static TrackerPS.Core.Tests.Trackers.Announce.AnnounceTestData;

namespace TrackerPS.Core.Tests.Trackers.Announce
{
    public sealed class TrackerSessionAnnounceTests
    {
        [Fact]
        public void PeerIdIsAzureusStyleTrackerPSWithTwelveRandomBytes()
        {
            byte[] peerId = new TrackerSession().PeerId;

            Assert.Equal(20, peerId.Length);
            Assert.Matches(new Regex("^-TP[0-9A-Z]{4}-$"), Encoding.ASCII.GetString(peerId, 0, 8));
        }

        [Fact]
        public void PeerIdVersionComesFromTheAssembly()
        {
            Version version = typeof(TrackerSession).Assembly.GetName().Version!;

            string prefix = Encoding.ASCII.GetString(new TrackerSession().PeerId, 0, 8);

            Assert.Equal($"-TP{version.Major}{version.Minor}{version.Build}{version.Revision}-", prefix);
        }

        [Fact]
        public void PeerIdIsTheSameAcrossCallsAndDiffersBetweenSessions()
        {
            var session = new TrackerSession();
            byte[] first = session.PeerId;
            first[19] ^= 0xFF;

            Assert.Equal(session.PeerId, session.PeerId);
            Assert.NotEqual(first, session.PeerId);
            Assert.NotEqual(session.PeerId.Skip(8), new TrackerSession().PeerId.Skip(8));
        }

        [Fact]
        public void DefaultSessionIsOnePerProcess()
        {
            Assert.Same(TrackerSession.Default, TrackerSession.Default);
            Assert.Equal(TrackerSession.Default.PeerId, TrackerSession.Default.PeerId);
        }

        [Fact]
        public void KeyIsStablePerInfoHashAndDrawnPerInfoHash()
        {
            var session = new TrackerSession();

            uint v1Key = session.GetKey(V1);

            Assert.Equal(v1Key, session.GetKey(V1));
            Assert.Equal(v1Key, session.GetKey(new TrackerPS.Core.Metainfo.InfoHash(V1.ToArray())));
            Assert.NotEqual(v1Key, session.GetKey(V2.Truncated));
        }

        [Fact]
        public void TrackerIdIsRememberedPerTracker()
        {
            var session = new TrackerSession();
            var a = new Uri("http://a.example/announce");
            var b = new Uri("http://b.example/announce");

            session.SetTrackerId(a, "one");
            session.SetTrackerId(a, "two");

            Assert.Equal("two", session.GetTrackerId(a));
            Assert.Null(session.GetTrackerId(b));
        }
    }
}
