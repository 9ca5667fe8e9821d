using System.Collections.Generic;
using System.Linq;
using System.Text;
using TrackerPS.Core.Bencode;

namespace TrackerPS.Core.Tests.Metainfo
{
    /// <summary>Builds small torrents in code (BencodeEncoder writes them canonically).</summary>
    internal static class TestTorrent
    {
        public const long PieceLength = 16384;

        public static BString Str(string text) => new BString(text);

        public static BString Str(byte[] bytes) => new BString(bytes);

        public static BInteger Int(long value) => new BInteger(value);

        public static BList List(params BValue[] items) => new BList(items);

        public static BList Path(params string[] elements) => new BList(elements.Select(e => (BValue)new BString(e)));

        public static BDictionary Dict(params (string Key, BValue Value)[] entries) =>
            new BDictionary(entries.Select(e => new KeyValuePair<BString, BValue>(new BString(e.Key), e.Value)));

        /// <summary>A copy with <paramref name="key"/> set to <paramref name="value"/>, or removed when it is null.</summary>
        public static BDictionary With(this BDictionary dictionary, string key, BValue? value)
        {
            IEnumerable<KeyValuePair<BString, BValue>> others = dictionary.Entries.Where(e => !e.Key.ContentEquals(key));
            return new BDictionary(value is null ? others : others.Append(new KeyValuePair<BString, BValue>(new BString(key), value)));
        }

        /// <summary>Zero-filled v1 piece hashes for <paramref name="totalSize"/> bytes.</summary>
        public static BString Pieces(long totalSize) => new BString(new byte[20 * (int)((totalSize + PieceLength - 1) / PieceLength)]);

        public static BDictionary SingleFileInfo(string name = "file.bin", long length = 40000) => Dict(
            ("name", Str(name)),
            ("piece length", Int(PieceLength)),
            ("length", Int(length)),
            ("pieces", Pieces(length)));

        public static BDictionary MultiFileInfo(params (string[] Path, long Length)[] files) => Dict(
            ("name", Str("root")),
            ("piece length", Int(PieceLength)),
            ("files", List(files.Select(f => (BValue)Dict(("length", Int(f.Length)), ("path", Path(f.Path)))).ToArray())),
            ("pieces", Pieces(files.Sum(f => f.Length))));

        /// <summary>A v2 file tree leaf (BEP 52): <c>{"": {length, pieces root}}</c>.</summary>
        public static BDictionary V2File(long length, byte fill = 1) => Dict((string.Empty, length == 0
            ? Dict(("length", Int(0)))
            : Dict(("length", Int(length)), ("pieces root", Str(Enumerable.Repeat(fill, 32).ToArray())))));

        public static byte[] Torrent(BDictionary info, params (string Key, BValue Value)[] top) =>
            BencodeEncoder.Encode(Dict(top.Append(("info", (BValue)info)).ToArray()));

        public static byte[] Latin1(string text) => Encoding.Latin1.GetBytes(text);

        /// <summary>Offset of the first occurrence of <paramref name="text"/> in <paramref name="data"/>.</summary>
        public static int IndexOf(byte[] data, string text)
        {
            byte[] needle = Latin1(text);
            for (int i = 0; i + needle.Length <= data.Length; i++)
            {
                if (data.Skip(i).Take(needle.Length).SequenceEqual(needle))
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
