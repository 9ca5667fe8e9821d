using System;
using System.Collections.Generic;

namespace TrackerPS.Core.Authoring
{
    /// <summary>
    /// What <see cref="TorrentEditor"/> changes in a torrent. Null or empty members change nothing. Changes outside
    /// <c>info</c> keep the torrent's identity; <see cref="Private"/>, <see cref="Source"/>, <see cref="Name"/> and
    /// clearing <see cref="TorrentField.Source"/> change the <c>info</c> dictionary and so the info-hashes, and are
    /// refused unless <see cref="AllowInfoChange"/> is set.
    /// </summary>
    public sealed class TorrentEdit
    {
        /// <summary>Fields to remove. A field cannot be both cleared and set.</summary>
        public TorrentField Clear { get; init; }

        /// <summary>Tracker pairs (old, new): each URL equal to an old one (ordinal) is replaced where it stands (BEP 12 tier and position).</summary>
        public IReadOnlyList<KeyValuePair<Uri, Uri>> ReplaceTracker { get; init; } = Array.Empty<KeyValuePair<Uri, Uri>>();

        /// <summary>Trackers to remove from every tier; a tier left empty is dropped.</summary>
        public IReadOnlyList<Uri> RemoveTracker { get; init; } = Array.Empty<Uri>();

        /// <summary>Trackers to add (after the replacements and removals); one already listed is not added twice.</summary>
        public IReadOnlyList<Uri> AddTracker { get; init; } = Array.Empty<Uri>();

        /// <summary>
        /// The 0-based BEP 12 tier <see cref="AddTracker"/> goes to; a value equal to the number of tiers, or null, adds a
        /// new tier after the last.
        /// </summary>
        public int? Tier { get; init; }

        /// <summary>A passkey to replace, in every tracker URL that holds it (ordinal match), by <see cref="NewPasskey"/>.</summary>
        public string? OldPasskey { get; init; }

        /// <summary>The passkey that replaces <see cref="OldPasskey"/>.</summary>
        public string? NewPasskey { get; init; }

        /// <summary>New BEP 19 web seeds (<c>url-list</c>, written as a list), or null to keep them.</summary>
        public IReadOnlyList<Uri>? WebSeed { get; init; }

        /// <summary>New BEP 17 HTTP seeds (<c>httpseeds</c>), or null to keep them.</summary>
        public IReadOnlyList<Uri>? HttpSeed { get; init; }

        /// <summary>New <c>comment</c> (its <c>comment.utf-8</c> twin is removed), or null to keep it.</summary>
        public string? Comment { get; init; }

        /// <summary>New <c>created by</c>, or null to keep it.</summary>
        public string? CreatedBy { get; init; }

        /// <summary>New <c>creation date</c>, written as whole seconds since the Unix epoch, or null to keep it.</summary>
        public DateTimeOffset? CreationDate { get; init; }

        /// <summary>BEP 27 <c>info.private</c>: true writes 1, false removes the key, null keeps it. Changes the info-hash.</summary>
        public bool? Private { get; init; }

        /// <summary>New <c>info.source</c>, or null to keep it. Changes the info-hash.</summary>
        public string? Source { get; init; }

        /// <summary>New <c>info.name</c> (its <c>name.utf-8</c> twin is removed), or null to keep it. Changes the info-hash.</summary>
        public string? Name { get; init; }

        /// <summary>Allows the changes inside <c>info</c>, which make a different torrent with new info-hashes.</summary>
        public bool AllowInfoChange { get; init; }

        /// <summary>True when the edit changes the <c>info</c> dictionary.</summary>
        public bool ChangesInfo => Private is not null || Source is not null || Name is not null || (Clear & TorrentField.Source) != 0;

        /// <summary>True when the edit touches the trackers.</summary>
        internal bool ChangesTrackers => (Clear & TorrentField.Tracker) != 0 || ReplaceTracker.Count > 0 || RemoveTracker.Count > 0
            || AddTracker.Count > 0 || OldPasskey is not null;
    }
}
