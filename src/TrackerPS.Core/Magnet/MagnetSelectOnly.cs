using System.Globalization;

namespace TrackerPS.Core.Magnet
{
    /// <summary>Checks a BEP 53 <c>so</c> value: comma-separated zero-based file indexes and inclusive ranges, e.g. <c>0,2,4-6</c>.</summary>
    internal static class MagnetSelectOnly
    {
        /// <summary>True when every comma-separated item is an index or a range <c>a-b</c> with a ≤ b.</summary>
        /// <param name="text">The decoded <c>so</c> value.</param>
        /// <returns>Whether the list is well formed.</returns>
        internal static bool IsValid(string text)
        {
            foreach (string item in text.Split(','))
            {
                int dash = item.IndexOf('-');
                if (dash < 0)
                {
                    if (!TryIndex(item, out _))
                    {
                        return false;
                    }
                }
                else if (!TryIndex(item.Substring(0, dash), out int first)
                    || !TryIndex(item.Substring(dash + 1), out int last)
                    || first > last)
                {
                    return false;
                }
            }

            return true;
        }

        // NumberStyles.None: digits only, no sign or white space.
        private static bool TryIndex(string text, out int index)
        {
            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out index);
        }
    }
}
