using System;
using System.Collections.Generic;
using System.Linq;

namespace TrackerPS.Core.Trackers
{
    /// <summary>Builds the BEP 12 tiers one announce uses.</summary>
    public static class AnnounceTiers
    {
        /// <summary>
        /// The torrent's own tiers followed by one tier per additional tracker, unless the torrent is private: a private
        /// torrent's peers may come only from its own trackers (BEP 27), so the additional ones are left out.
        /// </summary>
        /// <param name="own">The torrent's tiers.</param>
        /// <param name="additional">Trackers the user adds, or null.</param>
        /// <param name="isPrivate">The torrent's <c>private</c> flag (BEP 27).</param>
        /// <returns>The tiers to announce to.</returns>
        public static IReadOnlyList<IReadOnlyList<Uri>> Combine(IReadOnlyList<IReadOnlyList<Uri>> own, IEnumerable<Uri>? additional, bool isPrivate)
        {
            if (own is null)
            {
                throw new ArgumentNullException(nameof(own));
            }

            return isPrivate || additional is null ? own : own.Concat(TorrentAnnouncer.OneTierEach(additional)).ToArray();
        }
    }
}
