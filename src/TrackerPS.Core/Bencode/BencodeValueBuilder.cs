using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Numerics;

namespace TrackerPS.Core.Bencode
{
    /// <summary>
    /// Builds bencode values (BEP 3) from plain .NET values: dictionaries (<see cref="IDictionary"/>, keys <c>string</c>
    /// as UTF-8 or <c>byte[]</c> as is), lists (any other <see cref="IEnumerable"/>), integers (every integral type and
    /// <see cref="BigInteger"/>, of any size), <c>string</c> (as UTF-8) and <c>byte[]</c>. Anything else (null, bool,
    /// floating point, other objects) is an error naming its path, like <c>$.info.files[0].length</c>.
    /// </summary>
    public sealed class BencodeValueBuilder
    {
        private readonly Func<object, object> _unwrap;
        private readonly int _maxDepth;

        /// <summary>Creates a builder.</summary>
        /// <param name="unwrap">Maps each input value before it is converted (PowerShell unwraps a PSObject, or turns a custom object into a dictionary of its properties); null for none.</param>
        /// <param name="maxDepth">Deepest nesting of lists and dictionaries accepted, which also stops a value that contains itself.</param>
        public BencodeValueBuilder(Func<object, object>? unwrap = null, int maxDepth = BencodeLimits.DefaultMaxDepth)
        {
            _unwrap = unwrap ?? (o => o);
            _maxDepth = maxDepth;
        }

        /// <summary>Builds the bencode value of <paramref name="value"/>.</summary>
        /// <param name="value">The value.</param>
        /// <returns>The bencode value, built in code (encode it with <see cref="BencodeEncoder"/>).</returns>
        /// <exception cref="ArgumentException">A value, or a dictionary key, has a type bencode cannot hold; nesting is deeper than the limit; two keys are the same bytes.</exception>
        public BValue Build(object? value) => Build(value, "$", 0);

        private BValue Build(object? input, string path, int depth)
        {
            object? value = input is null ? null : _unwrap(input);
            switch (value)
            {
                case null:
                    throw Unsupported(path, "null");
                case string text:
                    return new BString(text);
                case byte[] bytes:
                    return new BString(bytes);
                case bool:
                    throw Unsupported(path, "a Boolean (bencode has no Boolean: use 0 or 1)");
                case BigInteger big:
                    return new BInteger(big);
                case ulong unsigned:
                    return new BInteger(new BigInteger(unsigned));
                case sbyte or byte or short or ushort or int or uint or long:
                    return new BInteger(System.Convert.ToInt64(value, CultureInfo.InvariantCulture));
                case IDictionary dictionary:
                    return BuildDictionary(dictionary, path, CheckDepth(path, depth));
                case IEnumerable list:
                    var items = new List<BValue>();
                    int index = 0;
                    int next = CheckDepth(path, depth);
                    foreach (object? item in list)
                    {
                        items.Add(Build(item, path + "[" + index++.ToString(CultureInfo.InvariantCulture) + "]", next));
                    }

                    return new BList(items);
                default:
                    throw Unsupported(path, "a " + value.GetType().FullName);
            }
        }

        private BDictionary BuildDictionary(IDictionary dictionary, string path, int depth)
        {
            var entries = new List<KeyValuePair<BString, BValue>>();
            var keys = new HashSet<BString>();
            foreach (DictionaryEntry entry in dictionary)
            {
                object key = _unwrap(entry.Key);
                BString bkey = key switch
                {
                    string text => new BString(text),
                    byte[] bytes => new BString(bytes),
                    _ => throw new ArgumentException($"Cannot bencode the dictionary at '{path}': a key is a {key.GetType().FullName}; keys must be strings or byte arrays."),
                };
                string childPath = path + "." + BencodeObjectConverter.KeyText(bkey);
                if (!keys.Add(bkey))
                {
                    throw new ArgumentException($"Cannot bencode '{childPath}': the dictionary has that key twice.");
                }

                entries.Add(new KeyValuePair<BString, BValue>(bkey, Build(entry.Value, childPath, depth)));
            }

            return new BDictionary(entries);
        }

        private int CheckDepth(string path, int depth)
        {
            if (depth >= _maxDepth)
            {
                throw new ArgumentException($"Cannot bencode '{path}': nesting is deeper than the limit of {_maxDepth} (a value that contains itself?).");
            }

            return depth + 1;
        }

        private static ArgumentException Unsupported(string path, string what) =>
            new ArgumentException($"Cannot bencode the value at '{path}': it is {what}; bencode holds only integers, strings, byte arrays, lists and dictionaries.");
    }
}
