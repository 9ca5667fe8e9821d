using System;
using System.Collections.Generic;
using System.Linq;
using TrackerPS.Core.Metainfo;

namespace TrackerPS.Core.Trackers
{
    /// <summary>
    /// One <see cref="TorrentAnnouncer.AnnounceAsync"/> call's inputs: info-hashes and the tiers to announce them to. An
    /// input is split into several runs only when some tracker and info-hash pairs are declined (<c>-Confirm</c>).
    /// </summary>
    public sealed class AnnounceRun
    {
        private AnnounceRun(AnnounceTarget target, IReadOnlyList<IReadOnlyList<Uri>> tiers)
        {
            Target = target;
            Tiers = tiers;
        }

        /// <summary>The info-hashes.</summary>
        public AnnounceTarget Target { get; }

        /// <summary>The BEP 12 tiers.</summary>
        public IReadOnlyList<IReadOnlyList<Uri>> Tiers { get; }

        /// <summary>
        /// Asks <paramref name="approve"/> about every tracker (each once, in tier then tracker order) and info-hash (in
        /// order), and returns the runs that announce exactly the approved pairs, tier order kept.
        /// </summary>
        /// <param name="target">The info-hashes.</param>
        /// <param name="tiers">The BEP 12 tiers; null trackers are skipped.</param>
        /// <param name="approve">Whether a tracker may be sent an info-hash.</param>
        /// <returns>
        /// One run with <paramref name="target"/> and <paramref name="tiers"/> when every pair is approved; otherwise one
        /// run per info-hash with any approved tracker, its tiers holding only those trackers; none when nothing is approved.
        /// </returns>
        public static IReadOnlyList<AnnounceRun> Approved(AnnounceTarget target, IReadOnlyList<IReadOnlyList<Uri>> tiers, Func<Uri, InfoHash, bool> approve)
        {
            if (target is null || tiers is null || approve is null)
            {
                throw new ArgumentNullException(target is null ? nameof(target) : tiers is null ? nameof(tiers) : nameof(approve));
            }

            var approved = new HashSet<(Uri, InfoHash)>(SeededComparer.Pair(SeededComparer.Uri, EqualityComparer<InfoHash>.Default));
            int asked = 0;
            foreach (Uri tracker in tiers.Where(t => t is not null).SelectMany(t => t).Where(t => t is not null).Distinct(SeededComparer.Uri))
            {
                foreach (InfoHash hash in target.InfoHashes)
                {
                    asked++;
                    if (approve(tracker, hash))
                    {
                        approved.Add((tracker, hash));
                    }
                }
            }

            if (approved.Count == asked)
            {
                return new[] { new AnnounceRun(target, tiers) };
            }

            var runs = new List<AnnounceRun>();
            foreach (InfoHash hash in target.InfoHashes)
            {
                IReadOnlyList<IReadOnlyList<Uri>> kept = tiers
                    .Where(t => t is not null)
                    .Select(t => (IReadOnlyList<Uri>)t.Where(tracker => approved.Contains((tracker, hash))).ToArray())
                    .Where(t => t.Count > 0)
                    .ToArray();
                if (kept.Count > 0)
                {
                    runs.Add(new AnnounceRun(new AnnounceTarget(new[] { hash }), kept));
                }
            }

            return runs;
        }
    }
}
