namespace TrackerPS.Core.Metainfo
{
    /// <summary>
    /// A torrent's files as read and checked, turned into <see cref="TorrentFile"/> objects only when
    /// <see cref="TorrentInfo.Files"/> is first read. Every check, error and warning happened while the torrent was read;
    /// building the objects cannot fail. Building them for every torrent was about a ninth of what a 50,000-file torrent
    /// allocated, and a listing, an info-hash or an announce never looks at them.
    /// </summary>
    internal sealed class OnDemandFiles
    {
        private readonly FileEntry[] _entries;
        private readonly long[] _offsets;
        private readonly bool _includePadFiles;
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
            _realCount = realCount;
        }

        /// <summary>The output files with their offsets: every file, or only the real ones (pad files left out).</summary>
        public TorrentFile[] Create()
        {
            var output = new TorrentFile[_includePadFiles ? _entries.Length : _realCount];
            int next = 0;
            for (int i = 0; i < _entries.Length; i++)
            {
                if (_includePadFiles || !_entries[i].IsPadding)
                {
                    output[next++] = _entries[i].ToTorrentFile(_offsets[i]);
                }
            }

            return output;
        }
    }
}
