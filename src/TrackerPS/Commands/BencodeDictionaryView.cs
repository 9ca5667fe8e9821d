using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Management.Automation;

namespace TrackerPS.Commands
{
    /// <summary>
    /// Gives each decoded dictionary a note property per text key, so that property cmdlets see the keys:
    /// <c>ConvertFrom-Bencode | Select-Object -ExpandProperty announce</c> works, as it does not on a bare dictionary.
    /// The object is still the <see cref="OrderedDictionary"/> (<c>$d.Keys</c>, <c>$d['created by']</c>).
    /// </summary>
    internal static class BencodeDictionaryView
    {
        /// <summary>Wraps every dictionary in <paramref name="value"/>, nested ones included (in place), and returns the root to write.</summary>
        public static object Wrap(object value)
        {
            var wrapped = new List<PSObject>();
            object root = WrapOne(value, wrapped);
            // Explicit stack: the decoder's depth limit may be set far beyond what recursion could take.
            var pending = new Stack<object>();
            pending.Push(value);
            while (pending.Count > 0)
            {
                switch (pending.Pop())
                {
                    case object[] items:
                        for (int i = 0; i < items.Length; i++)
                        {
                            pending.Push(items[i]);
                            items[i] = WrapOne(items[i], wrapped);
                        }

                        break;
                    case OrderedDictionary dictionary:
                        var keys = new object[dictionary.Count];
                        dictionary.Keys.CopyTo(keys, 0);
                        foreach (object key in keys)
                        {
                            object child = dictionary[key]!;
                            pending.Push(child);
                            dictionary[key] = WrapOne(child, wrapped);
                        }

                        break;
                }
            }

            // Only now do the values hold their own wrappers, so the note properties see wrapped children.
            foreach (PSObject dictionary in wrapped)
            {
                foreach (DictionaryEntry entry in (OrderedDictionary)dictionary.BaseObject)
                {
                    // A BEP 52 file tree keys each file's leaf by the empty string, which cannot name a property.
                    if (entry.Key is string name && name.Length > 0 && dictionary.Properties[name] is null)
                    {
                        dictionary.Properties.Add(new PSNoteProperty(name, entry.Value));
                    }
                }
            }

            return root;
        }

        private static object WrapOne(object value, List<PSObject> wrapped)
        {
            if (value is not OrderedDictionary dictionary)
            {
                return value;
            }

            PSObject view = PSObject.AsPSObject(dictionary);
            wrapped.Add(view);
            return view;
        }
    }
}
