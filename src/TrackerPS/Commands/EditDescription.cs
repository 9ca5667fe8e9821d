using System;
using System.Linq;
using TrackerPS.Core.Authoring;

namespace TrackerPS.Commands
{
    /// <summary>
    /// The texts <c>Edit-Torrent</c> shows: the <c>-WhatIf</c>/<c>-Confirm</c> description (one change per line, short
    /// enough for 80 columns, URLs redacted so no passkey shows) and the warning for a changed info-hash.
    /// </summary>
    internal static class EditDescription
    {
        /// <summary>"Edit 'x.torrent' (to 'y.torrent'):" then one indented line per change.</summary>
        public static string Describe(string file, string target, TorrentEditResult result)
        {
            string head = target == file ? $"Edit '{file}':" : $"Edit '{file}', writing '{target}':";
            string[] lines = result.Changes.Count == 0 ? new[] { "no change" } : result.Changes.ToArray();
            if (result.InfoHashChanged)
            {
                lines = lines.Concat(new[] { "new info-hash: a different torrent" }).ToArray();
            }

            return head + Environment.NewLine + string.Join(Environment.NewLine, lines.Select(l => "  " + l));
        }

        /// <summary>The <c>-Confirm</c> question.</summary>
        public static string Confirm(string file, string target) =>
            target == file ? $"Edit '{file}' in place?" : $"Edit '{file}' and write '{target}'?";

        /// <summary>The warning that names the old and new info-hashes (v1 SHA-1 and v2 SHA-256, as present).</summary>
        public static string InfoHashChange(string target, TorrentEditResult result)
        {
            string Hashes(TorrentInfo t) => string.Join(" ", new[] { t.InfoHashV1, t.InfoHashV2 }.Where(h => h is not null));
            return $"{target}: the info-hash changed, so this is a different torrent (peers and trackers know it by the new hash). "
                + $"Old: {Hashes(result.Before)}. New: {Hashes(result.After)}.";
        }
    }
}
