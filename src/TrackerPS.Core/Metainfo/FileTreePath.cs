using System;
using TrackerPS.Core.Bencode;

namespace TrackerPS.Core.Metainfo
{
    /// <summary>
    /// Where a node of a v2 <c>file tree</c> (BEP 52) sits: its key, its decoded name and its parent, so every file shares
    /// its directories' nodes. A path is joined (<see cref="ToString"/>) only when read. Building each file's whole path
    /// and label up front made a 64 KB tree (one directory with a 30,000-byte name holding 1,304 empty files) allocate
    /// 375 MiB; the nodes take memory in proportion to the input, and each element is checked (<see cref="PathSafety"/>)
    /// once, not once per file below it.
    /// </summary>
    internal sealed class FileTreePath
    {
        /// <summary>The node below <paramref name="parent"/> (null: the top of the tree) at <paramref name="key"/>; warns when its name is unsafe.</summary>
        public FileTreePath(FileTreePath? parent, BString key, NameDecoder names, MetainfoContext context)
        {
            Parent = parent;
            // Kept for the raw path and labels: out of a buffer the next read overwrites, a copy.
            Key = context.InputIsBorrowed ? new BString(key.ToArray()) : key;
            Depth = (parent?.Depth ?? 0) + 1;
            Element = names.Decode(key, null, Label);
            Length = parent is null ? Element.Length : parent.Length + 1 + Element.Length;
            HasUnsafeElement = PathSafety.Check(new[] { Element }, Label, key, context) | (parent?.HasUnsafeElement ?? false);
            HasPadName = Element.StartsWith(FileEntry.BitCometPadPrefix, StringComparison.Ordinal) || (parent?.HasPadName ?? false);
        }

        /// <summary>The directory holding this node, or null at the top of the tree.</summary>
        public FileTreePath? Parent { get; }

        /// <summary>The node's key as stored.</summary>
        public BString Key { get; }

        /// <summary>The node's decoded name.</summary>
        public string Element { get; }

        /// <summary>Number of elements from the top of the tree down to this node.</summary>
        public int Depth { get; }

        /// <summary>Length in chars of the joined path.</summary>
        public int Length { get; }

        /// <summary>True when this element or one above it is unsafe (see <see cref="PathSafety.IsUnsafeElement"/>).</summary>
        public bool HasUnsafeElement { get; }

        /// <summary>True when this element or one above it has BitComet's pad file prefix.</summary>
        public bool HasPadName { get; }

        /// <summary>The node's label for messages, <c>info.file tree/a/b</c> from the keys as stored, joined when a message is written.</summary>
        public MetainfoLabel Label => new MetainfoLabel(this);

        /// <summary>The decoded names from the top, joined with '/'.</summary>
        public override string ToString()
        {
            var joined = new char[Length];
            for (FileTreePath? node = this; node is not null; node = node.Parent)
            {
                int start = node.Parent is null ? 0 : node.Length - node.Element.Length;
                node.Element.CopyTo(0, joined, start, node.Element.Length);
                if (start > 0)
                {
                    joined[start - 1] = '/';
                }
            }

            return new string(joined);
        }

        /// <summary>True when <paramref name="path"/> is <see cref="ToString"/>'s text, compared node by node without joining it.</summary>
        public bool Matches(string path)
        {
            if (path.Length != Length)
            {
                return false;
            }

            for (FileTreePath? node = this; node is not null; node = node.Parent)
            {
                int start = node.Parent is null ? 0 : node.Length - node.Element.Length;
                if (string.CompareOrdinal(path, start, node.Element, 0, node.Element.Length) != 0 || (start > 0 && path[start - 1] != '/'))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The keys as stored from the top, joined with '/', for messages.</summary>
        public string KeyText()
        {
            var parts = new string[Depth];
            FileTreePath? node = this;
            for (int i = Depth - 1; i >= 0; i--, node = node.Parent)
            {
                parts[i] = node!.Key.ToString();
            }

            return string.Join("/", parts);
        }

        /// <summary>The raw bytes of each element from the top (<see cref="TorrentFile.RawPath"/>).</summary>
        public byte[][] RawElements()
        {
            var raw = new byte[Depth][];
            FileTreePath? node = this;
            for (int i = Depth - 1; i >= 0; i--, node = node.Parent)
            {
                raw[i] = node!.Key.ToArray();
            }

            return raw;
        }
    }
}
