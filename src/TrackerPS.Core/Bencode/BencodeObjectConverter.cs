using System;
using System.Collections.Generic;
using System.Collections.Specialized;

namespace TrackerPS.Core.Bencode
{
    /// <summary>
    /// Turns decoded bencode (BEP 3) into plain .NET values: a dictionary becomes an <see cref="OrderedDictionary"/> in
    /// input order, a list an <c>object[]</c>, an integer a <see cref="long"/> (a <see cref="System.Numerics.BigInteger"/> past 64 bits), a string a <see cref="string"/> when it is
    /// valid UTF-8 and a <c>byte[]</c> otherwise. Keys are text when valid UTF-8, else lower-case hex, or always
    /// <c>byte[]</c> when asked. Iterative, so any depth the decoder accepted converts without recursion.
    /// </summary>
    public static class BencodeObjectConverter
    {
        /// <summary>Converts a value.</summary>
        /// <param name="value">The decoded value.</param>
        /// <param name="stringsAsBytes">Every string value as <c>byte[]</c>, even valid UTF-8.</param>
        /// <param name="keysAsBytes">Every dictionary key as <c>byte[]</c> (raw), instead of text or hex.</param>
        /// <returns>The .NET value.</returns>
        /// <exception cref="BencodeException">A non-UTF-8 key's hex form equals another key of the same dictionary (only without <paramref name="keysAsBytes"/>).</exception>
        public static object Convert(BValue value, bool stringsAsBytes, bool keysAsBytes)
        {
            if (value is null)
            {
                throw new ArgumentNullException(nameof(value));
            }

            // Each container is created empty, then filled as its children are converted; pending holds (value, where to put it).
            object root = Leaf(value, stringsAsBytes) ?? Empty(value);
            var pending = new Stack<(BValue Value, object Target)>();
            pending.Push((value, root));
            while (pending.Count > 0)
            {
                (BValue current, object target) = pending.Pop();
                if (current is BList list)
                {
                    var items = (object[])target;
                    for (int i = 0; i < items.Length; i++)
                    {
                        BValue item = list.Items[i];
                        items[i] = Leaf(item, stringsAsBytes) ?? Empty(item);
                        pending.Push((item, items[i]));
                    }
                }
                else if (current is BDictionary dictionary)
                {
                    var entries = (OrderedDictionary)target;
                    foreach (KeyValuePair<BString, BValue> entry in dictionary.Entries)
                    {
                        object key = keysAsBytes ? entry.Key.ToArray() : KeyText(entry.Key);
                        if (entries.Contains(key))
                        {
                            throw new BencodeException(entry.Key.Offset, $"the key '{key}' is both a text key and the hex form of a binary key; use raw byte keys", null);
                        }

                        object child = Leaf(entry.Value, stringsAsBytes) ?? Empty(entry.Value);
                        entries.Add(key, child);
                        pending.Push((entry.Value, child));
                    }
                }
            }

            return root;
        }

        /// <summary>A key as text: UTF-8 when valid, else lower-case hex.</summary>
        /// <param name="key">The key.</param>
        /// <returns>The text.</returns>
        public static string KeyText(BString key) =>
            key?.TryGetUtf8(out string? text) == true ? text! : Hex.Encode(key!.ToArray(), 0, key.Count);

        private static object? Leaf(BValue value, bool stringsAsBytes) => value switch
        {
            BInteger integer when integer.IsBig => integer.BigValue,
            BInteger integer => integer.Value,
            BString text when !stringsAsBytes && text.TryGetUtf8(out string? utf8) => utf8!,
            BString text => text.ToArray(),
            _ => null,
        };

        private static object Empty(BValue container) => container is BList list
            ? new object[list.Items.Count]
            : new OrderedDictionary(((BDictionary)container).Entries.Count);
    }
}
