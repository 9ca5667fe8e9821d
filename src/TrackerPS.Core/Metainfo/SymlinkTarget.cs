using TrackerPS.Core.Bencode;

namespace TrackerPS.Core.Metainfo
{
    /// <summary>
    /// Where a BEP 47 symlink points: <c>symlink path</c>, a list of path elements from the torrent root. Made only for the
    /// few files that are symlinks, so the other files of a large torrent carry one null reference and nothing more.
    /// </summary>
    internal sealed class SymlinkTarget
    {
        private SymlinkTarget(string path, byte[][] rawPath, bool hasUnsafePath)
        {
            Path = path;
            RawPath = rawPath;
            HasUnsafePath = hasUnsafePath;
        }

        /// <summary>The decoded elements joined with '/', as <see cref="FileEntry.Path"/> is.</summary>
        public string Path { get; }

        /// <summary>The raw bytes of each element as stored.</summary>
        public byte[][] RawPath { get; }

        /// <summary>True when an element is unsafe (see <see cref="PathSafety"/>): the link could point outside the torrent.</summary>
        public bool HasUnsafePath { get; }

        /// <summary>
        /// The target of a file whose <c>attr</c> has <c>l</c>, or null for any other file. Like libtorrent, a file is a
        /// symlink only when it also has <c>symlink path</c>; an <c>l</c> without one is a regular file, with a warning.
        /// </summary>
        /// <exception cref="MetainfoException"><c>symlink path</c> is empty or holds a non-string.</exception>
        public static SymlinkTarget? Read(BDictionary file, string attributes, MetainfoLabel label, NameDecoder names, MetainfoContext context)
        {
            if (attributes.IndexOf('l') < 0)
            {
                return null;
            }

            MetainfoLabel pathLabel = label.Key("symlink path");
            BList? list = context.Lenient<BList>(file, "symlink path", pathLabel);
            if (list is null)
            {
                context.Warn(file.Offset, $"'{label.Key("attr")}' has 'l' (symlink) but '{pathLabel}' is missing; read as a regular file (BEP 47)");
                return null;
            }

            if (list.Count == 0)
            {
                throw context.Error($"'{pathLabel}' is empty", list);
            }

            var elements = new string[list.Count];
            var raw = new byte[list.Count][];
            for (int i = 0; i < elements.Length; i++)
            {
                if (list.Items[i] is not BString element)
                {
                    throw context.Error($"'{pathLabel.Index(i)}' must be a string", list.Items[i]);
                }

                elements[i] = names.Decode(element, null, pathLabel.Index(i));
                raw[i] = element.ToArray();
            }

            bool unsafePath = PathSafety.Check(elements, pathLabel, list, context);
            return new SymlinkTarget(string.Join("/", elements), raw, unsafePath);
        }

        /// <summary>
        /// A symlink's size: 0 bytes whatever <c>length</c> says, as libtorrent lays it out; a non-zero
        /// <paramref name="length"/> gets a warning.
        /// </summary>
        public static long Length(long length, BDictionary file, MetainfoLabel label, MetainfoContext context)
        {
            if (length != 0)
            {
                context.Warn(file.Offset, $"'{label.Key("length")}' is {length}, but a symlink takes 0 bytes (BEP 47); read as 0");
            }

            return 0;
        }
    }
}
