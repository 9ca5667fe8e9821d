using System.Collections.Generic;
using System.Linq;
using TrackerPS.Core.Bencode;

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
            Walk(tree, new List<string>(), new List<byte[]>(), names, context, files);
            if (files.Count == 0)
            {
                throw context.Error("'info.file tree' holds no files", tree);
            }

            return files.ToArray();
        }

        private static void Walk(BDictionary directory, List<string> path, List<byte[]> raw, NameDecoder names, MetainfoContext context, List<FileEntry> files)
        {
            foreach (KeyValuePair<BString, BValue> entry in directory.EnumerateEntries())
            {
                string label = "info.file tree/" + string.Join("/", path.Concat(new[] { entry.Key.ToString() }));
                if (entry.Value is not BDictionary node)
                {
                    throw context.Error($"'{label}' must be a dictionary", entry.Value);
                }

                path.Add(names.Decode(entry.Key, null, label));
                raw.Add(entry.Key.ToArray());
                BDictionary? leaf = context.Optional<BDictionary>(node, string.Empty, label);
                if (leaf is not null)
                {
                    files.Add(ReadFile(leaf, node, label, path, raw, names, context));
                }
                else
                {
                    Walk(node, path, raw, names, context, files);
                }

                path.RemoveAt(path.Count - 1);
                raw.RemoveAt(raw.Count - 1);
            }
        }

        private static FileEntry ReadFile(BDictionary leaf, BDictionary node, string label, List<string> path, List<byte[]> raw, NameDecoder names, MetainfoContext context)
        {
            if (node.Count > 1)
            {
                context.Warn(node.Offset, $"'{label}' is a file but has other keys besides \"\"; they are ignored");
            }

            string attributes = FileAttributes.Read(leaf, label, context);
            SymlinkTarget? symlink = SymlinkTarget.Read(leaf, attributes, label, names, context);
            // BEP 47 lets a symlink's leaf leave 'length' out, and libtorrent writes none; it accepts any 'l' leaf without one.
            long length = attributes.IndexOf('l') >= 0 && leaf["length"] is null ? 0 : context.RequireLength(leaf, "length", label + ".length");
            if (symlink is not null)
            {
                length = SymlinkTarget.Length(length, leaf, label, context);
            }

            BString? root = context.Optional<BString>(leaf, "pieces root", label + ".pieces root");
            if (root is null && length > 0)
            {
                throw context.Error($"'{label}.pieces root' is missing; BEP 52 requires it for a non-empty file", leaf);
            }

            if (root is not null && root.Count != PiecesRootLength)
            {
                throw context.Error($"'{label}.pieces root' is {root.Count} bytes, not {PiecesRootLength}", root);
            }

            string[] elements = path.ToArray();
            bool unsafePath = PathSafety.Check(elements, label, node, context) | (symlink?.HasUnsafePath ?? false);
            return new FileEntry(elements, length, attributes, unsafePath, leaf.Offset)
            {
                RawPath = raw.ToArray(),
                Symlink = symlink,
                // A pieces root is a SHA-256 like a v2 info-hash, so it shares the hex formatting.
                PiecesRoot = root is null ? null : new InfoHash(root.ToArray()).ToHex(),
            };
        }
    }
}
