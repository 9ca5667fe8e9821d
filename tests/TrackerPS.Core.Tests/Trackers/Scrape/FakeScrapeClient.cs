using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TrackerPS.Core.Trackers;

namespace TrackerPS.Core.Tests.Trackers.Scrape
{
    /// <summary>An in-memory tracker client for scrapes: answers through a delegate and keeps books on what it was asked.</summary>
    internal sealed class FakeScrapeClient : ITrackerClient, IDisposable
    {
        private readonly Func<ScrapeRequest, CancellationToken, Task<IReadOnlyList<ScrapeResult>>> _answer;
        private readonly object _gate = new object();
        private int _inFlight;

        public FakeScrapeClient(Func<ScrapeRequest, CancellationToken, Task<IReadOnlyList<ScrapeResult>>> answer)
        {
            _answer = answer;
        }

        public ConcurrentQueue<ScrapeRequest> Requests { get; } = new ConcurrentQueue<ScrapeRequest>();

        public int InFlight
        {
            get
            {
                lock (_gate)
                {
                    return _inFlight;
                }
            }
        }

        public int MaxInFlight { get; private set; }

        public int Cancelled { get; private set; }

        public bool Disposed { get; private set; }

        /// <summary>A client that answers every scrape at once with one result per hash (Seeders = the tracker's port).</summary>
        public static FakeScrapeClient Answering() => new FakeScrapeClient((request, _) => Task.FromResult(Results(request)));

        public static IReadOnlyList<ScrapeResult> Results(ScrapeRequest request) =>
            request.InfoHashes.Select(h => new ScrapeResult { Tracker = request.Tracker, InfoHash = h.ToHex(), Seeders = request.Tracker.Port }).ToArray();

        public Task<AnnounceResponse> AnnounceAsync(AnnounceRequest request, CancellationToken cancellationToken) =>
            throw new NotSupportedException("The scrape tests never announce.");

        public async Task<IReadOnlyList<ScrapeResult>> ScrapeAsync(ScrapeRequest request, CancellationToken cancellationToken)
        {
            Requests.Enqueue(request);
            lock (_gate)
            {
                _inFlight++;
                MaxInFlight = Math.Max(MaxInFlight, _inFlight);
            }

            try
            {
                return await _answer(request, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                lock (_gate)
                {
                    Cancelled++;
                }

                throw;
            }
            finally
            {
                lock (_gate)
                {
                    _inFlight--;
                }
            }
        }

        public void Dispose() => Disposed = true;
    }
}
