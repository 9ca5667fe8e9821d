using System;
using System.Text;
using TrackerPS.Core.Bencode;

namespace TrackerPS.Core.Metainfo
{
    /// <summary>
    /// Turns name bytes into text. BEP 3 names are UTF-8, but old clients wrote them in a legacy code page named by
    /// the top-level <c>encoding</c> key and added a <c>name.utf-8</c> / <c>path.utf-8</c> twin; the twin wins when valid.
    /// </summary>
    internal sealed class NameDecoder
    {
        private readonly MetainfoContext _context;
        private readonly Encoding? _legacy;

        private NameDecoder(MetainfoContext context, Encoding? legacy)
        {
            _context = context;
            _legacy = legacy;
        }

        /// <summary>Creates a decoder for the top-level <c>encoding</c> value (null or UTF-8 means UTF-8).</summary>
        public static NameDecoder Create(BString? encodingName, MetainfoContext context)
        {
            if (encodingName is null)
            {
                return new NameDecoder(context, null);
            }

            string name = encodingName.ToString().Trim();
            try
            {
                Encoding encoding = Encoding.GetEncoding(name);
                return new NameDecoder(context, encoding.CodePage == Encoding.UTF8.CodePage ? null : encoding);
            }
            catch (Exception e) when (e is ArgumentException || e is NotSupportedException)
            {
                // netstandard2.0 only guarantees UTF-8, ASCII, Latin-1 and UTF-16 unless the host registered more (an
                // unknown name is an ArgumentException); .NET 5 and later refuse UTF-7 with a NotSupportedException.
                context.Warn(encodingName.Offset, $"'encoding' '{name}' is not available; names are decoded as UTF-8");
                return new NameDecoder(context, null);
            }
        }

        /// <summary>True when names without a twin are decoded as UTF-8 (no legacy <c>encoding</c> in use).</summary>
        public bool IsUtf8 => _legacy is null;

        /// <summary>Decodes a name, preferring its UTF-8 twin.</summary>
        /// <param name="raw">The name as stored, e.g. <c>name</c>.</param>
        /// <param name="utf8Twin">The <c>.utf-8</c> twin, or null.</param>
        /// <param name="label">The key's full name for warnings.</param>
        public string Decode(BString raw, BString? utf8Twin, MetainfoLabel label)
        {
            if (utf8Twin is not null)
            {
                if (utf8Twin.TryGetUtf8(out string? twin))
                {
                    return twin!;
                }

                _context.Warn(utf8Twin.Offset, $"'{label}.utf-8' is not valid UTF-8 and is ignored");
            }

            if (TryDecodeQuietly(raw, out string text))
            {
                return text;
            }

            _context.Warn(raw.Offset, $"'{label}' is not valid UTF-8; invalid bytes are shown as U+FFFD");
            return raw.ToString();
        }

        /// <summary>Decodes a name that has no UTF-8 twin when that needs no warning (legacy encoding, or valid UTF-8).</summary>
        /// <param name="raw">The name as stored.</param>
        /// <param name="text">The text, as <see cref="Decode"/> gives it; empty when false.</param>
        /// <returns>False when the bytes are not valid UTF-8 (<see cref="Decode"/> warns about them).</returns>
        public bool TryDecodeQuietly(BString raw, out string text)
        {
            if (_legacy is not null)
            {
                text = _legacy.GetString(raw.Bytes.Array!, raw.Bytes.Offset, raw.Count);
                return true;
            }

            bool valid = raw.TryGetUtf8(out string? utf8);
            text = utf8 ?? string.Empty;
            return valid;
        }
    }
}
