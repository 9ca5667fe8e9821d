using System.Runtime.InteropServices;

namespace TrackerPS.Core.Bencode
{
    /// <summary>
    /// One decoded value in a <see cref="BencodeTokenList"/>: where its encoding sits in the input and where its subtree
    /// ends. A plain struct with no references, so a list of 300,000 of them is one array the GC never has to scan.
    /// </summary>
    [StructLayout(LayoutKind.Auto)]
    internal struct BencodeToken
    {
        /// <summary>Byte offset of the value's first byte (its kind is read back from that byte).</summary>
        public int Offset;

        /// <summary>Length in bytes of the whole encoded value.</summary>
        public int Length;

        /// <summary>Index of the token after this value's subtree: the next sibling, or the end of the parent.</summary>
        public int Next;

        /// <summary>A string's content offset, an integer's index in the integer table, or a container's child count (keys and values each count once).</summary>
        public int Data;
    }
}
