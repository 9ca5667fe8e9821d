using System;
using System.Collections.Generic;
using System.Linq;

namespace TrackerPS.Core.Trackers
{
    /// <summary>
    /// The session's order of the trackers within each BEP 12 tier, keyed by the tier's set of trackers: shuffled
    /// (cryptographic RNG) the first time a tier is seen, and a tracker that answers moves to the front for the rest of
    /// the session (BEP 12 §order of processing). Thread-safe.
    /// </summary>
    internal sealed class TierOrder
    {
        private readonly Dictionary<string, Uri[]> _orders = new Dictionary<string, Uri[]>(SeededComparer.Ordinal);

        /// <summary>The tier's distinct trackers in the session's order.</summary>
        public IReadOnlyList<Uri> Get(IReadOnlyList<Uri> tier)
        {
            string key = Key(tier);
            lock (_orders)
            {
                if (!_orders.TryGetValue(key, out Uri[]? order))
                {
                    order = tier.Distinct(SeededComparer.Uri).ToArray();
                    CryptoRandom.Shuffle(order);
                    _orders.Add(key, order);
                }

                // Promote replaces the array rather than changing it, so callers may keep this one.
                return order;
            }
        }

        /// <summary>Moves <paramref name="tracker"/> to the front of its tier, keeping the others' order (BEP 12).</summary>
        public void Promote(IReadOnlyList<Uri> tier, Uri tracker)
        {
            string key = Key(tier);
            lock (_orders)
            {
                Uri[] current = _orders.TryGetValue(key, out Uri[]? order) ? order : tier.Distinct(SeededComparer.Uri).ToArray();
                _orders[key] = new[] { tracker }.Concat(current.Where(t => t != tracker)).ToArray();
            }
        }

        // The same trackers in any order are the same tier: announce-list order is what the shuffle replaces.
        private static string Key(IReadOnlyList<Uri> tier) =>
            string.Join("\n", tier.Select(t => t.AbsoluteUri).Distinct(SeededComparer.Ordinal).OrderBy(t => t, StringComparer.Ordinal));
    }
}
