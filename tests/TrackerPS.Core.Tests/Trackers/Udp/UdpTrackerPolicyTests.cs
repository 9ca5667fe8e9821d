using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using TrackerPS.Core.Network;
using TrackerPS.Core.Tests.Fakes;
using TrackerPS.Core.Tests.Network;
using TrackerPS.Core.Trackers;
using TrackerPS.Core.Trackers.Udp;
using Xunit;

namespace TrackerPS.Core.Tests.Trackers.Udp
{
    /// <summary>The network policy as the UDP client applies it: the address rules of HTTP, no loopback path rule.</summary>
    public sealed class UdpTrackerPolicyTests
    {
        [Theory]
        [InlineData("/announce")]
        [InlineData("/")]
        [InlineData("/any/path?passkey=abc")]
        public async Task LoopbackTracker_IsAnnouncedTo_WhateverItsPath(string path)
        {
            using var tracker = new FakeUdpTracker();
            using var client = Client(NetworkPolicy.Default);

            await client.AnnounceAsync(UdpTestRequests.Announce(new Uri(tracker.Uri, path)), CancellationToken.None);

            Assert.Equal(1, tracker.AnnounceCount);
        }

        [Theory]
        [InlineData("udp://169.254.169.254:6969/announce", "169.254.169.254 (169.254.169.254, cloud metadata service)")]
        [InlineData("udp://[fe80::1]:6969/announce", "fe80::1 (fe80::/10, link-local)")]
        [InlineData("udp://192.168.1.1:6969/announce", "192.168.1.1 (192.168.0.0/16, private)")]
        [InlineData("udp://metadata.test:6969/announce", "fd00:ec2::254 (fd00:ec2::254, cloud metadata service)")]
        public async Task LocalNetworkTracker_IsRefusedForAnnounceAndScrape(string uri, string where)
        {
            var hosts = new Dictionary<string, string[]> { ["metadata.test"] = new[] { "fd00:ec2::254" } };
            using var client = Client(TestPolicies.WithHosts(hosts));
            Uri tracker = new Uri(uri);

            TrackerException announce = await Assert.ThrowsAsync<TrackerException>(
                () => client.AnnounceAsync(UdpTestRequests.Announce(tracker), CancellationToken.None));
            TrackerException scrape = await Assert.ThrowsAsync<TrackerException>(
                () => client.ScrapeAsync(new ScrapeRequest { Tracker = tracker, InfoHashes = new[] { UdpTestRequests.InfoHash } }, CancellationToken.None));

            foreach (TrackerException error in new[] { announce, scrape })
            {
                Assert.Equal(TrackerErrorKind.RefusedByPolicy, error.Kind);
                Assert.Equal(NetworkPolicyRule.LocalNetwork, error.PolicyRule);
                Assert.Contains(where, error.Message);
            }
        }

        [Fact]
        public async Task LongErrorMessage_IsQuotedShort_AndKeptWhole()
        {
            string message = new string('e', 5000);
            using var tracker = new FakeUdpTracker { ErrorMessage = message };
            using var client = Client(NetworkPolicy.Default);

            TrackerException error = await Assert.ThrowsAsync<TrackerException>(
                () => client.AnnounceAsync(UdpTestRequests.Announce(tracker.Uri), CancellationToken.None));

            Assert.Equal(message, error.FailureReason);
            Assert.EndsWith(": " + new string('e', 199) + "…", error.Message, StringComparison.Ordinal);
        }

        private static UdpTrackerClient Client(NetworkPolicy policy) =>
            new UdpTrackerClient(new TrackerClientOptions { Timeout = UdpTestRequests.Options.Timeout, NetworkPolicy = policy });
    }
}
