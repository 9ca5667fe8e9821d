using System.Runtime.CompilerServices;
using System.Collections.Generic;
using TrackerPS.Core.Bencode;
using TrackerPS.Core.Runtime;

namespace TrackerPS.Core.Metainfo
{
    /// <summary>
    /// Reads the v2 <c>file tree</c> (BEP 52 §info dictionary): nested dictionaries keyed by path element; a file is a
    /// node whose only key is the empty string, mapping to <c>{length, pieces root}</c>. Files come out in tree order,
    /// which for canonical bencode is byte order at each level.
    /// </summary>
    internal static class V2FileTreeReader
    {
        /// <summary>Length of a <c>pieces root</c>: one SHA-256 (BEP 52).</summary>
        public const int PiecesRootLength = 32;

        /// <exception cref="MetainfoException">A node is not a dictionary, a file lacks <c>length</c> (only a BEP 47 symlink may), or a root is malformed.</exception>
        public static FileEntry[] Read(BDictionary info, NameDecoder names, MetainfoContext context)
        {
            BDictionary tree = context.Require<BDictionary>(info, "file tree", "info.file tree");
            if (tree[string.Empty] is not null)
            {
                throw context.Error("'info.file tree' must be a directory, not a file", tree);
            }

            var files = new List<FileEntry>();
            // The decoder caps nesting depth (BencodeLimits.MaxDepth), so this recursion is bounded.
            Walk(tree, null, names, context, files);
            if (files.Count == 0)
            {
                throw context.Error("'info.file tree' holds no files", tree);
            }

            return files.ToArray();
        }

        /// <summary>
        /// Reads the nodes of <paramref name="directory"/>, whose own node is <paramref name="parent"/> (null at the top):
        /// a decoded tree straight from its tokens, where a plain file (<see cref="PlainV2File"/>) creates no values.
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        private static void Walk(BDictionary directory, FileTreePath? parent, NameDecoder names, MetainfoContext context, List<FileEntry> files)
        {
            BencodeTokenList? tokens = directory.Tokens;
            if (tokens is null)
            {
                foreach (KeyValuePair<BString, BValue> entry in directory.EnumerateEntries())
                {
                    ReadNode(entry.Value, new FileTreePath(parent, entry.Key, names, context), names, context, files);
                }

                return;
            }

            int end = tokens.Next(directory.TokenIndex);
            for (int key = directory.TokenIndex + 1; key < end; key = tokens.Next(key + 1))
            {
                var path = new FileTreePath(parent, tokens.CreateString(key), names, context);
                if (PlainV2File.TryRead(tokens, key + 1, path, out FileEntry file))
                {
                    files.Add(file);
                }
                else
                {
                    ReadNode(tokens.Create(key + 1), path, names, context, files);
                }
            }
        }

        /// <summary>Reads one node of the tree the full way: a file, or a directory walked in turn.</summary>
        [MethodImpl(HotPath.Optimized)]
        private static void ReadNode(BValue value, FileTreePath path, NameDecoder names, MetainfoContext context, List<FileEntry> files)
        {
            if (value is not BDictionary node)
            {
                throw context.Error($"'{path.Label}' must be a dictionary", value);
            }

            BDictionary? leaf = context.Optional<BDictionary>(node, string.Empty, path.Label);
            if (leaf is not null)
            {
                files.Add(ReadFile(leaf, node, path, names, context));
            }
            else
            {
                Walk(node, path, names, context, files);
            }
        }

        [MethodImpl(HotPath.Optimized)]
        private static FileEntry ReadFile(BDictionary leaf, BDictionary node, FileTreePath path, NameDecoder names, MetainfoContext context)
        {
            MetainfoLabel label = path.Label;
            if (node.Count > 1)
            {
                context.Warn(node.Offset, $"'{label}' is a file but has other keys besides \"\"; they are ignored");
            }

            string attributes = FileAttributes.Read(leaf, label, context);
            SymlinkTarget? symlink = SymlinkTarget.Read(leaf, attributes, label, names, context);
            // BEP 47 lets a symlink's leaf leave 'length' out, and libtorrent writes none; it accepts any 'l' leaf without one.
            long length = attributes.IndexOf('l') >= 0 && leaf["length"] is null ? 0 : context.RequireLength(leaf, "length", label.Key("length"));
            if (symlink is not null)
            {
                length = SymlinkTarget.Length(length, leaf, label, context);
            }

            BString? root = context.Optional<BString>(leaf, "pieces root", label.Key("pieces root"));
            if (root is null && length > 0)
            {
                throw context.Error($"'{label}.pieces root' is missing; BEP 52 requires it for a non-empty file", leaf);
            }

            if (root is not null && root.Count != PiecesRootLength)
            {
                throw context.Error($"'{label}.pieces root' is {root.Count} bytes, not {PiecesRootLength}", root);
            }

            bool unsafePath = path.HasUnsafeElement | (symlink?.HasUnsafePath ?? false);
            return new FileEntry(path, length, attributes, unsafePath, leaf.Offset)
            {
                Symlink = symlink,
                PiecesRoot = root is null ? null : PiecesRootHex(root.Bytes.Array!, root.Bytes.Offset),
            };
        }

        /// <summary>
        /// A pieces root as hex: a SHA-256 like a v2 info-hash, so it shares the hex formatting; encoded from the input in
        /// place, with no copy of its 32 bytes.
        /// </summary>
        internal static string PiecesRootHex(byte[] data, int offset) => Hex.Encode(data, offset, PiecesRootLength);
    }
}
