namespace TrackerPS.Core.Authoring
{
    /// <summary>
    /// What <see cref="HashingPipeline"/> computed over a layout: the v1 SHA-1 piece hashes and, for v2, each file's
    /// <c>pieces root</c> and the SHA-256 piece hashes its <c>piece layers</c> entry is made of (BEP 3, BEP 52).
    /// </summary>
    public sealed class PieceHashes
    {
        internal PieceHashes(byte[]? v1, byte[]? v2, byte[]?[] roots)
        {
            V1 = v1;
            V2 = v2;
            Roots = roots;
        }

        /// <summary>The v1 piece hashes, 20 bytes per piece in stream order (BEP 3 <c>pieces</c>), or null when not computed.</summary>
        public byte[]? V1 { get; }

        /// <summary>
        /// The v2 piece hashes, 32 bytes per piece of the layout, or null when not computed. Only pieces of files longer
        /// than one piece are set (they make <c>piece layers</c>); the rest are zeros.
        /// </summary>
        public byte[]? V2 { get; }

        /// <summary>Per layout entry, the file's BEP 52 <c>pieces root</c> (32 bytes); null for pads, empty files and without v2.</summary>
        public byte[]?[] Roots { get; }
    }
}
