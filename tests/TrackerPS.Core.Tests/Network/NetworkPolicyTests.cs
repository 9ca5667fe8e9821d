using System;
using System.Linq;
using System.Net;
using TrackerPS.Core.Network;
using Xunit;

namespace TrackerPS.Core.Tests.Network
{
    /// <summary>The rules of <see cref="NetworkPolicy"/> as pure functions over paths and resolved addresses.</summary>
    public sealed class NetworkPolicyTests
    {
        private static readonly NetworkPolicy s_default = NetworkPolicy.Default;
        private static readonly NetworkPolicy s_allowLocal = new NetworkPolicy { AllowLocalNetwork = true };

        [Theory]
        [InlineData("/announce", "/announce")]
        [InlineData("/tracker/announce", "/announce")]
        [InlineData("/scrape", "/scrape")]
        [InlineData("/x/scrape", "/scrape")]
        public void Loopback_IsAllowedWithATrackerPath(string path, string suffix)
        {
            Assert.Null(Check(s_default, path, suffix, null, "127.0.0.1", "::1"));
        }

        [Theory]
        [InlineData("/", "/announce")]
        [InlineData("/admin/delete", "/announce")]
        [InlineData("/announce.php", "/announce")]
        [InlineData("/announce/", "/announce")]
        [InlineData("/Announce", "/announce")]
        [InlineData("/xannounce", "/announce")]
        [InlineData("/announce", "/scrape")]
        [InlineData("/scrape.php", "/scrape")]
        public void Loopback_IsRefusedWithAnyOtherPath(string path, string suffix)
        {
            foreach (string address in new[] { "127.0.0.1", "127.8.9.10", "::1", "0.0.0.0", "::ffff:127.0.0.1" })
            {
                NetworkRefusal? refusal = Check(s_default, path, suffix, null, address);

                Assert.Equal(NetworkPolicyRule.LoopbackPath, refusal?.Rule);
                Assert.Contains($"ends in {suffix}", refusal!.Reason);
            }
        }

        [Fact]
        public void Loopback_PathRuleIsNotLiftedByAllowLocalNetwork()
        {
            Assert.Equal(NetworkPolicyRule.LoopbackPath, Check(s_allowLocal, "/admin", "/announce", null, "127.0.0.1")?.Rule);
        }

        [Fact]
        public void Loopback_WithoutAPathRule_IsAllowed()
        {
            // UDP: no path rule (BEP 41 URL data is sent only to a service that answered a BEP 15 connect).
            Assert.Null(Check(s_default, "/anything", null, null, "127.0.0.1"));
        }

        [Theory]
        [InlineData("169.254.169.254", "169.254.169.254, cloud metadata service")]
        [InlineData("fd00:ec2::254", "fd00:ec2::254, cloud metadata service")]
        [InlineData("169.254.1.1", "169.254.0.0/16, link-local")]
        [InlineData("fe80::1", "fe80::/10, link-local")]
        [InlineData("10.0.0.1", "10.0.0.0/8, private")]
        [InlineData("172.20.1.1", "172.16.0.0/12, private")]
        [InlineData("192.168.0.10", "192.168.0.0/16, private")]
        [InlineData("fd12:3456::1", "fc00::/7, unique local")]
        public void LocalNetwork_IsRefusedByDefault_AndAllowedWithAllowLocalNetwork(string address, string range)
        {
            NetworkRefusal? refusal = Check(s_default, "/announce", "/announce", null, address);

            Assert.Equal(NetworkPolicyRule.LocalNetwork, refusal?.Rule);
            Assert.Contains($"{address} ({range})", refusal!.Reason);
            Assert.Contains("-AllowLocalNetwork", refusal.Reason);
            Assert.Null(Check(s_allowLocal, "/announce", "/announce", null, address));
        }

        [Fact]
        public void Global_IsAllowedWithAnyPath()
        {
            Assert.Null(Check(s_default, "/x.php", "/announce", null, "1.1.1.1", "2001:4860:4860::8888"));
        }

        [Fact]
        public void EveryAddressIsChecked_NotJustTheFirst()
        {
            NetworkRefusal? refusal = Check(s_default, "/x", "/announce", null, "1.1.1.1", "10.0.0.1");

            Assert.Equal(NetworkPolicyRule.LocalNetwork, refusal?.Rule);
            Assert.Contains("10.0.0.1", refusal!.Reason);
            Assert.Equal(NetworkPolicyRule.LoopbackPath, Check(s_default, "/x", "/announce", null, "1.1.1.1", "127.0.0.1")?.Rule);
        }

        [Theory]
        [InlineData("127.0.0.1", "/announce")]
        [InlineData("10.0.0.1", "/announce")]
        [InlineData("169.254.169.254", "/latest/meta-data/")]
        [InlineData("fe80::1", "/announce")]
        [InlineData("::1", "/announce")]
        public void RedirectFromGlobal_IntoTheLocalNetwork_IsNeverFollowed(string address, string path)
        {
            foreach (NetworkPolicy policy in new[] { s_default, s_allowLocal })
            {
                NetworkRefusal? refusal = Check(policy, path, "/announce", AddressScope.Global, address);

                Assert.Equal(NetworkPolicyRule.RedirectToLocal, refusal?.Rule);
                Assert.Contains(address, refusal!.Reason);
            }
        }

        [Fact]
        public void RedirectsThatStayOnTheirSide_FollowTheOrdinaryRules()
        {
            Assert.Null(Check(s_default, "/x", "/announce", AddressScope.Global, "1.1.1.1"));
            Assert.Null(Check(s_default, "/announce", "/announce", AddressScope.Loopback, "127.0.0.1"));
            Assert.Equal(NetworkPolicyRule.LoopbackPath, Check(s_default, "/x", "/announce", AddressScope.Loopback, "127.0.0.1")?.Rule);
            Assert.Null(Check(s_allowLocal, "/x", "/announce", AddressScope.Private, "10.0.0.2"));
            Assert.Null(Check(s_allowLocal, "/x", "/announce", AddressScope.Private, "1.1.1.1"));
        }

        [Fact]
        public void ScopeOf_IsGlobalWhenAnyAddressIs()
        {
            Assert.Equal(AddressScope.Global, s_default.ScopeOf(Addresses("10.0.0.1", "1.1.1.1")));
            Assert.Equal(AddressScope.Private, s_default.ScopeOf(Addresses("10.0.0.1", "127.0.0.1")));
            Assert.Equal(AddressScope.Loopback, s_default.ScopeOf(Addresses("::1")));
        }

        [Fact]
        public void InjectedClassifier_DecidesTheScope()
        {
            Assert.Null(Check(TestPolicies.LoopbackAsGlobal, "/x", "/announce", null, "127.0.0.1"));
            Assert.Equal(NetworkPolicyRule.LoopbackPath, Check(TestPolicies.LoopbackAsGlobal, "/x", "/announce", null, "::1")?.Rule);
        }

        [Theory]
        [InlineData("info_hash")]
        [InlineData("peer_id")]
        [InlineData("port")]
        [InlineData("left")]
        [InlineData("event")]
        [InlineData("key")]
        [InlineData("uploaded")]
        [InlineData("downloaded")]
        public void TrackerQuery_WithAReservedParameter_IsRefused(string name)
        {
            foreach (string query in new[] { $"?{name}=x", $"?passkey=a&{name}=x", $"?{name.ToUpperInvariant()}=x", $"?{name}", $"?{Uri.EscapeDataString(name).Replace("_", "%5F")}=x" })
            {
                NetworkRefusal? refusal = NetworkPolicy.CheckTrackerQuery(new Uri("http://t.example/announce" + query));

                Assert.Equal(NetworkPolicyRule.ReservedQueryParameter, refusal?.Rule);
                Assert.Contains($"'{name}'", refusal!.Reason);
            }
        }

        [Theory]
        [InlineData("")]
        [InlineData("?")]
        [InlineData("?passkey=info_hash")]
        [InlineData("?info_hashes=1&uid=2&sport=3")]
        [InlineData("?passkey=abc&")]
        public void TrackerQuery_WithoutReservedParameters_IsAllowed(string query)
        {
            Assert.Null(NetworkPolicy.CheckTrackerQuery(new Uri("http://t.example/announce" + query)));
        }

        [Fact]
        public void ReservedQueryParameters_AreTheOnesAnAnnounceAdds()
        {
            Assert.Equal(
                new[] { "downloaded", "event", "info_hash", "key", "left", "peer_id", "port", "uploaded" },
                NetworkPolicy.ReservedQueryParameters.OrderBy(n => n, StringComparer.Ordinal));
        }

        private static NetworkRefusal? Check(NetworkPolicy policy, string path, string? suffix, AddressScope? redirectedFrom, params string[] addresses) =>
            policy.Check(Addresses(addresses), path, suffix, redirectedFrom);

        private static IPAddress[] Addresses(params string[] addresses) => addresses.Select(IPAddress.Parse).ToArray();
    }
}
