using System;
using TrackerPS.Core.Network;
using TrackerPS.Core.Trackers;
using TrackerPS.Core.Trackers.Http;
using TrackerPS.Core.Tests.Trackers.Http;
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
        [InlineData("http://user@t.example/announce", "http://…@t.example/announce")]
        [InlineData("udp://tracker.example:6969/announce", "udp://tracker.example:6969/announce")]
        [InlineData("http://[::1]:6969/announce", "http://[::1]:6969/announce")]
        [InlineData("http://t.example/0123456789abcdef0123456789abcdef/announce", "http://t.example/…/announce")]
        [InlineData("http://t.example/announce/0123456789abcdef0123456789abcdef", "http://t.example/announce/…")]
        [InlineData("udp://t.example:6969/0123456789abcdef0123456789abcdef/announce", "udp://t.example:6969/…/announce")]
        [InlineData("http://t.example/tracker/Zm9vYmFy-YmF6_cXV4/announce", "http://t.example/tracker/…/announce")]
        [InlineData("http://t.example/x9Y-k2Lm_q7Rt-w3Zp/announce", "http://t.example/…/announce")]
        [InlineData("http://t.example/announce/dXNlcjpwYXNzd29yZA", "http://t.example/announce/…")]
        [InlineData("http://t.example/ann?passkey=0123456789abcdef&uid=42&torrent_pass=Zm9v_YmFy-YmF6", "http://t.example/ann?passkey=…&uid=…&torrent_pass=…")]
        [InlineData("http://u:p@t.example:81/0123456789abcdef/announce?pk=1", "http://…@t.example:81/…/announce?pk=…")]
        [InlineData("http://t.example/0123456789abcdef0123.php", "http://t.example/….php")]
        [InlineData("ftp://t.example/announce?passkey=0123456789abcdef0123", "ftp://t.example/announce%3Fpasskey=…")]
        public void SecretsAreElided(string tracker, string expected)
        {
            Assert.Equal(expected, TrackerUriRedactor.Redact(new Uri(tracker)));
        }

        [Fact]
        public void AUriIsRedactedOnce()
        {
            var tracker = new Uri("https://t.example/0123456789abcdefABCD/announce?passkey=abc");

            string first = TrackerUriRedactor.Redact(tracker);

            Assert.Same(first, TrackerUriRedactor.Redact(tracker));
            Assert.Equal(first, TrackerUriRedactor.Redact(new Uri(tracker.OriginalString)));
        }

        [Theory]
        [InlineData("http://t.example/0123456789abcde/announce")]
        [InlineData("http://t.example/very-long-but-hyphenated-name/announce")]
        [InlineData("http://t.example/Open_Tracker-Announce/announce")]
        [InlineData("http://t.example/announce?flag")]
        [InlineData("http://t.example/announce?very-long-flag-name")]
        [InlineData("http://t.example/abc/def/announce.php")]
        [InlineData("http://t.example/announce")]
        public void OrdinaryPartsStay(string tracker)
        {
            Assert.Equal(tracker, TrackerUriRedactor.Redact(new Uri(tracker)));
        }

        [Fact]
        public void RelativeUriIsRedactedToo()
        {
            Assert.Equal("announce/…?key=…", TrackerUriRedactor.Redact(new Uri("announce/0123456789abcdef0123?key=v", UriKind.Relative)));
        }

        [Fact]
        public void FullAnnounceRequestUriShowsNoInfoHashNorPasskey()
        {
            // The URI an HTTP announce actually requests: the tracker's own query plus info_hash, peer_id, key and the rest.
            Uri requested = HttpAnnounceUri.Build(HttpAnnounceUriTests.Request("http://t.example/0123456789abcdef0123456789abcdef/announce?passkey=s3cr3t"));

            string shown = TrackerUriRedactor.Redact(requested);

            Assert.StartsWith("http://t.example/…/announce?passkey=…&info_hash=…&peer_id=…&port=…", shown, StringComparison.Ordinal);
            Assert.DoesNotContain("s3cr3t", shown, StringComparison.Ordinal);
            Assert.DoesNotContain("0123456789abcdef", shown, StringComparison.Ordinal);
            Assert.DoesNotContain("%", shown, StringComparison.Ordinal);
        }
    }
}
