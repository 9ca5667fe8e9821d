using System;
using System.Collections.Generic;
using TrackerPS.Core.Bencode;

namespace TrackerPS.Core.Metainfo
{
    /// <summary>
    /// A v1 <c>info.files</c> list (BEP 3) every entry of which is plain and canonically encoded
    /// (<see cref="CanonicalV1File"/>), checked and added up straight from the input while the decoder passes it
    /// (<see cref="IDeferredList"/>), so that none of its values becomes a decoder token: a 50,000-file torrent's list
    /// cost 7 tokens (84 bytes) per file, 1.6 times its bytes, and a 40-byte entry and an offset on top. Its files are read
    /// from the bytes again only when <see cref="TorrentInfo.Files"/> is read (<see cref="OnDemandFiles"/>). A list with
    /// any other entry is decoded and read as before, with the same errors and warnings.
    /// </summary>
    internal sealed class PlainFileList : IDeferredList
    {
        private static readonly string[] s_keyPath = { "info", "files" };

        // The list's bytes from the input at first; Keep may swap them for a copy of the list alone.
        private byte[] _bytes = Array.Empty<byte>();
        private int _start;
        private int _end;

        /// <inheritdoc />
        public IReadOnlyList<string> KeyPath => s_keyPath;

        /// <summary>The list, an entry's dictionary and its <c>path</c>.</summary>
        public int Depth => 3;

        /// <summary>Number of entries, pad files included.</summary>
        public int Count { get; private set; }

        /// <summary>What the real files (pad files left out) add up to; no path is unsafe.</summary>
        public FileTotals Totals { get; private set; }

        /// <summary>Total size in bytes, pad files included: where the last file ends.</summary>
        public long TotalSize { get; private set; }

        /// <inheritdoc />
        public bool TryMeasure(byte[] data, int start, int end, out int listEnd, out int tokenCount)
        {
            listEnd = 0;
            tokenCount = 0;
            int position = start + 1;
            int count = 0;
            int realCount = 0;
            int tokens = 1;
            long total = 0;
            long realSize = 0;
            while (position < end && data[position] != (byte)'e')
            {
                // A sum past 2^63-1 is the full reader's error to give (FileLayout).
                if (!CanonicalV1File.TryRead(data, ref position, end, data, 0, out FileEntry entry, out int entryTokens) || entry.Length > long.MaxValue - total)
                {
                    return false;
                }

                total += entry.Length;
                tokens += entryTokens;
                count++;
                if (!entry.IsPadding)
                {
                    realCount++;
                    realSize += entry.Length;
                }
            }

            if (count == 0 || position >= end)
            {
                return false;
            }

            listEnd = position + 1;
            tokenCount = tokens;
            (_bytes, _start, _end) = (data, start, listEnd);
            (Count, Totals, TotalSize) = (count, new FileTotals(realCount, realSize, hasUnsafePath: false), total);
            return true;
        }

        /// <summary>Keeps the list's bytes for reading its files later: a copy of the list, or the input when that is what <paramref name="encodedFiles"/> is.</summary>
        /// <param name="encodedFiles">The input, or a copy of the list (<see cref="V1FileListReader"/>).</param>
        /// <param name="copyStart">Offset in the input of <paramref name="encodedFiles"/>' first byte.</param>
        public void Keep(byte[] encodedFiles, int copyStart) => (_bytes, _start, _end) = (encodedFiles, _start - copyStart, _end - copyStart);

        /// <summary>The entries in list order, read again from the input, their raw paths left encoded in <paramref name="encodedFiles"/>.</summary>
        /// <param name="encodedFiles">The input, or a copy of the list.</param>
        /// <param name="copyStart">Offset in the input of <paramref name="encodedFiles"/>' first byte.</param>
        public FileEntry[] ReadEntries(byte[] encodedFiles, int copyStart)
        {
            var entries = new FileEntry[Count];
            int i = 0;
            foreach (FileEntry entry in Entries(encodedFiles, copyStart))
            {
                entries[i++] = entry;
            }

            return entries;
        }

        /// <summary>
        /// The entries in list order, read from the bytes kept (<see cref="Keep"/>). Their <see cref="FileEntry.SourceOffset"/>
        /// counts from the kept bytes, which may be a copy: they are for building output, not for messages.
        /// </summary>
        public IEnumerable<FileEntry> Entries() => Entries(_bytes, 0);

        private IEnumerable<FileEntry> Entries(byte[] encodedFiles, int copyStart)
        {
            byte[] data = _bytes;
            int position = _start + 1;
            while (position < _end - 1)
            {
                if (!CanonicalV1File.TryRead(data, ref position, _end, encodedFiles, copyStart, out FileEntry entry, out _))
                {
                    throw new InvalidOperationException($"the files list at byte {_start} changed after it was checked");
                }

                yield return entry;
            }
        }
    }
}
