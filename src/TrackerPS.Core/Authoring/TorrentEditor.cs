using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TrackerPS.Core.Bencode;
using TrackerPS.Core.Metainfo;

namespace TrackerPS.Core.Authoring
{
    /// <summary>
    /// Edits a .torrent file in memory. Outside <c>info</c> it changes trackers (BEP 3 <c>announce</c>, BEP 12
    /// <c>announce-list</c>), web seeds (BEP 19), HTTP seeds (BEP 17), <c>comment</c>, <c>created by</c> and
    /// <c>creation date</c>, keeps every other key, and writes the top-level dictionary in sorted key order (BEP 3).
    /// The <c>info</c> value is copied byte for byte from the input, never re-encoded, so both info-hashes stay the same
    /// for any torrent the reader accepts, non-canonical ones included; only an edit with
    /// <see cref="TorrentEdit.AllowInfoChange"/> rewrites it (its keys then sorted, its other values copied).
    /// </summary>
    public static class TorrentEditor
    {
        private static readonly BencodeLimits s_limits = new BencodeLimits { AllowTrailingBytes = true };

        /// <summary>Applies an edit to a torrent.</summary>
        /// <param name="data">The whole .torrent file.</param>
        /// <param name="sourceName">The file's name for messages, or null.</param>
        /// <param name="edit">The edit (see <see cref="TorrentEditValidator.Validate"/>).</param>
        /// <returns>The new bytes, the torrent before and after, and the changes.</returns>
        /// <exception cref="ArgumentException">The edit is not valid on its own.</exception>
        /// <exception cref="BencodeException">The input is not valid bencode.</exception>
        /// <exception cref="MetainfoException">The input is not a valid torrent.</exception>
        /// <exception cref="TorrentEditException">The edit does not fit this torrent (a tier past the last one).</exception>
        public static TorrentEditResult Edit(byte[] data, string? sourceName, TorrentEdit edit)
        {
            TorrentEditValidator.Validate(edit);
            TorrentInfo before = TorrentReader.Read(data, sourceName);
            var root = (BDictionary)BencodeDecoder.Decode(data, s_limits, sourceName).Root;
            var entries = new MetainfoEntries(root);
            var changes = new List<string>();
            var warnings = new List<string>();
            if (edit.ChangesTrackers)
            {
                EditTrackers(root, edit, entries, changes, warnings, sourceName);
            }

            EditOutsideInfo(before, edit, entries, changes);
            if (edit.ChangesInfo)
            {
                EditInfo(before, edit, entries, changes);
            }

            byte[] bytes = entries.ToBytes();
            bool unchanged = bytes.SequenceEqual(data);
            if (changes.Count == 0 && !unchanged)
            {
                changes.Add("rewrite the top-level dictionary in sorted key order (BEP 3)");
            }

            TorrentInfo after = TorrentReader.Read(bytes, sourceName);
            return new TorrentEditResult(bytes, unchanged, before, after, changes, warnings);
        }

        private static void EditTrackers(BDictionary root, TorrentEdit edit, MetainfoEntries entries, List<string> changes, List<string> warnings, string? sourceName)
        {
            TrackerTierList tiers = TrackerTierList.Read(root);
            if ((edit.Clear & TorrentField.Tracker) != 0)
            {
                tiers.Clear(changes);
            }

            foreach (KeyValuePair<Uri, Uri> pair in edit.ReplaceTracker)
            {
                if (!tiers.Replace(pair.Key.OriginalString, pair.Value.OriginalString, changes))
                {
                    warnings.Add($"tracker {UrlDisplay.Show(pair.Key.OriginalString)} is not listed, so not replaced");
                }
            }

            foreach (Uri uri in edit.RemoveTracker)
            {
                if (!tiers.Remove(uri.OriginalString, changes))
                {
                    warnings.Add($"tracker {UrlDisplay.Show(uri.OriginalString)} is not listed, so not removed");
                }
            }

            if (edit.OldPasskey is not null && tiers.ReplacePasskey(edit.OldPasskey, edit.NewPasskey!, changes) == 0)
            {
                warnings.Add("no tracker URL holds the old passkey");
            }

            if (edit.AddTracker.Count > 0)
            {
                int tier = edit.Tier ?? tiers.TierCount;
                if (tier > tiers.TierCount)
                {
                    string count = tiers.TierCount.ToString(CultureInfo.InvariantCulture);
                    throw new TorrentEditException($"tier {tier.ToString(CultureInfo.InvariantCulture)} does not exist; the torrent has {count} tier(s), and tier {count} adds a new one", sourceName);
                }

                foreach (Uri uri in edit.AddTracker)
                {
                    if (!tiers.Add(uri.OriginalString, tier, changes))
                    {
                        warnings.Add($"tracker {UrlDisplay.Show(uri.OriginalString)} is already listed, so not added");
                    }
                }
            }

            tiers.WriteTo(entries);
        }

        private static void EditOutsideInfo(TorrentInfo before, TorrentEdit edit, MetainfoEntries entries, List<string> changes)
        {
            EditUriList(entries, "url-list", "web seeds", edit.WebSeed, (edit.Clear & TorrentField.WebSeed) != 0, before.WebSeeds, changes);
            EditUriList(entries, "httpseeds", "HTTP seeds", edit.HttpSeed, (edit.Clear & TorrentField.HttpSeed) != 0, before.HttpSeeds, changes);
            EditText(entries, "comment", edit.Comment, (edit.Clear & TorrentField.Comment) != 0, before.Comment, changes);
            EditText(entries, "created by", edit.CreatedBy, (edit.Clear & TorrentField.CreatedBy) != 0, before.CreatedBy, changes);
            if (edit.CreationDate is DateTimeOffset date)
            {
                long seconds = date.ToUnixTimeSeconds();
                entries.Set("creation date", new BInteger(seconds));
                if (before.CreationDate?.ToUnixTimeSeconds() != seconds)
                {
                    changes.Add("set creation date to " + DateTimeOffset.FromUnixTimeSeconds(seconds).ToString("u", CultureInfo.InvariantCulture));
                }
            }
            else if ((edit.Clear & TorrentField.CreationDate) != 0 && entries.Remove("creation date"))
            {
                changes.Add("clear creation date");
            }
        }

        private static void EditInfo(TorrentInfo before, TorrentEdit edit, MetainfoEntries entries, List<string> changes)
        {
            var info = new MetainfoEntries((BDictionary)entries["info"]!);
            if (edit.Private == true)
            {
                info.Set("private", new BInteger(1));
                AddIf(!before.IsPrivate, changes, "set info.private to 1 (BEP 27)");
            }
            else if (edit.Private == false && info.Remove("private"))
            {
                AddIf(before.IsPrivate, changes, "remove info.private (BEP 27)");
            }

            EditText(info, "source", edit.Source, (edit.Clear & TorrentField.Source) != 0, before.Source, changes, "info.source");
            EditText(info, "name", edit.Name, clear: false, before.Name, changes, "info.name");
            entries.Set("info", BencodeDecoder.Decode(info.ToBytes()).Root);
        }

        /// <summary>Sets (as a list) or clears a URL list key.</summary>
        private static void EditUriList(MetainfoEntries entries, string key, string what, IReadOnlyList<Uri>? uris, bool clear, Uri[] before, List<string> changes)
        {
            if (uris is not null && uris.Count > 0)
            {
                entries.Set(key, new BList(uris.Select(u => (BValue)new BString(u.OriginalString))));
                if (!uris.Select(u => u.OriginalString).SequenceEqual(before.Select(u => u.OriginalString)))
                {
                    changes.Add($"set {what} ({key}) to " + string.Join(", ", uris.Select(u => UrlDisplay.Show(u.OriginalString))));
                }
            }
            else if ((clear || uris is not null) && entries.Remove(key))
            {
                changes.Add($"clear {what} ({key})");
            }
        }

        /// <summary>Sets or clears a text key, removing its <c>.utf-8</c> twin, which would otherwise take precedence.</summary>
        private static void EditText(MetainfoEntries entries, string key, string? text, bool clear, string? before, List<string> changes, string? label = null)
        {
            label ??= key;
            if (text is not null)
            {
                entries.Set(key, new BString(text));
                entries.Remove(key + ".utf-8");
                AddIf(text != before, changes, $"set {label} to '{text}'");
            }
            else if (clear)
            {
                bool removed = entries.Remove(key) | entries.Remove(key + ".utf-8");
                AddIf(removed, changes, $"clear {label}");
            }
        }

        private static void AddIf(bool condition, List<string> changes, string change)
        {
            if (condition)
            {
                changes.Add(change);
            }
        }
    }
}
