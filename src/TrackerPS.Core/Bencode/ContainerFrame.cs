namespace TrackerPS.Core.Bencode
{
    /// <summary>An open list or dictionary while <see cref="BencodeDecoder"/> reads it: its token, its children so far and, for a dictionary, key bookkeeping.</summary>
    internal struct ContainerFrame
    {
        public ContainerFrame(int index, bool isDictionary)
        {
            Index = index;
            IsDictionary = isDictionary;
            ChildCount = 0;
            PendingKey = -1;
            PreviousKey = -1;
            Unsorted = false;
        }

        /// <summary>The container's token.</summary>
        public int Index { get; }

        public bool IsDictionary { get; }

        /// <summary>Children so far; a dictionary counts keys and values.</summary>
        public int ChildCount { get; set; }

        /// <summary>The token of a key read but whose value has not been, or -1.</summary>
        public int PendingKey { get; set; }

        /// <summary>The token of the last key read, or -1.</summary>
        public int PreviousKey { get; set; }

        /// <summary>True once a key came before the previous one in byte order.</summary>
        public bool Unsorted { get; set; }

        public bool ExpectsKey => IsDictionary && PendingKey < 0;

        public string Describe() => IsDictionary ? "dictionary" : "list";
    }
}
