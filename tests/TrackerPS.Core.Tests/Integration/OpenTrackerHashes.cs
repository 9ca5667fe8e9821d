using System.Security.Cryptography;
using System.Text;
using TrackerPS.Core.Metainfo;

namespace TrackerPS.Core.Tests.Integration
{
    /// <summary>
    /// The whitelisted test info-hashes (tests/opentracker/make-whitelist.py): SHA-1 of "trackerps-test-N", N = 0…1099.
    /// Use: 0–999 scrape only (never announced, so other tests can count on them); 1000–1049 HTTP announce tests;
    /// 1050–1099 UDP announce tests.
    /// </summary>
    internal static class OpenTrackerHashes
    {
        internal const int Count = 1100;

        internal static InfoHash Test(int n) => new InfoHash(SHA1.HashData(Encoding.ASCII.GetBytes($"trackerps-test-{n}")));
    }
}
