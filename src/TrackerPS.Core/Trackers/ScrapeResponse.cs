using System;
using System.Collections.Generic;

namespace TrackerPS.Core.Trackers
{
    /// <summary>What a tracker answered to a scrape: the results, and notes on how its reply was read.</summary>
    public sealed class ScrapeResponse
    {
        /// <summary>Creates a response.</summary>
        /// <param name="results">One result per info-hash the tracker reported on.</param>
        /// <param name="notes">How the reply departed from the BEP and was still read; empty for most trackers.</param>
        /// <exception cref="ArgumentNullException">An argument is null.</exception>
        public ScrapeResponse(IReadOnlyList<ScrapeResult> results, IReadOnlyList<string> notes)
        {
            Results = results ?? throw new ArgumentNullException(nameof(results));
            Notes = notes ?? throw new ArgumentNullException(nameof(notes));
        }

        /// <summary>One result per info-hash the tracker reported on.</summary>
        public IReadOnlyList<ScrapeResult> Results { get; }

        /// <summary>
        /// One line, naming the tracker (redacted), per tracker reply that departed from the BEP and was still read, e.g.
        /// <c>files</c> keys written as UTF-8 text; for the cmdlet's verbose stream.
        /// </summary>
        public IReadOnlyList<string> Notes { get; }
    }
}
