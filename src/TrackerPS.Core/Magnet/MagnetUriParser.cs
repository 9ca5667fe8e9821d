using System;
using System.Threading;

namespace TrackerPS.Core.Magnet
{
    /// <summary>
    /// Reads magnet links (BEP 9; <c>urn:btmh</c> v2 hashes, BEP 52; <c>so</c>, BEP 53). Lenient on what links in the wild
    /// do (scheme in any case, empty parameters, <c>=</c> inside values, malformed escapes, unknown parameters, several
    /// <c>xt</c>), strict on the one thing that matters: a usable info-hash.
    /// </summary>
    public static class MagnetUriParser
    {
        private const string Prefix = "magnet:?";

        /// <summary>Parses a magnet link.</summary>
        /// <param name="text">The link, e.g. <c>magnet:?xt=urn:btih:…&amp;dn=…&amp;tr=…</c>; surrounding white space is ignored.</param>
        /// <returns>
        /// The link. Values are percent-decoded as UTF-8; <c>+</c> is a space in <c>dn</c> only (elsewhere, e.g. in tracker
        /// URLs, it is literal). Dropped values and escapes kept literally are listed in <see cref="MagnetLink.Warnings"/>.
        /// </returns>
        /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
        /// <exception cref="FormatException">
        /// The text does not start with <c>magnet:?</c>, or has no usable <c>xt</c>; or the parser failed in a way it did
        /// not foresee, with that exception as <see cref="Exception.InnerException"/>.
        /// </exception>
        public static MagnetLink Parse(string text)
        {
            if (text is null)
            {
                throw new ArgumentNullException(nameof(text));
            }

            return Contain(() => ParseLink(text.Trim()));
        }

        /// <summary>
        /// The one place every magnet link is parsed through: an exception other than the parser's own
        /// <see cref="FormatException"/> becomes one for this link, with the original as its inner exception, so that one
        /// link never stops the others (see <see cref="Containment"/>).
        /// </summary>
        internal static MagnetLink Contain(Func<MagnetLink> parse)
        {
            try
            {
                return parse();
            }
            catch (Exception e) when (!(e is FormatException) && Containment.Contains(e, CancellationToken.None))
            {
                throw new FormatException($"Invalid magnet link: the parser failed unexpectedly ({e.GetType().Name}: {e.Message})", e);
            }
        }

        private static MagnetLink ParseLink(string link)
        {
            if (!link.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
            {
                throw new FormatException($"Invalid magnet link '{link}': it does not start with '{Prefix}' (BEP 9).");
            }

            var builder = new MagnetLinkBuilder();
            foreach (string parameter in link.Substring(Prefix.Length).Split('&'))
            {
                // Empty parameters come from a trailing or doubled '&'; they carry nothing.
                if (parameter.Length == 0)
                {
                    continue;
                }

                // Split at the first '=' only: tracker URLs carry their own query, e.g. tr=http://t/a?k=v.
                int equals = parameter.IndexOf('=');
                string rawName = equals < 0 ? parameter : parameter.Substring(0, equals);
                string rawValue = equals < 0 ? string.Empty : parameter.Substring(equals + 1);
                if (rawName.Length == 0)
                {
                    builder.Warnings.Add($"Ignored parameter '{parameter}': it has no name.");
                    continue;
                }

                string name = MagnetPercentDecoder.Decode(rawName, plusIsSpace: false, rawName, builder.Warnings);
                bool isDisplayName = string.Equals(name, "dn", StringComparison.OrdinalIgnoreCase);
                string value = MagnetPercentDecoder.Decode(rawValue, isDisplayName, name, builder.Warnings);
                builder.Add(name, value);
            }

            if (!builder.HasInfoHash)
            {
                throw new FormatException($"Invalid magnet link '{link}': no usable xt ({MagnetExactTopic.ExpectedForms})");
            }

            return builder.Build(link);
        }
    }
}
