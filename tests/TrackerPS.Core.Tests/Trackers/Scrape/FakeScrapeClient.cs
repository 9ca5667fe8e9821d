using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TrackerPS.Core.Tests.Fakes;
using TrackerPS.Core.Trackers;

namespace TrackerPS.Core.Tests.Trackers.Scrape
{
    /// <summary>An in-memory tracker client for scrapes: answers through a delegate and keeps books on what it was asked.</summary>
    internal sealed class FakeScrapeClient : ITrackerClient, IDisposable
    {
        private readonly Func<ScrapeRequest, CancellationToken, Task<IReadOnlyList<ScrapeResult>>> _answer;
        private readonly InFlightBook _book = new InFlightBook();

        public FakeScrapeClient(Func<ScrapeRequest, CancellationToken, Task<IReadOnlyList<ScrapeResult>>> answer)
        {
            _answer = answer;
        }

        public ConcurrentQueue<ScrapeRequest> Requests { get; } = new ConcurrentQueue<ScrapeRequest>();

        public int InFlight => _book.InFlight;

        public int MaxInFlight => _book.MaxInFlight;

        public int Cancelled => _book.Cancelled;

        public bool Disposed { get; private set; }

        /// <summary>A client that answers every scrape at once with one result per hash (Seeders = the tracker's port).</summary>
        public static FakeScrapeClient Answering() => new FakeScrapeClient((request, _) => Task.FromResult(Results(request)));

        public static IReadOnlyList<ScrapeResult> Results(ScrapeRequest request) =>
            request.InfoHashes.Select(h => new ScrapeResult { Tracker = request.Tracker, InfoHash = h.ToHex(), Seeders = request.Tracker.Port }).ToArray();

        public Task<AnnounceResponse> AnnounceAsync(AnnounceRequest request, CancellationToken cancellationToken) =>
            throw new NotSupportedException("The scrape tests never announce.");

        public async Task<ScrapeResponse> ScrapeAsync(ScrapeRequest request, CancellationToken cancellationToken)
        {
            Requests.Enqueue(request);
            return new ScrapeResponse(await _book.Track(() => _answer(request, cancellationToken)), new string[0]);
        }

        public void Dispose() => Disposed = true;
    }
}
