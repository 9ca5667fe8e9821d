using TrackerPS.Core.Bencode;

namespace TrackerPS.Core.Metainfo
{
    /// <summary>
    /// The decoded path elements of the previous file of a v1 <c>files</c> list (BEP 3), reused for the next file's
    /// elements that have the same bytes at the same depth: the files of one directory, listed one after another as
    /// clients write them, then share one string for its name instead of decoding it once per file. Only an element
    /// decoded without a <c>.utf-8</c> twin and without a warning is kept, so a reused element has the text decoding
    /// would give and skips no warning.
    /// </summary>
    internal sealed class RepeatedPathElements
    {
        private readonly NameDecoder _names;
        private BString?[] _raw = new BString?[0];
        private string[] _text = new string[0];

        /// <param name="names">The torrent's name decoder.</param>
        public RepeatedPathElements(NameDecoder names)
        {
            _names = names;
        }

        /// <summary>Decodes the element at <paramref name="depth"/> of the current file, as <see cref="NameDecoder.Decode"/> does.</summary>
        /// <param name="depth">The element's index in its file's <c>path</c>.</param>
        /// <param name="raw">The element as stored.</param>
        /// <param name="utf8Twin">The element of <c>path.utf-8</c>, or null.</param>
        /// <param name="label">The element's full name for warnings.</param>
        public string Decode(int depth, BString raw, BString? utf8Twin, MetainfoLabel label)
        {
            if (depth >= _raw.Length)
            {
                System.Array.Resize(ref _raw, depth + 1);
                System.Array.Resize(ref _text, depth + 1);
            }

            if (utf8Twin is null && raw.Equals(_raw[depth]))
            {
                return _text[depth];
            }

            if (utf8Twin is null && _names.TryDecodeQuietly(raw, out string text))
            {
                _raw[depth] = raw;
                _text[depth] = text;
                return text;
            }

            _raw[depth] = null;
            return _names.Decode(raw, utf8Twin, label);
        }
    }
}
