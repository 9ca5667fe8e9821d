using System;
using System.Text;
using TrackerPS.Core.Metainfo;
using TrackerPS.Core.Trackers;

namespace TrackerPS.Benchmarks.Trackers
{
    /// <summary>
    /// The loopback opentracker the tracker benchmarks talk to, from the environment run-trackers.sh sets (the lines
    /// tests/opentracker/start.sh prints), and the one announce they all send. The same fields are in the URL
    /// run-trackers.sh gives wrk, so both measure the same request.
    /// </summary>
    internal static class TrackerEnvironment
    {
        public const string UdpVariable = "TRACKERPS_OPENTRACKER_UDP";
        public const string HttpVariable = "TRACKERPS_OPENTRACKER_HTTP";
        public const string InfoHashVariable = "TRACKERPS_BENCH_INFOHASH";

        /// <summary>A fixed peer id, so wrk's URL can be the same as ours (20 bytes, BEP 20 style).</summary>
        public const string PeerId = "-TP0000-benchmark000";

        /// <summary>A fixed key, written as 8 hex digits in the HTTP query (wrk's URL has key=0000002A).</summary>
        public const uint Key = 42;

        public const int Port = 6881;

        public const int NumWant = 50;

        public static Uri Udp => new Uri(Required(UdpVariable));

        public static Uri Http => new Uri(Required(HttpVariable));

        public static InfoHash InfoHash => InfoHash.Parse(Required(InfoHashVariable));

        public static AnnounceRequest Request(Uri tracker) => new AnnounceRequest
        {
            Tracker = tracker,
            InfoHash = InfoHash,
            PeerId = Encoding.ASCII.GetBytes(PeerId),
            Port = Port,
            Left = 0,
            NumWant = NumWant,
            Key = Key,
        };

        public static AnnounceTemplate Template() => new AnnounceTemplate
        {
            PeerId = Encoding.ASCII.GetBytes(PeerId),
            Port = Port,
            Left = 0,
            NumWant = NumWant,
            Key = Key,
        };

        private static string Required(string variable)
        {
            string? value = Environment.GetEnvironmentVariable(variable);
            if (string.IsNullOrEmpty(value))
            {
                throw new InvalidOperationException(
                    $"Set {variable}: run tests/TrackerPS.Benchmarks/run-trackers.sh, which starts opentracker and sets it.");
            }

            return value;
        }
    }
}
