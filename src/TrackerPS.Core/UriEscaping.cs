using System.Text;

namespace TrackerPS.Core
{
    /// <summary>RFC 3986 percent-encoding of raw bytes, shared by magnet links (BEP 9) and tracker queries (BEP 3).</summary>
    internal static class UriEscaping
    {
        private const string HexDigits = "0123456789ABCDEF";

        /// <summary>Encodes bytes: RFC 3986 §2.3 unreserved characters literal, every other byte <c>%XX</c> upper-case (a space is <c>%20</c>, never <c>+</c>).</summary>
        /// <param name="bytes">The bytes.</param>
        /// <param name="keepLiteral">Further ASCII characters to leave unescaped (e.g. ':' in a magnet <c>x.pe</c>).</param>
        /// <returns>The escaped text (ASCII only).</returns>
        public static string Escape(byte[] bytes, string keepLiteral = "") =>
            EscapeTo(new StringBuilder(bytes.Length * 3), bytes, keepLiteral).ToString();

        /// <summary>Appends the bytes encoded as <see cref="Escape"/> encodes them to <paramref name="text"/>.</summary>
        /// <param name="text">The text to append to.</param>
        /// <param name="bytes">The bytes.</param>
        /// <param name="keepLiteral">Further ASCII characters to leave unescaped.</param>
        /// <returns><paramref name="text"/>.</returns>
        public static StringBuilder EscapeTo(StringBuilder text, byte[] bytes, string keepLiteral = "")
        {
            foreach (byte b in bytes)
            {
                if (IsUnreserved(b) || keepLiteral.IndexOf((char)b) >= 0)
                {
                    text.Append((char)b);
                }
                else
                {
                    text.Append('%').Append(HexDigits[b >> 4]).Append(HexDigits[b & 0xF]);
                }
            }

            return text;
        }

        private static bool IsUnreserved(byte b) => (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9')
            || b == '-' || b == '.' || b == '_' || b == '~';
    }
}
