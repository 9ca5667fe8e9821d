using System.Threading;
using System.Threading.Tasks;

namespace TrackerPS.Core.Trackers
{
    /// <summary>A client for one tracker protocol (a transport per URI scheme).</summary>
    public interface ITrackerClient
    {
        /// <summary>Announces to the request's tracker.</summary>
        /// <param name="request">The announce.</param>
        /// <param name="cancellationToken">Cancels the request at once.</param>
        /// <returns>The tracker's response.</returns>
        /// <exception cref="TrackerException">The tracker failed, timed out, or broke the protocol.</exception>
        /// <exception cref="System.OperationCanceledException">Cancelled.</exception>
        Task<AnnounceResponse> AnnounceAsync(AnnounceRequest request, CancellationToken cancellationToken);

        /// <summary>Scrapes the request's tracker for every info-hash, batching as the protocol allows.</summary>
        /// <param name="request">The scrape.</param>
        /// <param name="cancellationToken">Cancels the request at once.</param>
        /// <returns>One result per info-hash the tracker reported on, and notes on how its replies were read.</returns>
        /// <exception cref="TrackerException">The tracker failed, timed out, broke the protocol, or cannot be scraped.</exception>
        /// <exception cref="System.OperationCanceledException">Cancelled.</exception>
        Task<ScrapeResponse> ScrapeAsync(ScrapeRequest request, CancellationToken cancellationToken);
    }
}
