using System;
using System.Collections.Generic;

namespace TrackerPS
{
    /// <summary>
    /// The text lists the module's types file (TrackerPS.Types.ps1xml) shows in place of the output types' arrays,
    /// with one separator per kind of item: <c>", "</c> between URIs, files and peers, <c>" | "</c> between BEP 12 tiers
    /// (whose trackers are joined by <c>", "</c>), <c>"; "</c> between warnings, which are sentences, and <c>"/"</c>
    /// between the elements of a raw path.
    /// </summary>
    public static class TextLists
    {
        /// <summary>Separator between items that contain no comma: URIs, file paths, peer endpoints.</summary>
        public const string ItemSeparator = ", ";

        /// <summary>Separator between tiers, whose own text uses <see cref="ItemSeparator"/>.</summary>
        public const string TierSeparator = " | ";

        /// <summary>Separator between sentences (warnings), which may hold commas.</summary>
        public const string SentenceSeparator = "; ";

        /// <summary>BEP 12 tiers: each tier a list of its trackers, tiers joined by <see cref="TierSeparator"/>.</summary>
        /// <param name="tiers">The tiers; null is an empty list.</param>
        /// <returns>The list of tiers.</returns>
        public static TextList<TextList<Uri>> Tiers(IList<Uri[]>? tiers)
        {
            var lists = new List<TextList<Uri>>();
            foreach (Uri[] tier in tiers ?? Array.Empty<Uri[]>())
            {
                lists.Add(new TextList<Uri>(tier, ItemSeparator));
            }

            return new TextList<TextList<Uri>>(lists, TierSeparator);
        }

        /// <summary>A raw path (BEP 3 <c>path</c> elements as bytes): each element as hex, elements joined by <c>/</c>.</summary>
        /// <param name="elements">The path elements; null is an empty list.</param>
        /// <returns>The list of elements.</returns>
        public static TextList<HexBytes> RawPath(IList<byte[]>? elements)
        {
            var list = new List<HexBytes>();
            foreach (byte[] element in elements ?? Array.Empty<byte[]>())
            {
                list.Add(new HexBytes(element));
            }

            return new TextList<HexBytes>(list, "/");
        }
    }
}
