using TrackerPS.Core.Bencode;

namespace TrackerPS.Core.Metainfo
{
    /// <summary>Reads BEP 47 <c>attr</c>: a string of flag letters (<c>p</c> pad, <c>x</c> executable, <c>h</c> hidden, <c>l</c> symlink).</summary>
    internal static class FileAttributes
    {
        /// <summary>The <c>attr</c> value of a file dictionary, or empty; a non-string is ignored with a warning.</summary>
        public static string Read(BDictionary file, MetainfoLabel label, MetainfoContext context)
        {
            BString? attr = context.Lenient<BString>(file, "attr", label.Key("attr"));
            return attr is null ? string.Empty : attr.ToString();
        }
    }
}
