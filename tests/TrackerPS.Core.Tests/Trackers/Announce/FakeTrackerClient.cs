using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using TrackerPS.Core.Tests.Fakes;
using TrackerPS.Core.Trackers;

namespace TrackerPS.Core.Tests.Trackers.Announce
{
    /// <summary>An in-memory tracker client: answers through a delegate and keeps books on what it was asked.</summary>
    internal sealed class FakeTrackerClient : ITrackerClient, IDisposable
    {
        private readonly Func<AnnounceRequest, CancellationToken, Task<AnnounceResponse>> _answer;
        private readonly InFlightBook _book = new InFlightBook();

        public FakeTrackerClient(Func<AnnounceRequest, CancellationToken, Task<AnnounceResponse>> answer)
        {
            _answer = answer;
        }

        public ConcurrentQueue<AnnounceRequest> Requests { get; } = new ConcurrentQueue<AnnounceRequest>();

        public int InFlight => _book.InFlight;

        public int MaxInFlight => _book.MaxInFlight;

        public int Cancelled => _book.Cancelled;

        public bool Disposed { get; private set; }

        /// <summary>A client that answers every announce at once with one peer per request, stamped with the request's hash and tracker.</summary>
        public static FakeTrackerClient AnsweringOnePeer() => new FakeTrackerClient((request, _) => Task.FromResult(ResponseWithOnePeer(request)));

        /// <summary>A client that never answers: it waits until its token is cancelled.</summary>
        public static FakeTrackerClient NeverAnswering() =>
            new FakeTrackerClient((_, token) => new TaskCompletionSource<AnnounceResponse>().Task.WaitAsync(token));

        public static AnnounceResponse ResponseWithOnePeer(AnnounceRequest request, string? trackerId = null) => new AnnounceResponse
        {
            Tracker = request.Tracker,
            InfoHash = request.InfoHash.ToHex(),
            Interval = TimeSpan.FromMinutes(30),
            TrackerId = trackerId,
            Peers = new[]
            {
                new Peer
                {
                    IPAddress = "127.0.0.1",
                    Port = 6881,
                    InfoHash = request.InfoHash.ToHex(),
                    Tracker = request.Tracker,
                    AddressFamily = System.Net.Sockets.AddressFamily.InterNetwork,
                },
            },
        };

        public async Task<AnnounceResponse> AnnounceAsync(AnnounceRequest request, CancellationToken cancellationToken)
        {
            Requests.Enqueue(request);
            return await _book.Track(() => _answer(request, cancellationToken));
        }

        public Task<ScrapeResponse> ScrapeAsync(ScrapeRequest request, CancellationToken cancellationToken) =>
            throw new NotSupportedException("The announce tests never scrape.");

        public void Dispose() => Disposed = true;
    }
}
