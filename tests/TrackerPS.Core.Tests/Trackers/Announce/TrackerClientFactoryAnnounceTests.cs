using System;
using TrackerPS.Core.Trackers;
using Xunit;

namespace TrackerPS.Core.Tests.Trackers.Announce
{
    public sealed class TrackerClientFactoryAnnounceTests
    {
        private static readonly Func<TrackerClientOptions, ITrackerClient> s_http = _ => FakeTrackerClient.AnsweringOnePeer();
        private static readonly Func<TrackerClientOptions, ITrackerClient> s_udp = _ => FakeTrackerClient.AnsweringOnePeer();

        [Theory]
        [InlineData("http://t.example/announce", "http")]
        [InlineData("HTTPS://t.example/announce", "http")]
        [InlineData("udp://t.example:6969/announce", "udp")]
        public void SchemeChoosesTheClient(string tracker, string expected)
        {
            var factory = new TrackerClientFactory(s_http, s_udp);

            Assert.Same(expected == "http" ? s_http : s_udp, factory.Resolve(new Uri(tracker)));
        }

        [Theory]
        [InlineData("wss://t.example/announce")]
        [InlineData("ftp://t.example/announce")]
        [InlineData("announce")]
        public void OtherSchemesAndRelativeUrisAreUnsupported(string tracker)
        {
            var factory = new TrackerClientFactory(s_http, s_udp);
            var uri = new Uri(tracker, UriKind.RelativeOrAbsolute);

            TrackerException error = Assert.Throws<TrackerException>(() => factory.Resolve(uri));

            Assert.Equal(TrackerErrorKind.UnsupportedScheme, error.Kind);
            Assert.Same(uri, error.Tracker);
            Assert.Contains(tracker, error.Message);
        }
    }
}
