using System;

namespace TrackerPS.Core.Bencode
{
    /// <summary>
    /// The limits and strictness a <see cref="BencodeDecoder"/> applies. Every limit is explicit, so a hostile
    /// input fails fast with a clear error instead of exhausting memory or the stack.
    /// </summary>
    public sealed class BencodeLimits
    {
        /// <summary>Default <see cref="MaxDepth"/>: 100 nested lists or dictionaries.</summary>
        public const int DefaultMaxDepth = 100;

        /// <summary>Default <see cref="MaxInputSize"/>: 64 MiB, ample for any real .torrent file.</summary>
        public const int DefaultMaxInputSize = 64 * 1024 * 1024;

        /// <summary>Default <see cref="MaxTokens"/>: 4,000,000 values (a 50,000-file torrent has about 300,000).</summary>
        public const int DefaultMaxTokens = 4_000_000;

        /// <summary>The limits used when none are given: lenient, with the default limits.</summary>
        public static BencodeLimits Default { get; } = new BencodeLimits();

        /// <summary>Maximum nesting depth of lists and dictionaries; the root container is depth 1.</summary>
        public int MaxDepth { get; set; } = DefaultMaxDepth;

        /// <summary>Maximum input size in bytes.</summary>
        public int MaxInputSize { get; set; } = DefaultMaxInputSize;

        /// <summary>Maximum number of values (integers, strings, lists and dictionaries, keys included).</summary>
        public int MaxTokens { get; set; } = DefaultMaxTokens;

        /// <summary>
        /// When true, non-canonical encodings (unsorted keys, leading zeros, <c>-0</c>) are errors; when false
        /// (the default) they are accepted and reported in <see cref="BencodeDocument.Warnings"/>.
        /// </summary>
        public bool Strict { get; set; }

        /// <summary>
        /// When true, integers beyond 64 bits are accepted (<see cref="BInteger.IsBig"/>, <see cref="BInteger.BigValue"/>),
        /// as BEP 3 sets no limit; when false (the default) they are an error. The metainfo reader never allows them.
        /// </summary>
        public bool AllowBigIntegers { get; set; }

        /// <summary>When true, bytes after the root value are allowed and counted in <see cref="BencodeDocument.TrailingBytes"/>; when false they are an error.</summary>
        public bool AllowTrailingBytes { get; set; }

        internal void Validate()
        {
            if (MaxDepth < 1 || MaxInputSize < 1 || MaxTokens < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(BencodeLimits), "Bencode limits must be positive.");
            }
        }
    }
}
