using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using TrackerPS.Core.Bencode;
using System.Runtime.CompilerServices;
using TrackerPS.Core.Runtime;

namespace TrackerPS.Core.Authoring
{
    /// <summary>
    /// Writes the <c>info</c> dictionary and <c>piece layers</c> from the content and its hashes, as libtorrent 2.0.8's
    /// <c>create_torrent</c> does: v1 <c>files</c> (or <c>length</c> for one file) with the layout's BEP 47 pad files
    /// <c>{attr: "p", length: N, path: [".pad", "N"]}</c>, <c>pieces</c>; BEP 47 <c>attr</c> 'x' for an executable file and
    /// 'l' with <c>symlink path</c> for a stored symlink (v1 entries and v2 leaves alike, a symlink's leaf without length);
    /// v2 <c>file tree</c> with <c>pieces root</c> for non-empty files (an empty file is <c>{"": {length: 0}}</c>),
    /// <c>meta version</c> 2; <c>piece layers</c> only for files longer than one piece (BEP 52). The bencode is written
    /// as it goes (<see cref="BencodeWriter"/>), keys in sorted order by hand, so a torrent of many files costs no value
    /// tree in memory.
    /// </summary>
    internal static class InfoDictionaryWriter
    {
        private static readonly byte[] s_leafKey = Array.Empty<byte>();

        public static void Info(Stream stream, ContentSet content, string name, ContentLayout layout, PieceHashes hashes, TorrentCreateOptions options)
        {
            var writer = new BencodeWriter(stream);
            writer.StartDictionary();
            bool v1Single = hashes.V1 is not null && content.IsSingleFile;
            ContentFile first = content.Files[0];
            if (v1Single && first.Attributes.Length > 0)
            {
                writer.String("attr");
                writer.String(first.Attributes);
            }

            if (hashes.V2 is not null)
            {
                writer.String("file tree");
                FileTree(writer, content, name, layout, hashes);
            }

            if (hashes.V1 is not null && !content.IsSingleFile)
            {
                writer.String("files");
                V1Files(writer, layout);
            }

            if (v1Single)
            {
                writer.String("length");
                writer.Integer(first.Length);
            }

            if (hashes.V2 is not null)
            {
                writer.String("meta version");
                writer.Integer(2);
            }

            writer.String("name");
            writer.String(name);
            writer.String("piece length");
            writer.Integer(layout.PieceLength);
            if (hashes.V1 is not null)
            {
                writer.String("pieces");
                writer.String(hashes.V1);
            }

            if (options.IsPrivate)
            {
                writer.String("private");
                writer.Integer(1);
            }

            if (options.Source is not null)
            {
                writer.String("source");
                writer.String(options.Source);
            }

            if (v1Single && first.SymlinkTarget is string[] target)
            {
                writer.String("symlink path");
                Path(writer, target);
            }

            writer.End();
        }

        /// <summary>The <c>piece layers</c> dictionary: each multi-piece file's root, in sorted order, with its piece hashes.</summary>
        [MethodImpl(HotPath.Optimized)]
        public static void PieceLayers(Stream stream, ContentLayout layout, PieceHashes hashes)
        {
            var layers = new List<KeyValuePair<BString, int>>();
            for (int i = 0; i < layout.Entries.Count; i++)
            {
                LayoutEntry entry = layout.Entries[i];
                if (entry.File is not null && entry.Length > layout.PieceLength)
                {
                    layers.Add(new KeyValuePair<BString, int>(new BString(hashes.Roots[i]!), i));
                }
            }

            layers.Sort((a, b) => a.Key.CompareBytes(b.Key));
            var writer = new BencodeWriter(stream);
            writer.StartDictionary();
            for (int k = 0; k < layers.Count; k++)
            {
                // Files with the same content have the same root and layer: it is written once.
                if (k > 0 && layers[k - 1].Key.Equals(layers[k].Key))
                {
                    continue;
                }

                LayoutEntry entry = layout.Entries[layers[k].Value];
                long count = (entry.Length + layout.PieceLength - 1) / layout.PieceLength;
                writer.String(hashes.Roots[layers[k].Value]!);
                writer.String(hashes.V2!, (int)(entry.Offset / layout.PieceLength * MerkleTree.HashSize), (int)(count * MerkleTree.HashSize));
            }

            writer.End();
        }

        [MethodImpl(HotPath.Optimized)]
        private static void V1Files(BencodeWriter writer, ContentLayout layout)
        {
            writer.StartList();
            foreach (LayoutEntry entry in layout.Entries)
            {
                writer.StartDictionary();
                if (entry.File is null)
                {
                    writer.String("attr");
                    writer.String("p");
                    writer.String("length");
                    writer.Integer(entry.Length);
                    writer.String("path");
                    Path(writer, new[] { ".pad", entry.Length.ToString(CultureInfo.InvariantCulture) });
                }
                else
                {
                    Attributes(writer, entry.File);
                    writer.String("length");
                    writer.Integer(entry.Length);
                    writer.String("path");
                    writer.StartList();
                    foreach (byte[] element in entry.File.PathBytes)
                    {
                        writer.String(element);
                    }

                    writer.End();
                    SymlinkPath(writer, entry.File);
                }

                writer.End();
            }

            writer.End();
        }

        /// <summary>
        /// The BEP 52 file tree: a dictionary per folder, keyed by path element, a file being <c>{"": leaf}</c>. Files come
        /// in <see cref="PathOrder"/> (element by element, as raw bytes), which is the tree's sorted key order, so each
        /// file only closes the folders it leaves and opens the ones it enters.
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        private static void FileTree(BencodeWriter writer, ContentSet content, string name, ContentLayout layout, PieceHashes hashes)
        {
            writer.StartDictionary();
            byte[][] open = Array.Empty<byte[]>();
            byte[][] single = { Encoding.UTF8.GetBytes(name) };
            for (int i = 0; i < layout.Entries.Count; i++)
            {
                ContentFile? file = layout.Entries[i].File;
                if (file is null)
                {
                    continue;
                }

                byte[][] path = content.IsSingleFile ? single : file.PathBytes;
                int shared = Shared(open, path);
                for (int k = open.Length; k > shared; k--)
                {
                    writer.End();
                }

                for (int k = shared; k < path.Length; k++)
                {
                    writer.String(path[k]);
                    writer.StartDictionary();
                }

                writer.String(s_leafKey);
                Leaf(writer, file, hashes.Roots[i]);
                open = path;
            }

            for (int k = 0; k <= open.Length; k++)
            {
                writer.End();
            }
        }

        /// <summary>How many leading folders two paths share (never the last element, which is the file itself).</summary>
        [MethodImpl(HotPath.Optimized)]
        private static int Shared(byte[][] previous, byte[][] path)
        {
            int shared = 0;
            int limit = Math.Min(previous.Length, path.Length) - 1;
            while (shared < limit && BString.CompareBytes(previous[shared], 0, previous[shared].Length, path[shared], 0, path[shared].Length) == 0)
            {
                shared++;
            }

            return shared;
        }

        /// <summary>A file's v2 leaf; libtorrent 2.0.8 gives a symlink's leaf no length (BEP 47 allows leaving it out).</summary>
        [MethodImpl(HotPath.Optimized)]
        private static void Leaf(BencodeWriter writer, ContentFile file, byte[]? pieceRoot)
        {
            writer.StartDictionary();
            Attributes(writer, file);
            if (!file.IsSymlink)
            {
                writer.String("length");
                writer.Integer(file.Length);
            }

            if (pieceRoot is not null)
            {
                writer.String("pieces root");
                writer.String(pieceRoot);
            }

            SymlinkPath(writer, file);
            writer.End();
        }

        /// <summary>BEP 47 <c>attr</c> ('x', 'l'); nothing for a plain file.</summary>
        [MethodImpl(HotPath.Optimized)]
        private static void Attributes(BencodeWriter writer, ContentFile file)
        {
            if (file.Attributes.Length > 0)
            {
                writer.String("attr");
                writer.String(file.Attributes);
            }
        }

        /// <summary>BEP 47 <c>symlink path</c> for a symlink; nothing for a file.</summary>
        [MethodImpl(HotPath.Optimized)]
        private static void SymlinkPath(BencodeWriter writer, ContentFile file)
        {
            if (file.SymlinkTarget is string[] target)
            {
                writer.String("symlink path");
                Path(writer, target);
            }
        }

        [MethodImpl(HotPath.Optimized)]
        private static void Path(BencodeWriter writer, string[] elements)
        {
            writer.StartList();
            foreach (string element in elements)
            {
                writer.String(element);
            }

            writer.End();
        }
    }
}
