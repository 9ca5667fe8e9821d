using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace TrackerPS.Core.Magnet
{
    /// <summary>
    /// Decodes one magnet link parameter (RFC 3986 §2.1 percent-encoding, bytes read as UTF-8). Lenient where links in the
    /// wild are sloppy: a <c>%</c> not followed by two hex digits is kept literally, and literal non-ASCII characters
    /// (links pasted as IRIs) are taken as their UTF-8 bytes.
    /// </summary>
    internal static class MagnetPercentDecoder
    {
        private static readonly UTF8Encoding s_strictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

        /// <summary>Decodes <paramref name="raw"/>.</summary>
        /// <param name="raw">The text between <c>=</c> and <c>&amp;</c> (or the parameter name).</param>
        /// <param name="plusIsSpace">True to read <c>+</c> as a space (form encoding, which links use in <c>dn</c>).</param>
        /// <param name="parameterName">The parameter name, for warnings.</param>
        /// <param name="warnings">Receives at most one warning per problem kind.</param>
        /// <returns>The decoded text.</returns>
        internal static string Decode(string raw, bool plusIsSpace, string parameterName, WarningList warnings)
        {
            if (raw.IndexOf('%') < 0 && !(plusIsSpace && raw.IndexOf('+') >= 0))
            {
                return raw;
            }

            var bytes = new List<byte>(raw.Length);
            var literal = new StringBuilder();
            bool reportedMalformed = false;
            for (int i = 0; i < raw.Length; i++)
            {
                char c = raw[i];
                if (c == '%' && TryHexPair(raw, i + 1, out byte escaped))
                {
                    Flush(literal, bytes);
                    bytes.Add(escaped);
                    i += 2;
                }
                else if (c == '+' && plusIsSpace)
                {
                    Flush(literal, bytes);
                    bytes.Add((byte)' ');
                }
                else
                {
                    if (c == '%' && !reportedMalformed)
                    {
                        reportedMalformed = true;
                        warnings.Add(string.Format(
                            CultureInfo.InvariantCulture,
                            "Parameter '{0}' has a malformed percent escape at character {1} ('{2}'); kept literally.",
                            parameterName,
                            i,
                            raw.Substring(i, Math.Min(3, raw.Length - i))));
                    }

                    literal.Append(c);
                }
            }

            Flush(literal, bytes);
            byte[] decoded = bytes.ToArray();
            try
            {
                return s_strictUtf8.GetString(decoded);
            }
            catch (DecoderFallbackException)
            {
                warnings.Add($"Parameter '{parameterName}' is not valid UTF-8 after percent-decoding; invalid bytes replaced with U+FFFD.");
                return Encoding.UTF8.GetString(decoded);
            }
        }

        private static bool TryHexPair(string text, int index, out byte value)
        {
            value = 0;
            if (index + 1 >= text.Length)
            {
                return false;
            }

            int high = HexValue(text[index]);
            int low = HexValue(text[index + 1]);
            if (high < 0 || low < 0)
            {
                return false;
            }

            value = (byte)((high << 4) | low);
            return true;
        }

        private static int HexValue(char c) => c switch
        {
            >= '0' and <= '9' => c - '0',
            >= 'a' and <= 'f' => c - 'a' + 10,
            >= 'A' and <= 'F' => c - 'A' + 10,
            _ => -1,
        };

        private static void Flush(StringBuilder literal, List<byte> bytes)
        {
            if (literal.Length > 0)
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(literal.ToString()));
                literal.Clear();
            }
        }
    }
}
