using System;
using System.Collections.Generic;
using System.Linq;
using TrackerPS.Core.Bencode;

namespace TrackerPS.Core.Metainfo
{
    /// <summary>
    /// Reads the trackers: BEP 12 <c>announce-list</c> (a list of tiers, each a list of URLs) when it yields any URL,
    /// otherwise BEP 3 <c>announce</c> as a single tier. Tiers and URLs keep the file's order (the BEP 12 shuffle is the
    /// announcing client's job).
    /// </summary>
    internal static class TrackerListReader
    {
        /// <summary>Reads the tiers.</summary>
        /// <returns>Non-empty tiers, in file order.</returns>
        public static Uri[][] ReadTiers(BDictionary root, MetainfoContext context)
        {
            BList? announceList = context.Lenient<BList>(root, "announce-list", "announce-list");
            var tiers = new List<Uri[]>();
            if (announceList is not null)
            {
                for (int t = 0; t < announceList.Items.Count; t++)
                {
                    MetainfoLabel label = ((MetainfoLabel)"announce-list").Index(t);
                    if (announceList.Items[t] is not BList tier)
                    {
                        context.Warn(announceList.Items[t].Offset, $"'{label}' ignored: a tier must be a list of URLs");
                        continue;
                    }

                    Uri[] uris = tier.Items
                        .Select((item, i) => MetainfoUri.TryParse(item, label.Index(i), MetainfoUri.TrackerSchemes, context))
                        .Where(uri => uri is not null)
                        .Select(uri => uri!)
                        .ToArray();
                    if (uris.Length > 0)
                    {
                        tiers.Add(uris);
                    }
                }
            }

            if (tiers.Count == 0)
            {
                BValue? announce = root["announce"];
                Uri? uri = announce is null ? null : MetainfoUri.TryParse(announce, "announce", MetainfoUri.TrackerSchemes, context);
                if (uri is not null)
                {
                    tiers.Add(new[] { uri });
                }
            }

            return tiers.ToArray();
        }

        /// <summary>All tiers flattened in order, each URL once.</summary>
        public static Uri[] Flatten(Uri[][] tiers)
        {
            // Most torrents name one tracker: it needs no de-duplication (a new array, not shared with the tier).
            if (tiers.Length == 1 && tiers[0].Length == 1)
            {
                return new[] { tiers[0][0] };
            }

            var flat = new List<Uri>();
            foreach (Uri[] tier in tiers)
            {
                flat.AddRange(tier);
            }

            return OrderedDistinct.By(flat, u => u.OriginalString).ToArray();
        }
    }
}
