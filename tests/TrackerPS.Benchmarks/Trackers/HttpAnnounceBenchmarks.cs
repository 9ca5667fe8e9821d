using System;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using TrackerPS.Core.Trackers;
using TrackerPS.Core.Trackers.Http;

namespace TrackerPS.Benchmarks.Trackers
{
    /// <summary>
    /// HTTP announce (BEP 3, compact BEP 23) to opentracker on loopback, one request at a time. run-trackers.sh
    /// measures the floor with <c>wrk -t1 -c1</c> on the same URL in the same run.
    /// opentracker closes every connection after its reply, and now and then resets it before the reply is read
    /// ("Connection reset by peer", about 1 in 1,000 requests here). Such a request is counted, not rethrown, so one
    /// reset does not abort the run; the count is printed at the end (look for "connection failures").
    /// </summary>
    [Config(typeof(BenchmarkConfig))]
    public class HttpAnnounceBenchmarks
    {
        private HttpTrackerClient _client = null!;
        private AnnounceRequest _request = null!;
        private long _requests;
        private long _connectionFailures;

        [GlobalSetup]
        public void Setup()
        {
            _client = new HttpTrackerClient(new TrackerClientOptions { Timeout = TimeSpan.FromSeconds(5) });
            _request = TrackerEnvironment.Request(TrackerEnvironment.Http);
            _client.AnnounceAsync(_request, CancellationToken.None).GetAwaiter().GetResult();
        }

        [GlobalCleanup]
        public void Cleanup()
        {
            _client.Dispose();
            Console.WriteLine($"// HttpAnnounce: {_connectionFailures} connection failures in {_requests} requests");
        }

        [Benchmark]
        public async Task<int> HttpAnnounce()
        {
            _requests++;
            try
            {
                return (await _client.AnnounceAsync(_request, CancellationToken.None).ConfigureAwait(false)).Peers.Length;
            }
            catch (TrackerException error) when (error.Kind == TrackerErrorKind.ConnectionFailed)
            {
                _connectionFailures++;
                return -1;
            }
        }
    }
}
