using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TrackerPS.Core.Bencode;

namespace TrackerPS.Core.Authoring
{
    /// <summary>
    /// A torrent's trackers as BEP 12 tiers of URL strings, taken from <c>announce-list</c> (or, when that lists none, from
    /// <c>announce</c>) exactly as written, so URLs the reader would skip (an unknown scheme, say) survive an edit. URLs
    /// compare ordinally. Writes <c>announce</c> as the first URL of the first tier, and <c>announce-list</c> whenever
    /// there is more than one URL or the torrent had one, so the two keys agree (BEP 12).
    /// </summary>
    internal sealed class TrackerTierList
    {
        private readonly List<List<string>> _tiers;
        private readonly bool _hadAnnounceList;

        private TrackerTierList(List<List<string>> tiers, bool hadAnnounceList)
        {
            _tiers = tiers;
            _hadAnnounceList = hadAnnounceList;
        }

        /// <summary>Number of tiers.</summary>
        public int TierCount => _tiers.Count;

        /// <summary>Reads the tiers of a decoded metainfo dictionary.</summary>
        public static TrackerTierList Read(BDictionary root)
        {
            var tiers = new List<List<string>>();
            bool hadAnnounceList = root["announce-list"] is BList;
            if (root["announce-list"] is BList announceList)
            {
                foreach (BValue item in announceList.Items)
                {
                    List<string> tier = item is BList list
                        ? list.Items.OfType<BString>().Select(s => s.ToString()).Where(s => s.Length > 0).Distinct(SeededComparer.Ordinal).ToList()
                        : new List<string>();
                    if (tier.Count > 0)
                    {
                        tiers.Add(tier);
                    }
                }
            }

            if (tiers.Count == 0 && root["announce"] is BString { Count: > 0 } announce)
            {
                tiers.Add(new List<string> { announce.ToString() });
            }

            return new TrackerTierList(tiers, hadAnnounceList);
        }

        /// <summary>Removes every tracker.</summary>
        public void Clear(ICollection<string> changes)
        {
            foreach (string url in _tiers.SelectMany(t => t))
            {
                changes.Add("remove tracker " + UrlDisplay.Show(url));
            }

            _tiers.Clear();
        }

        /// <summary>Replaces each URL equal to <paramref name="oldUrl"/> where it stands; false when none is.</summary>
        public bool Replace(string oldUrl, string newUrl, ICollection<string> changes)
        {
            bool found = false;
            foreach (List<string> tier in _tiers)
            {
                int index = tier.IndexOf(oldUrl);
                if (index < 0)
                {
                    continue;
                }

                found = true;
                tier[index] = newUrl;
                // The new URL may already be in the tier: keep its first place only.
                List<string> distinct = tier.Distinct(SeededComparer.Ordinal).ToList();
                tier.Clear();
                tier.AddRange(distinct);
            }

            if (found)
            {
                changes.Add("replace tracker " + UrlDisplay.Show(oldUrl));
                changes.Add("  with " + UrlDisplay.Show(newUrl));
            }

            return found;
        }

        /// <summary>Removes <paramref name="url"/> from every tier, dropping tiers left empty; false when it was not listed.</summary>
        public bool Remove(string url, ICollection<string> changes)
        {
            int removed = _tiers.Sum(t => t.RemoveAll(u => u == url));
            _tiers.RemoveAll(t => t.Count == 0);
            if (removed > 0)
            {
                changes.Add("remove tracker " + UrlDisplay.Show(url));
            }

            return removed > 0;
        }

        /// <summary>Replaces <paramref name="oldPasskey"/> by <paramref name="newPasskey"/> in every URL; returns how many changed.</summary>
        public int ReplacePasskey(string oldPasskey, string newPasskey, ICollection<string> changes)
        {
            int count = 0;
            foreach (List<string> tier in _tiers)
            {
                for (int i = 0; i < tier.Count; i++)
                {
                    if (tier[i].IndexOf(oldPasskey, StringComparison.Ordinal) >= 0)
                    {
                        tier[i] = tier[i].Replace(oldPasskey, newPasskey);
                        count++;
                    }
                }
            }

            if (count > 0)
            {
                changes.Add($"replace the passkey in {count.ToString(CultureInfo.InvariantCulture)} tracker URL(s)");
            }

            return count;
        }

        /// <summary>Adds <paramref name="url"/> to tier <paramref name="tier"/> (the new last tier when it equals <see cref="TierCount"/>); false when already listed.</summary>
        public bool Add(string url, int tier, ICollection<string> changes)
        {
            if (_tiers.Any(t => t.Contains(url)))
            {
                return false;
            }

            if (tier == _tiers.Count)
            {
                _tiers.Add(new List<string>());
            }

            _tiers[tier].Add(url);
            changes.Add($"add tracker {UrlDisplay.Show(url)} to tier {tier.ToString(CultureInfo.InvariantCulture)}");
            return true;
        }

        /// <summary>Writes <c>announce</c> and <c>announce-list</c> into <paramref name="entries"/>, or removes them when no tracker is left.</summary>
        public void WriteTo(MetainfoEntries entries)
        {
            entries.Remove("announce");
            entries.Remove("announce-list");
            if (_tiers.Count == 0)
            {
                return;
            }

            entries.Set("announce", new BString(_tiers[0][0]));
            if (_hadAnnounceList || _tiers.Count > 1 || _tiers[0].Count > 1)
            {
                entries.Set("announce-list", new BList(_tiers.Select(t => (BValue)new BList(t.Select(u => (BValue)new BString(u))))));
            }
        }
    }
}
