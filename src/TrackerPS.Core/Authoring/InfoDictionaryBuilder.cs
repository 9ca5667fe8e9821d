using System;
using System.Collections.Generic;
using System.Linq;
using TrackerPS.Core.Bencode;

namespace TrackerPS.Core.Authoring
{
    /// <summary>
    /// Builds the <c>info</c> dictionary and <c>piece layers</c> from the content and its hashes, as libtorrent 2.0.8's
    /// <c>create_torrent</c> does: v1 <c>files</c> (or <c>length</c> for one file) with the layout's BEP 47 pad files
    /// <c>{attr: "p", length: N, path: [".pad", "N"]}</c>, <c>pieces</c>; BEP 47 <c>attr</c> 'x' for an executable file and
    /// 'l' with <c>symlink path</c> for a stored symlink (v1 entries and v2 leaves alike, a symlink's leaf without length); v2 <c>file tree</c> with <c>pieces root</c> for
    /// non-empty files (an empty file is <c>{"": {length: 0}}</c>), <c>meta version</c> 2; <c>piece layers</c> only for
    /// files longer than one piece (BEP 52). Keys are sorted by the encoder.
    /// </summary>
    internal static class InfoDictionaryBuilder
    {
        public static BDictionary BuildInfo(ContentSet content, string name, ContentLayout layout, PieceHashes hashes, TorrentCreateOptions options)
        {
            var info = new List<KeyValuePair<BString, BValue>>
            {
                Entry("name", new BString(name)),
                Entry("piece length", new BInteger(layout.PieceLength)),
            };
            if (hashes.V1 is not null)
            {
                info.Add(Entry("pieces", new BString(hashes.V1)));
                if (content.IsSingleFile)
                {
                    info.Add(Entry("length", new BInteger(content.Files[0].Length)));
                    AddAttributes(info, content.Files[0]);
                }
                else
                {
                    info.Add(Entry("files", V1Files(layout)));
                }
            }

            if (hashes.V2 is not null)
            {
                info.Add(Entry("meta version", new BInteger(2)));
                info.Add(Entry("file tree", FileTree(content, name, layout, hashes)));
            }

            if (options.IsPrivate)
            {
                info.Add(Entry("private", new BInteger(1)));
            }

            if (options.Source is not null)
            {
                info.Add(Entry("source", new BString(options.Source)));
            }

            return new BDictionary(info);
        }

        public static BDictionary PieceLayers(ContentLayout layout, PieceHashes hashes)
        {
            var layers = new List<KeyValuePair<BString, BValue>>();
            var roots = new HashSet<BString>();
            for (int i = 0; i < layout.Entries.Count; i++)
            {
                LayoutEntry entry = layout.Entries[i];
                if (entry.File is null || entry.Length <= layout.PieceLength)
                {
                    continue;
                }

                long first = entry.Offset / layout.PieceLength;
                long count = (entry.Length + layout.PieceLength - 1) / layout.PieceLength;
                var layer = new byte[count * MerkleTree.HashSize];
                Buffer.BlockCopy(hashes.V2!, (int)(first * MerkleTree.HashSize), layer, 0, layer.Length);
                var root = new BString(hashes.Roots[i]!);
                if (roots.Add(root))
                {
                    layers.Add(new KeyValuePair<BString, BValue>(root, new BString(layer)));
                }
            }

            return new BDictionary(layers);
        }

        private static BList V1Files(ContentLayout layout)
        {
            var files = new List<BValue>();
            foreach (LayoutEntry entry in layout.Entries)
            {
                if (entry.File is null)
                {
                    string size = entry.Length.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    files.Add(new BDictionary(new[]
                    {
                        Entry("attr", new BString("p")),
                        Entry("length", new BInteger(entry.Length)),
                        Entry("path", new BList(new BValue[] { new BString(".pad"), new BString(size) })),
                    }));
                }
                else
                {
                    var file = new List<KeyValuePair<BString, BValue>>
                    {
                        Entry("length", new BInteger(entry.Length)),
                        Entry("path", new BList(entry.File.PathBytes.Select(p => (BValue)new BString(p)))),
                    };
                    AddAttributes(file, entry.File);
                    files.Add(new BDictionary(file));
                }
            }

            return new BList(files);
        }

        private static BDictionary FileTree(ContentSet content, string name, ContentLayout layout, PieceHashes hashes)
        {
            var root = new TreeNode();
            for (int i = 0; i < layout.Entries.Count; i++)
            {
                ContentFile? file = layout.Entries[i].File;
                if (file is null)
                {
                    continue;
                }

                TreeNode node = root;
                IEnumerable<byte[]> path = content.IsSingleFile ? new[] { System.Text.Encoding.UTF8.GetBytes(name) } : file.PathBytes;
                foreach (byte[] element in path)
                {
                    node = node.Child(new BString(element));
                }

                // libtorrent 2.0.8 gives a symlink's leaf no length (BEP 47 allows leaving it out).
                var leaf = new List<KeyValuePair<BString, BValue>>();
                if (!file.IsSymlink)
                {
                    leaf.Add(Entry("length", new BInteger(file.Length)));
                }

                AddAttributes(leaf, file);
                if (hashes.Roots[i] is byte[] pieceRoot)
                {
                    leaf.Add(Entry("pieces root", new BString(pieceRoot)));
                }

                node.Leaf = new BDictionary(leaf);
            }

            return root.ToDictionary();
        }

        /// <summary>BEP 47 <c>attr</c> ('x', 'l') and, for a symlink, <c>symlink path</c>; nothing for a plain file.</summary>
        private static void AddAttributes(List<KeyValuePair<BString, BValue>> entries, ContentFile file)
        {
            if (file.Attributes.Length > 0)
            {
                entries.Add(Entry("attr", new BString(file.Attributes)));
            }

            if (file.SymlinkTarget is string[] target)
            {
                entries.Add(Entry("symlink path", new BList(target.Select(e => (BValue)new BString(e)))));
            }
        }

        private static KeyValuePair<BString, BValue> Entry(string key, BValue value) => new KeyValuePair<BString, BValue>(new BString(key), value);

        /// <summary>A folder of the file tree being built; a file is a node whose <see cref="Leaf"/> is set (the "" key).</summary>
        private sealed class TreeNode
        {
            private readonly List<KeyValuePair<BString, TreeNode>> _children = new List<KeyValuePair<BString, TreeNode>>();

            public BDictionary? Leaf { get; set; }

            public TreeNode Child(BString name)
            {
                // Files come in PathOrder, so a folder's files are contiguous: only the last child can match.
                if (_children.Count > 0 && _children[_children.Count - 1].Key.Equals(name))
                {
                    return _children[_children.Count - 1].Value;
                }

                var node = new TreeNode();
                _children.Add(new KeyValuePair<BString, TreeNode>(name, node));
                return node;
            }

            public BDictionary ToDictionary()
            {
                var entries = _children.Select(c => new KeyValuePair<BString, BValue>(c.Key, c.Value.ToDictionary())).ToList();
                if (Leaf is not null)
                {
                    entries.Add(Entry(string.Empty, Leaf));
                }

                return new BDictionary(entries);
            }
        }
    }
}
