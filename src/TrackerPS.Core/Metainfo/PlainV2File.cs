using System.Runtime.CompilerServices;
using TrackerPS.Core.Bencode;
using TrackerPS.Core.Runtime;

namespace TrackerPS.Core.Metainfo
{
    /// <summary>
    /// Reads one file node of a v2 <c>file tree</c> (BEP 52: <c>{"": {length, pieces root}}</c>) straight from the
    /// decoder's tokens, creating no values, when reading it the full way (<see cref="V2FileTreeReader"/>) could neither
    /// fail nor warn nor find anything beyond its length and its root: a node whose only key is the empty string, holding
    /// a dictionary with a <c>length</c> (a 64-bit integer of at least 0) and, only and always for a non-empty file, a
    /// 32-byte <c>pieces root</c>, each once, and no other key (<c>attr</c>, <c>symlink path</c>). Any other node is left
    /// to the full reader, which gives its errors and warnings in order. Reading every file node as values cost about 225
    /// bytes more per file (1,037 against 812 for 50,000 one-piece files, <c>FileListAllocationTests</c>).
    /// </summary>
    internal static class PlainV2File
    {
        /// <summary>Reads the node at token <paramref name="node"/> when it is a plain file.</summary>
        /// <param name="tokens">The decoder's tokens.</param>
        /// <param name="node">The node's token (a value in its directory).</param>
        /// <param name="path">The node's path, already read.</param>
        /// <param name="entry">The file; default when false.</param>
        /// <returns>False when the node is a directory or not plain, and must be read the full way.</returns>
        [MethodImpl(HotPath.Optimized)]
        public static bool TryRead(BencodeTokenList tokens, int node, FileTreePath path, out FileEntry entry)
        {
            entry = default;
            int leaf = node + 2;
            if (tokens.Kind(node) != BencodeKind.Dictionary || tokens.ChildCount(node) != 2 || !tokens.StringEquals(node + 1, string.Empty)
                || tokens.Kind(leaf) != BencodeKind.Dictionary)
            {
                return false;
            }

            int length = -1;
            int root = -1;
            int end = tokens.Next(leaf);
            for (int key = leaf + 1; key < end; key = tokens.Next(key + 1))
            {
                if (length < 0 && tokens.StringEquals(key, "length"))
                {
                    length = key + 1;
                }
                else if (root < 0 && tokens.StringEquals(key, "pieces root"))
                {
                    root = key + 1;
                }
                else
                {
                    return false;
                }
            }

            if (length < 0 || tokens.Kind(length) != BencodeKind.Integer || tokens.Length(length) > PlainV1File.LongestPlainLength || tokens.IntegerValue(length) < 0)
            {
                return false;
            }

            long size = tokens.IntegerValue(length);
            bool rootRight = root < 0 ? size == 0 : tokens.Kind(root) == BencodeKind.String && tokens.StringCount(root) == V2FileTreeReader.PiecesRootLength;
            if (!rootRight)
            {
                return false;
            }

            entry = new FileEntry(path, size, string.Empty, path.HasUnsafeElement, tokens.Offset(leaf))
            {
                PiecesRoot = root < 0 ? null : V2FileTreeReader.PiecesRootHex(tokens.Data, tokens.StringStart(root)),
            };
            return true;
        }
    }
}
