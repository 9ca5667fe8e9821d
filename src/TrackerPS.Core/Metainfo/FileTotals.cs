namespace TrackerPS.Core.Metainfo
{
    /// <summary>What a torrent's file list adds up to: the real files (pad files left out) and whether any path is unsafe.</summary>
    internal readonly struct FileTotals
    {
        /// <param name="count">Number of real files.</param>
        /// <param name="size">Total size in bytes of the real files.</param>
        /// <param name="hasUnsafePath">True when any path is unsafe.</param>
        public FileTotals(int count, long size, bool hasUnsafePath)
        {
            Count = count;
            Size = size;
            HasUnsafePath = hasUnsafePath;
        }

        /// <summary>Number of real files.</summary>
        public int Count { get; }

        /// <summary>Total size in bytes of the real files.</summary>
        public long Size { get; }

        /// <summary>True when any file, pad files included, has an unsafe path element.</summary>
        public bool HasUnsafePath { get; }

        /// <summary>Adds up the files in one pass.</summary>
        public static FileTotals Of(FileEntry[] files)
        {
            int count = 0;
            long size = 0;
            bool hasUnsafePath = false;
            foreach (FileEntry file in files)
            {
                hasUnsafePath |= file.HasUnsafePath;
                if (!file.IsPadding)
                {
                    count++;
                    size += file.Length;
                }
            }

            return new FileTotals(count, size, hasUnsafePath);
        }
    }
}
