using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using TrackerPS.Core.Runtime;

namespace TrackerPS.Core.Authoring
{
    /// <summary>
    /// The byte stream a torrent's pieces are hashed over: its files in order and, where files must start on a piece
    /// boundary (v2 and hybrid, BEP 52), a pad after every non-empty file that does not end on one, the last file
    /// included, and none after an empty file (what libtorrent 2.0.8 writes). A v1 layout has no pads.
    /// </summary>
    public sealed class ContentLayout
    {
        private ContentLayout(IReadOnlyList<LayoutEntry> entries, long pieceLength, bool aligned)
        {
            Entries = entries;
            PieceLength = pieceLength;
            IsAligned = aligned;
            StreamLength = entries.Count == 0 ? 0 : entries[entries.Count - 1].End;
            PieceCount = (StreamLength + pieceLength - 1) / pieceLength;
        }

        /// <summary>The files and pads, in stream order.</summary>
        public IReadOnlyList<LayoutEntry> Entries { get; }

        /// <summary>The piece length in bytes.</summary>
        public long PieceLength { get; }

        /// <summary>True when every file starts on a piece boundary (v2, hybrid), so each piece holds one file's data.</summary>
        public bool IsAligned { get; }

        /// <summary>The stream's length, pads included.</summary>
        public long StreamLength { get; }

        /// <summary>The number of pieces over the stream.</summary>
        public long PieceCount { get; }

        /// <summary>Lays files out.</summary>
        /// <param name="files">The files, in their final order.</param>
        /// <param name="pieceLength">The piece length.</param>
        /// <param name="aligned">True to start each file on a piece boundary (v2, hybrid with more than one file); a single file is aligned anyway.</param>
        /// <returns>The layout.</returns>
        [MethodImpl(HotPath.Optimized)]
        public static ContentLayout Create(IReadOnlyList<ContentFile> files, long pieceLength, bool aligned)
        {
            var entries = new List<LayoutEntry>(files.Count * 2);
            long position = 0;
            foreach (ContentFile file in files)
            {
                entries.Add(new LayoutEntry(file, file.Length, position));
                position = checked(position + file.Length);
                long tail = position % pieceLength;
                if (aligned && file.Length > 0 && tail != 0)
                {
                    entries.Add(new LayoutEntry(null, pieceLength - tail, position));
                    position += pieceLength - tail;
                }
            }

            return new ContentLayout(entries, pieceLength, aligned || files.Count <= 1);
        }

        /// <summary>Lays out given entries (files and pads at their offsets), as read from an existing torrent.</summary>
        /// <param name="entries">The entries in stream order, back to back.</param>
        /// <param name="pieceLength">The piece length.</param>
        /// <param name="aligned">True when every non-empty file starts on a piece boundary.</param>
        /// <returns>The layout.</returns>
        /// <exception cref="ArgumentException">The entries are not back to back, or a file of an aligned layout does not start on a piece boundary.</exception>
        public static ContentLayout FromEntries(IReadOnlyList<LayoutEntry> entries, long pieceLength, bool aligned)
        {
            for (int i = 0; i < entries.Count; i++)
            {
                if (i > 0 && entries[i].Offset != entries[i - 1].End)
                {
                    throw new ArgumentException($"Entry {i} starts at {entries[i].Offset}, not where the one before it ends ({entries[i - 1].End}).", nameof(entries));
                }

                if (aligned && entries[i].File is not null && entries[i].Length > 0 && entries[i].Offset % pieceLength != 0)
                {
                    throw new ArgumentException($"The file '{entries[i].File}' starts at {entries[i].Offset}, not on a piece boundary (BEP 52).", nameof(entries));
                }
            }

            return new ContentLayout(entries, pieceLength, aligned);
        }
    }
}
