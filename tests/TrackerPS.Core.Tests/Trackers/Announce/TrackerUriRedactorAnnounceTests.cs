using System;
using TrackerPS.Core.Trackers;
using Xunit;

namespace TrackerPS.Core.Tests.Trackers.Announce
{
    public sealed class TrackerUriRedactorAnnounceTests
    {
        [Theory]
        [InlineData("http://t.example/announce?passkey=abc", "http://t.example/announce?passkey=…")]
        [InlineData("https://t.example:8443/announce?uid=5&passkey=abc&x=", "https://t.example:8443/announce?uid=…&passkey=…&x=…")]
        [InlineData("https://t.example/0123456789abcdefABCD/announce", "https://t.example/…/announce")]
        [InlineData("http://t.example/announce.php?0123456789abcdef", "http://t.example/announce.php?…")]
        [InlineData("http://user:secret@t.example/announce", "http://…@t.example/announce")]
        [InlineData("udp://tracker.example:6969/announce", "udp://tracker.example:6969/announce")]
        [InlineData("http://[::1]:6969/announce", "http://[::1]:6969/announce")]
        public void SecretsAreElided(string tracker, string expected)
        {
            Assert.Equal(expected, TrackerUriRedactor.Redact(new Uri(tracker)));
        }

        [Theory]
        [InlineData("http://t.example/0123456789abcde/announce")]
        [InlineData("http://t.example/very-long-but-hyphenated-name/announce")]
        [InlineData("http://t.example/announce?flag")]
        public void OrdinaryPartsStay(string tracker)
        {
            Assert.Equal(tracker, TrackerUriRedactor.Redact(new Uri(tracker)));
        }

        [Fact]
        public void RelativeUriIsRedactedToo()
        {
            Assert.Equal("announce/…?key=…", TrackerUriRedactor.Redact(new Uri("announce/0123456789abcdef0123?key=v", UriKind.Relative)));
        }
    }
}
