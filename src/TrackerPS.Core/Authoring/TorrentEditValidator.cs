using System;
using System.Collections.Generic;
using System.Linq;
using TrackerPS.Core.Metainfo;

namespace TrackerPS.Core.Authoring
{
    /// <summary>Checks a <see cref="TorrentEdit"/> on its own, before any torrent is read, so a bad request fails once, not once per file.</summary>
    public static class TorrentEditValidator
    {
        /// <summary>Checks the edit.</summary>
        /// <param name="edit">The edit.</param>
        /// <exception cref="ArgumentException">
        /// A change inside <c>info</c> without <see cref="TorrentEdit.AllowInfoChange"/>; a field both set and cleared; a
        /// tracker that is not an absolute http, https, udp, ws or wss URL; a web seed that is not http, https or ftp
        /// (BEP 19) or an HTTP seed that is not http or https (BEP 17); an empty or unsafe name; an empty passkey, or one
        /// without the other; a negative tier, or a tier with no tracker to add.
        /// </exception>
        public static void Validate(TorrentEdit edit)
        {
            if (edit is null)
            {
                throw new ArgumentNullException(nameof(edit));
            }

            if (edit.ChangesInfo && !edit.AllowInfoChange)
            {
                throw new ArgumentException("Changing 'info' (private, source or name) makes a different torrent with new info-hashes; ask for it explicitly to allow it.");
            }

            CheckConflict(edit, TorrentField.WebSeed, edit.WebSeed is not null, "web seeds");
            CheckConflict(edit, TorrentField.HttpSeed, edit.HttpSeed is not null, "HTTP seeds");
            CheckConflict(edit, TorrentField.Comment, edit.Comment is not null, "the comment");
            CheckConflict(edit, TorrentField.CreatedBy, edit.CreatedBy is not null, "'created by'");
            CheckConflict(edit, TorrentField.CreationDate, edit.CreationDate is not null, "the creation date");
            CheckConflict(edit, TorrentField.Source, edit.Source is not null, "the source");
            CheckConflict(edit, TorrentField.Tracker, edit.AddTracker.Count > 0 || edit.ReplaceTracker.Count > 0, "the trackers");
            IEnumerable<Uri> trackers = edit.AddTracker.Concat(edit.ReplaceTracker.Select(p => p.Value));
            CheckUris(trackers, MetainfoUri.TrackerSchemes, "tracker");
            CheckUris(edit.WebSeed ?? Array.Empty<Uri>(), MetainfoUri.WebSeedSchemes, "web seed");
            CheckUris(edit.HttpSeed ?? Array.Empty<Uri>(), MetainfoUri.HttpSeedSchemes, "HTTP seed");
            if (edit.Tier < 0)
            {
                throw new ArgumentException("The tier must be 0 or more (0 is the first BEP 12 tier).");
            }

            if (edit.Tier is not null && edit.AddTracker.Count == 0)
            {
                throw new ArgumentException("A tier says where added trackers go; give the trackers to add with it.");
            }

            if ((edit.OldPasskey is null) != (edit.NewPasskey is null) || edit.OldPasskey?.Length == 0 || edit.NewPasskey?.Length == 0)
            {
                throw new ArgumentException("A passkey replacement needs two non-empty passkeys, the old one and the new one.");
            }

            if (edit.Name is not null && PathSafety.IsUnsafeElement(edit.Name))
            {
                throw new ArgumentException("The name must be one non-empty file or folder name: not '.', '..', a drive letter, or anything holding '/', '\\' or NUL.");
            }
        }

        private static void CheckConflict(TorrentEdit edit, TorrentField field, bool isSet, string what)
        {
            if (isSet && (edit.Clear & field) != 0)
            {
                throw new ArgumentException($"Cannot both set and clear {what}.");
            }
        }

        private static void CheckUris(IEnumerable<Uri> uris, string[] schemes, string what)
        {
            foreach (Uri uri in uris)
            {
                if (uri is null || !MetainfoUri.IsUsable(uri, schemes))
                {
                    string shown = uri is null ? "null" : UrlDisplay.Show(uri.OriginalString);
                    throw new ArgumentException($"'{shown}' is not a valid {what} URL: it must be absolute, with the scheme {string.Join(", ", schemes)}.");
                }
            }
        }
    }
}
