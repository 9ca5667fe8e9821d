using System.Globalization;
using System.Text;
using TrackerPS.Core.Bencode;

namespace TrackerPS.Core.Metainfo
{
    /// <summary>
    /// Flags path elements that would escape or confuse the download directory if written to disk as they are
    /// (BEP 3 says each element is one directory or file name). Unsafe names are reported, never rewritten.
    /// </summary>
    internal static class PathSafety
    {
        /// <summary>True when the element is empty, <c>.</c>, <c>..</c>, absolute, a drive letter, or holds '/', '\' or NUL.</summary>
        public static bool IsUnsafeElement(string element)
        {
            if (element.Length == 0 || element == "." || element == "..")
            {
                return true;
            }

            bool driveLetter = element.Length >= 2 && element[1] == ':'
                && ((element[0] >= 'A' && element[0] <= 'Z') || (element[0] >= 'a' && element[0] <= 'z'));
            return driveLetter || element.IndexOf('/') >= 0 || element.IndexOf('\\') >= 0 || element.IndexOf('\0') >= 0;
        }

        /// <summary>Checks every element, warning once per unsafe one; returns true when any is unsafe.</summary>
        /// <param name="elements">The decoded path elements.</param>
        /// <param name="label">The key's full name for the warning.</param>
        /// <param name="at">The value the warning points at.</param>
        /// <param name="context">Collects the warnings.</param>
        public static bool Check(string[] elements, MetainfoLabel label, BValue at, MetainfoContext context)
        {
            bool unsafePath = false;
            foreach (string element in elements)
            {
                if (IsUnsafeElement(element))
                {
                    context.Warn(at.Offset, $"'{label}' has an unsafe path element '{Display(element)}' (kept as is; do not write it to disk unchecked)");
                    unsafePath = true;
                }
            }

            return unsafePath;
        }

        /// <summary>The element with control characters escaped, so a NUL shows as <c>\0</c>.</summary>
        private static string Display(string element)
        {
            var text = new StringBuilder(element.Length);
            foreach (char c in element)
            {
                if (c == '\0')
                {
                    text.Append("\\0");
                }
                else if (c < 0x20)
                {
                    text.Append("\\x").Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
                }
                else
                {
                    text.Append(c);
                }
            }

            return text.ToString();
        }
    }
}
