using System.Collections.Generic;
using System.Globalization;

namespace TrackerPS.Core
{
    /// <summary>
    /// The warnings of one parsed item (a torrent, a tracker reply, a magnet link), capped: the first
    /// <see cref="MaxWarnings"/> are kept and the rest only counted, so a hostile input made of nothing but
    /// non-canonical values (a 1 MB file holds about 333,000) costs 100 messages and one line saying how many were dropped.
    /// </summary>
    internal sealed class WarningList
    {
        /// <summary>Warnings kept per item; the output has one more line when any were dropped.</summary>
        public const int MaxWarnings = 100;

        private readonly List<string> _kept = new List<string>();

        /// <summary>Warnings counted but not kept.</summary>
        public int Dropped { get; private set; }

        /// <summary>False once <see cref="MaxWarnings"/> are kept: a caller may then skip building the message and call <see cref="Drop"/>.</summary>
        public bool HasRoom => _kept.Count < MaxWarnings;

        /// <summary>Keeps the warning, or counts it when the list is full.</summary>
        public void Add(string warning)
        {
            if (HasRoom)
            {
                _kept.Add(warning);
            }
            else
            {
                Dropped++;
            }
        }

        /// <summary>Counts <paramref name="count"/> warnings dropped before they reached this list (by the bencode decoder, say).</summary>
        public void Drop(int count) => Dropped += count;

        /// <summary>The kept warnings in order, then, when any were dropped, one line with their number.</summary>
        public string[] ToArray()
        {
            if (Dropped == 0)
            {
                return _kept.ToArray();
            }

            var all = new string[_kept.Count + 1];
            _kept.CopyTo(all);
            all[_kept.Count] = DroppedLine(Dropped);
            return all;
        }

        /// <summary>The line that ends a capped list: <c>42 more warnings were dropped (only the first 100 are kept)</c>.</summary>
        public static string DroppedLine(int dropped) => string.Format(
            CultureInfo.InvariantCulture, "{0} more warning(s) were dropped (only the first {1} are kept)", dropped, MaxWarnings);
    }
}
