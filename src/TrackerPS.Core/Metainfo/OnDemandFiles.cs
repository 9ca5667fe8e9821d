using System.Collections.Generic;

namespace TrackerPS.Core.Metainfo
{
    /// <summary>
    /// A torrent's files as read and checked, turned into <see cref="TorrentFile"/> objects only when
    /// <see cref="TorrentInfo.Files"/> is first read. Every check, error and warning happened while the torrent was read;
    /// building the objects cannot fail. Building them for every torrent was about a ninth of what a 50,000-file torrent
    /// allocated, and a listing, an info-hash or an announce never looks at them. A plain files list
    /// (<see cref="PlainFileList"/>) is not even read into entries until then.
    /// </summary>
    internal sealed class OnDemandFiles
    {
        private readonly FileEntry[]? _entries;
        private readonly long[]? _offsets;
        private readonly PlainFileList? _plain;
        private readonly bool _includePadFiles;
        private readonly int _count;
        private readonly int _realCount;

        /// <param name="entries">The files in torrent order, pad files included.</param>
        /// <param name="offsets">Each file's offset (<see cref="FileLayout"/>).</param>
        /// <param name="includePadFiles">True to list pad files too (<see cref="TorrentReadOptions.IncludePadFiles"/>).</param>
        /// <param name="realCount">Number of files that are not pad files.</param>
        public OnDemandFiles(FileEntry[] entries, long[] offsets, bool includePadFiles, int realCount)
        {
            _entries = entries;
            _offsets = offsets;
            _includePadFiles = includePadFiles;
            _count = entries.Length;
            _realCount = realCount;
        }

        /// <param name="plain">A plain v1 files list, its bytes kept (<see cref="PlainFileList.Keep"/>); its files lie back to back.</param>
        /// <param name="includePadFiles">True to list pad files too.</param>
        public OnDemandFiles(PlainFileList plain, bool includePadFiles)
        {
            _plain = plain;
            _includePadFiles = includePadFiles;
            _count = plain.Count;
            _realCount = plain.Totals.Count;
        }

        /// <summary>The output files with their offsets: every file, or only the real ones (pad files left out).</summary>
        public TorrentFile[] Create()
        {
            var output = new TorrentFile[_includePadFiles ? _count : _realCount];
            int next = 0;
            foreach ((FileEntry entry, long offset) in Laid())
            {
                if (_includePadFiles || !entry.IsPadding)
                {
                    output[next++] = entry.ToTorrentFile(offset);
                }
            }

            return output;
        }

        /// <summary>Each file with its offset, in torrent order.</summary>
        private IEnumerable<(FileEntry Entry, long Offset)> Laid()
        {
            if (_plain is null)
            {
                for (int i = 0; i < _entries!.Length; i++)
                {
                    yield return (_entries[i], _offsets![i]);
                }

                yield break;
            }

            long offset = 0;
            foreach (FileEntry entry in _plain.Entries())
            {
                yield return (entry, offset);
                offset += entry.Length;
            }
        }
    }
}
