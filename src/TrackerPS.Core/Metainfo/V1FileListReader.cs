using System;
using TrackerPS.Core.Bencode;

namespace TrackerPS.Core.Metainfo
{
    /// <summary>
    /// Reads the v1 file list (BEP 3 §info dictionary): <c>length</c> for a single file, or <c>files</c>, a list of
    /// <c>{length, path}</c> with <c>path</c> a list of elements (BEP 47 <c>attr</c> and <c>symlink path</c>, and <c>path.utf-8</c>, honoured).
    /// </summary>
    internal static class V1FileListReader
    {
        private static readonly MetainfoLabel s_filesLabel = "info.files";

        /// <summary>Reads the files; for a single-file torrent, one entry named <paramref name="name"/>.</summary>
        /// <exception cref="MetainfoException">Both or neither of <c>length</c> and <c>files</c>, a malformed entry, or an empty name for a single file.</exception>
        public static FileEntry[] Read(BDictionary info, BString nameBytes, string name, NameDecoder names, MetainfoContext context)
        {
            BValue? length = info["length"];
            BList? files = context.Optional<BList>(info, "files", "info.files");
            if (length is not null && files is not null)
            {
                throw context.Error("'info' has both 'length' (single file) and 'files' (multi-file)", info);
            }

            if (files is not null)
            {
                return ReadMultiFile(files, names, context);
            }

            if (length is null)
            {
                throw context.Error("'info' has neither 'length' (single file) nor 'files' (multi-file)", info);
            }

            if (name.Length == 0)
            {
                // The name is the file's name here, not a folder's; libtorrent rejects it too ("missing name in torrent file").
                throw context.Error("'info.name' is empty; a single-file torrent needs it as the file's name", nameBytes);
            }

            var single = new FileEntry(
                new[] { name },
                context.RequireLength(info, "length", "info.length"),
                FileAttributes.Read(info, "info", context),
                PathSafety.IsUnsafeElement(name),
                info.Offset)
            {
                RawPath = new[] { nameBytes.ToArray() },
            };
            return new[] { single };
        }

        /// <summary>
        /// The <c>files</c> list the decoder left to be read from its bytes (<see cref="PlainFileList"/>), its bytes kept,
        /// when the full read could find nothing in it: names are UTF-8 and there is no <c>length</c> beside it. Null
        /// otherwise: <see cref="Read"/> then reads it, with its errors and warnings.
        /// </summary>
        public static PlainFileList? TryReadPlain(BDictionary info, NameDecoder names, MetainfoContext context)
        {
            PlainFileList? plain = context.PlainFiles;
            if (plain is null || !names.IsUtf8 || info["length"] is not null || info["files"] is not BList { IsDeferred: true } files)
            {
                return null;
            }

            plain.Keep(KeptBytes(files, context, out int copyStart), copyStart);
            return plain;
        }

        private static FileEntry[] ReadMultiFile(BList files, NameDecoder names, MetainfoContext context)
        {
            byte[] encodedFiles = KeptBytes(files, context, out int copyStart);
            if (files.IsDeferred && names.IsUtf8 && context.PlainFiles is PlainFileList plain)
            {
                // A hybrid's: its entries are needed now, for the cross-check with the file tree.
                return plain.ReadEntries(encodedFiles, copyStart);
            }

            if (files.Count == 0)
            {
                throw context.Error("'info.files' is empty", files);
            }

            var elements = new RepeatedPathElements(names);
            var entries = new FileEntry[files.Count];
            BencodeTokenList? tokens = names.IsUtf8 ? files.Tokens : null;
            if (tokens is null)
            {
                int i = 0;
                // One file at a time, none kept: the file dictionaries are garbage as soon as each is read.
                foreach (BValue item in files.EnumerateItems())
                {
                    entries[i] = ReadItem(item, i, names, elements, context, encodedFiles, copyStart);
                    i++;
                }

                return entries;
            }

            // Straight from the tokens: a plain entry (most of them) creates no objects; any other is created and read in full.
            int file = files.TokenIndex + 1;
            for (int i = 0; i < entries.Length; i++)
            {
                if (!PlainV1File.TryRead(tokens, file, encodedFiles, copyStart, out entries[i]))
                {
                    entries[i] = ReadItem(tokens.Create(file), i, names, elements, context, encodedFiles, copyStart);
                }

                file = tokens.Next(file);
            }

            return entries;
        }

        /// <summary>
        /// The bytes each file's raw path is decoded from if it is ever read: one copy of the list, or the input itself when
        /// the list is most of it (a copy would then cost as much memory and an allocation of the input's size) and is the
        /// torrent's own (<see cref="MetainfoContext.InputIsBorrowed"/>).
        /// </summary>
        private static byte[] KeptBytes(BList files, MetainfoContext context, out int copyStart)
        {
            ArraySegment<byte> source = files.RawBytes;
            copyStart = 0;
            if (!context.InputIsBorrowed && source.Count >= source.Array!.Length / 2)
            {
                return source.Array!;
            }

            var copy = new byte[source.Count];
            Buffer.BlockCopy(source.Array!, source.Offset, copy, 0, source.Count);
            copyStart = files.Offset;
            return copy;
        }

        private static FileEntry ReadItem(
            BValue item, int index, NameDecoder names, RepeatedPathElements pathElements, MetainfoContext context, byte[] encodedFiles, int copyStart)
        {
            MetainfoLabel label = s_filesLabel.Index(index);
            if (item is not BDictionary file)
            {
                throw context.Error($"'{label}' must be a dictionary", item);
            }

            return ReadFile(file, label, names, pathElements, context, encodedFiles, copyStart);
        }

        /// <summary>Reads one file; its raw path is left encoded in <paramref name="encodedFiles"/>, the input or a copy of it from <paramref name="copyStart"/>.</summary>
        private static FileEntry ReadFile(
            BDictionary file, MetainfoLabel label, NameDecoder names, RepeatedPathElements pathElements, MetainfoContext context, byte[] encodedFiles, int copyStart)
        {
            MetainfoLabel pathLabel = label.Key("path");
            long length = context.RequireLength(file, "length", label.Key("length"));
            BList path = context.Require<BList>(file, "path", pathLabel);
            if (path.Count == 0)
            {
                throw context.Error($"'{label}.path' is empty", path);
            }

            BList? twin = context.Lenient<BList>(file, "path.utf-8", label.Key("path.utf-8"));
            if (twin is not null && twin.Count != path.Count)
            {
                context.Warn(twin.Offset, $"'{label}.path.utf-8' has a different number of elements than 'path' and is ignored");
                twin = null;
            }

            var elements = new string[path.Count];
            for (int j = 0; j < elements.Length; j++)
            {
                MetainfoLabel elementLabel = pathLabel.Index(j);
                if (path.Items[j] is not BString element)
                {
                    throw context.Error($"'{elementLabel}' must be a string", path.Items[j]);
                }

                elements[j] = pathElements.Decode(j, element, twin?.Items[j] as BString, elementLabel);
            }

            string attributes = FileAttributes.Read(file, label, context);
            SymlinkTarget? symlink = SymlinkTarget.Read(file, attributes, label, names, context);
            if (symlink is not null)
            {
                length = SymlinkTarget.Length(length, file, label, context);
            }

            bool unsafePath = PathSafety.Check(elements, pathLabel, path, context) | (symlink?.HasUnsafePath ?? false);
            return new FileEntry(elements, length, attributes, unsafePath, file.Offset)
            {
                EncodedRawPath = new EncodedPath(encodedFiles, path.Offset - copyStart, path.Length),
                Symlink = symlink,
            };
        }
    }
}
