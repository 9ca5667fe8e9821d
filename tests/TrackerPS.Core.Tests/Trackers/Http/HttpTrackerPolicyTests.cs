using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TrackerPS.Core.Metainfo;
using TrackerPS.Core.Network;
using TrackerPS.Core.Tests.Fakes;
using TrackerPS.Core.Tests.Network;
using TrackerPS.Core.Trackers;
using TrackerPS.Core.Trackers.Http;
using Xunit;
using static TrackerPS.Core.Tests.Trackers.Http.BencodeBuilder;

namespace TrackerPS.Core.Tests.Trackers.Http
{
    /// <summary>
    /// The network policy as the HTTP client applies it, over real sockets to <see cref="FakeHttpTracker"/> on 127.0.0.1:
    /// refusals happen before anything is sent, every redirect hop is resolved and checked, and plain http connects to
    /// the address that was checked. Names resolve through an injected resolver; a classifier that takes 127.0.0.1 for a
    /// global address stands the fake in for a tracker on the internet where a test needs one.
    /// </summary>
    public sealed class HttpTrackerPolicyTests
    {
        private static readonly byte[] s_okBody = Body(("interval", 1800), ("peers", new byte[0]));

        [Fact]
        public async Task LoopbackTracker_AtAnnounce_IsAnnouncedTo()
        {
            using var server = new FakeHttpTracker(new FakeHttpResponse { Body = s_okBody });

            await Announce(NetworkPolicy.Default, server.Url("/announce?passkey=abc"));

            Assert.Single(server.Requests);
        }

        [Theory]
        [InlineData("/")]
        [InlineData("/admin/delete?id=1")]
        [InlineData("/announce.php")]
        public async Task LoopbackTracker_WithAnotherPath_IsRefusedBeforeAnythingIsSent(string path)
        {
            using var server = new FakeHttpTracker(new FakeHttpResponse { Body = s_okBody });

            TrackerException error = await AnnounceFails(NetworkPolicy.Default, server.Url(path));

            Assert.Equal(TrackerErrorKind.RefusedByPolicy, error.Kind);
            Assert.Equal(NetworkPolicyRule.LoopbackPath, error.PolicyRule);
            Assert.Contains("(rule LoopbackPath)", error.Message);
            Assert.Equal(server.Url(path), error.Tracker);
            Assert.Empty(server.Requests);
        }

        [Fact]
        public async Task LoopbackScrape_NeedsTheScrapePathDerivedFromAnnounce()
        {
            using var server = new FakeHttpTracker(FakeHttpResponse.Bencoded(Dict(("files", Dict(Array.Empty<(string, object)>())))));
            using var client = Client(NetworkPolicy.Default);

            await client.ScrapeAsync(ScrapeRequest(server.Url("/announce")), CancellationToken.None);
            TrackerException error = await Assert.ThrowsAsync<TrackerException>(
                () => client.ScrapeAsync(ScrapeRequest(server.Url("/x/announce.php")), CancellationToken.None));

            Assert.Equal(NetworkPolicyRule.LoopbackPath, error.PolicyRule);
            Assert.Contains("ends in /scrape", error.Message);
            Assert.Equal(new[] { "/scrape" }, server.Requests.Select(r => r.Path));
        }

        [Theory]
        [InlineData("?info_hash=%01%02", "info_hash")]
        [InlineData("?passkey=abc&Peer_Id=x", "peer_id")]
        [InlineData("?event=stopped", "event")]
        public async Task TrackerQuery_WithAReservedParameter_IsRefusedForAnnounceAndScrape(string query, string name)
        {
            using var server = new FakeHttpTracker(new FakeHttpResponse { Body = s_okBody });
            using var client = Client(NetworkPolicy.Default);
            Uri tracker = server.Url("/announce" + query);

            TrackerException announce = await AnnounceFails(NetworkPolicy.Default, tracker);
            TrackerException scrape = await Assert.ThrowsAsync<TrackerException>(() => client.ScrapeAsync(ScrapeRequest(tracker), CancellationToken.None));

            foreach (TrackerException error in new[] { announce, scrape })
            {
                Assert.Equal(NetworkPolicyRule.ReservedQueryParameter, error.PolicyRule);
                Assert.Contains($"'{name}'", error.Message);
                Assert.DoesNotContain("abc", error.Message);
            }

            Assert.Empty(server.Requests);
        }

        [Theory]
        [InlineData("169.254.169.254", "169.254.169.254, cloud metadata service")]
        [InlineData("fd00:ec2::254", "fd00:ec2::254, cloud metadata service")]
        [InlineData("10.0.0.7", "10.0.0.0/8, private")]
        public async Task NameResolvingToTheLocalNetwork_IsRefused(string address, string range)
        {
            // (AllowLocalNetwork lifting it is tested in NetworkPolicyTests: tests send traffic only to loopback.)
            var hosts = new Dictionary<string, string[]> { ["inside.test"] = new[] { address } };

            TrackerException error = await AnnounceFails(TestPolicies.WithHosts(hosts), new Uri("http://inside.test:6969/announce"));

            Assert.Equal(NetworkPolicyRule.LocalNetwork, error.PolicyRule);
            Assert.Contains($"{address} ({range})", error.Message);
        }

        [Fact]
        public async Task NameWithOneForbiddenAddressAmongGlobalOnes_IsRefused()
        {
            using var server = new FakeHttpTracker(new FakeHttpResponse { Body = s_okBody });
            var hosts = new Dictionary<string, string[]> { ["mixed.test"] = new[] { "127.0.0.1", "192.168.1.1" } };

            TrackerException error = await AnnounceFails(TestPolicies.WithHosts(hosts, loopbackAsGlobal: true), new Uri($"http://mixed.test:{server.Port}/x"));

            Assert.Equal(NetworkPolicyRule.LocalNetwork, error.PolicyRule);
            Assert.Empty(server.Requests);
        }

        [Fact]
        public async Task PlainHttp_ConnectsToTheCheckedAddress_WithTheNameInTheHostHeader()
        {
            // tracker.test exists only in the injected resolver: the request can reach the fake only through the address
            // the policy checked, never through a second lookup of its own.
            using var server = new FakeHttpTracker(new FakeHttpResponse { Body = s_okBody });
            var hosts = new Dictionary<string, string[]> { ["tracker.test"] = new[] { "127.0.0.1" } };

            await Announce(TestPolicies.WithHosts(hosts), new Uri($"http://tracker.test:{server.Port}/announce?passkey=abc"));

            FakeHttpRequest request = Assert.Single(server.Requests);
            Assert.Equal($"tracker.test:{server.Port}", request.Headers["host"]);
            Assert.StartsWith("GET /announce?passkey=abc&info_hash=", request.RequestLine, StringComparison.Ordinal);
        }

        [Fact]
        public async Task InternationalisedName_IsResolvedAndSentInPunycode()
        {
            using var server = new FakeHttpTracker(new FakeHttpResponse { Body = s_okBody });
            var hosts = new Dictionary<string, string[]> { ["tracker.xn--bcher-kva.test"] = new[] { "127.0.0.1" } };

            await Announce(TestPolicies.WithHosts(hosts), new Uri($"http://tracker.b\u00FCcher.test:{server.Port}/announce"));

            Assert.Equal($"tracker.xn--bcher-kva.test:{server.Port}", Assert.Single(server.Requests).Headers["host"]);
        }

        [Fact]
        public async Task NameLongerThanDnsAllows_IsAConnectionFailure()
        {
            string host = string.Join(".", Enumerable.Repeat(new string('a', 60), 5)) + ".test";

            TrackerException error = await AnnounceFails(NetworkPolicy.Default, new Uri($"http://{host}/announce"));

            Assert.Equal(TrackerErrorKind.ConnectionFailed, error.Kind);
            Assert.Contains("cannot resolve", error.Message);
        }

        [Fact]
        public async Task NameThatDoesNotResolve_IsAConnectionFailure()
        {
            TrackerException error = await AnnounceFails(
                TestPolicies.WithHosts(new Dictionary<string, string[]>()), new Uri("http://nowhere.test/announce"));

            Assert.Equal(TrackerErrorKind.ConnectionFailed, error.Kind);
            Assert.Contains("cannot resolve 'nowhere.test'", error.Message);
        }

        [Theory]
        [InlineData("http://[::1]:1/announce", "::1 (::1, loopback)")]
        [InlineData("http://intranet.test/announce", "10.1.1.1 (10.0.0.0/8, private)")]
        [InlineData("http://metadata.test/latest/meta-data/", "169.254.169.254 (169.254.169.254, cloud metadata service)")]
        public async Task RedirectFromAGlobalTracker_IntoTheLocalNetwork_IsRefused_EvenWithAllowLocalNetwork(string location, string where)
        {
            using var server = new FakeHttpTracker(request => FakeHttpResponse.Redirect(location));
            var hosts = new Dictionary<string, string[]>
            {
                ["tracker.test"] = new[] { "127.0.0.1" },
                ["intranet.test"] = new[] { "10.1.1.1" },
                ["metadata.test"] = new[] { "169.254.169.254" },
            };

            TrackerException error = await AnnounceFails(
                TestPolicies.WithHosts(hosts, allowLocalNetwork: true, loopbackAsGlobal: true), new Uri($"http://tracker.test:{server.Port}/announce"));

            Assert.Equal(NetworkPolicyRule.RedirectToLocal, error.PolicyRule);
            Assert.Contains(where, error.Message);
            Assert.Single(server.Requests);
        }

        [Fact]
        public async Task RedirectFromLoopback_ToAnotherLoopbackPath_IsRefused()
        {
            using var server = new FakeHttpTracker(request => request.Path == "/announce"
                ? FakeHttpResponse.Redirect("/admin")
                : new FakeHttpResponse { Body = s_okBody });

            TrackerException error = await AnnounceFails(NetworkPolicy.Default, server.Url("/announce"));

            Assert.Equal(NetworkPolicyRule.LoopbackPath, error.PolicyRule);
            Assert.Equal(new[] { "/announce" }, server.Requests.Select(r => r.Path));
        }

        [Fact]
        public async Task RedirectFromLoopback_ToALinkLocalName_IsRefusedBeforeConnecting()
        {
            using var server = new FakeHttpTracker(FakeHttpResponse.Redirect("http://metadata.test/announce"));
            var hosts = new Dictionary<string, string[]> { ["metadata.test"] = new[] { "169.254.169.254" } };

            TrackerException error = await AnnounceFails(TestPolicies.WithHosts(hosts), server.Url("/announce"));

            Assert.Equal(NetworkPolicyRule.LocalNetwork, error.PolicyRule);
        }

        private static HttpTrackerClient Client(NetworkPolicy policy) => new HttpTrackerClient(new TrackerClientOptions
        {
            Timeout = TimeSpan.FromSeconds(2),
            NetworkPolicy = policy,
        });

        private static async Task Announce(NetworkPolicy policy, Uri tracker)
        {
            using HttpTrackerClient client = Client(policy);
            await client.AnnounceAsync(HttpAnnounceUriTests.Request(tracker.AbsoluteUri), CancellationToken.None);
        }

        private static async Task<TrackerException> AnnounceFails(NetworkPolicy policy, Uri tracker)
        {
            using HttpTrackerClient client = Client(policy);
            return await Assert.ThrowsAsync<TrackerException>(() => client.AnnounceAsync(HttpAnnounceUriTests.Request(tracker.AbsoluteUri), CancellationToken.None));
        }

        private static ScrapeRequest ScrapeRequest(Uri tracker) => new ScrapeRequest
        {
            Tracker = tracker,
            InfoHashes = new[] { InfoHash.Parse("0102030405060708090a0b0c0d0e0f1011121314") },
        };
    }
}
