using System;
using System.Text;

namespace TrackerPS.Core.Trackers
{
    /// <summary>
    /// Text a tracker sent (a non-bencode body, a <c>failure reason</c>, a BEP 15 error message, a redirect target) as
    /// quoted in an error message: one line, at most <see cref="MaxQuoteLength"/> characters, so a hostile tracker cannot
    /// flood a console or a log through our messages. The full text stays in <see cref="TrackerException.FailureReason"/>.
    /// </summary>
    internal static class TrackerText
    {
        /// <summary>The most characters a quote has, its closing ellipsis included.</summary>
        public const int MaxQuoteLength = 200;

        private const char Ellipsis = '\u2026';

        /// <summary>Quotes text: runs of control and white-space characters become one space; cut to <see cref="MaxQuoteLength"/> with an ellipsis.</summary>
        /// <param name="text">The text.</param>
        /// <returns>The quote, at most <see cref="MaxQuoteLength"/> characters.</returns>
        public static string Quote(string text)
        {
            var quote = new StringBuilder(MaxQuoteLength);
            foreach (char c in text)
            {
                if (quote.Length == MaxQuoteLength - 1)
                {
                    // Never end on half a surrogate pair.
                    if (char.IsHighSurrogate(quote[quote.Length - 1]))
                    {
                        quote.Length--;
                    }

                    return quote.Append(Ellipsis).ToString();
                }

                bool blank = char.IsControl(c) || char.IsWhiteSpace(c);
                if (!blank)
                {
                    quote.Append(c);
                }
                else if (quote.Length > 0 && quote[quote.Length - 1] != ' ')
                {
                    quote.Append(' ');
                }
            }

            return quote.ToString().TrimEnd();
        }

        /// <summary>Quotes the start of a body decoded as UTF-8.</summary>
        /// <param name="body">The body.</param>
        /// <returns>The quote, at most <see cref="MaxQuoteLength"/> characters.</returns>
        public static string Quote(byte[] body) =>
            // Four bytes per character is the most UTF-8 needs, so this many bytes always yield enough characters.
            Quote(Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, MaxQuoteLength * 4)));
    }
}
