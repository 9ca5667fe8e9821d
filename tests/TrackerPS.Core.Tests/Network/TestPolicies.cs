using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using TrackerPS.Core.Network;

namespace TrackerPS.Core.Tests.Network
{
    /// <summary>Network policies for tests, whose fake trackers can only listen on loopback.</summary>
    internal static class TestPolicies
    {
        /// <summary>
        /// Classifies 127.0.0.1 as global, so that a fake tracker on loopback stands in for one on the internet (any path,
        /// and redirects between its paths); every other address is classified as usual.
        /// </summary>
        public static NetworkPolicy LoopbackAsGlobal { get; } = new NetworkPolicy
        {
            Classifier = address => address.Equals(IPAddress.Loopback)
                ? new AddressClassification(AddressScope.Global, "global (test)")
                : AddressClassifier.Classify(address),
        };

        /// <summary>The default rules with a resolver that knows only the given names (and literals).</summary>
        public static NetworkPolicy WithHosts(IReadOnlyDictionary<string, string[]> hosts, bool allowLocalNetwork = false, bool loopbackAsGlobal = false) =>
            new NetworkPolicy
            {
                AllowLocalNetwork = allowLocalNetwork,
                Resolver = new FakeResolver(hosts),
                Classifier = loopbackAsGlobal ? LoopbackAsGlobal.Classifier : AddressClassifier.Classify,
            };

        /// <summary>Resolves the names it was given; any other name fails as DNS would (HostNotFound).</summary>
        internal sealed class FakeResolver : IHostResolver
        {
            private readonly IReadOnlyDictionary<string, string[]> _hosts;

            public FakeResolver(IReadOnlyDictionary<string, string[]> hosts) => _hosts = hosts;

            /// <summary>The names asked for, in order.</summary>
            public List<string> Asked { get; } = new List<string>();

            public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
            {
                lock (Asked)
                {
                    Asked.Add(host);
                }

                if (IPAddress.TryParse(host, out IPAddress? literal))
                {
                    return Task.FromResult(new[] { literal });
                }

                return _hosts.TryGetValue(host, out string[]? addresses)
                    ? Task.FromResult(addresses.Select(IPAddress.Parse).ToArray())
                    : Task.FromException<IPAddress[]>(new SocketException((int)SocketError.HostNotFound));
            }
        }
    }
}
