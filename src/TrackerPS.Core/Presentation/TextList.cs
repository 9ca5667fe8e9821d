using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace TrackerPS
{
    /// <summary>
    /// A read-only list whose text is its items' text joined by a separator. PowerShell writes a property's value with
    /// <c>ToString()</c> into an <c>Export-Csv</c> cell, where an array reads as its type name (<c>System.Uri[]</c>); the
    /// module's types file shows the output types' list properties as text lists so that the cell reads as the items.
    /// As a list it still enumerates, indexes, serializes to a JSON array and converts to an array parameter.
    /// </summary>
    /// <typeparam name="T">The item type.</typeparam>
    public sealed class TextList<T> : ReadOnlyCollection<T>
    {
        private readonly string _separator;

        /// <summary>Wraps <paramref name="items"/> (not copied) with the separator of its text.</summary>
        /// <param name="items">The items.</param>
        /// <param name="separator">What goes between two items' text.</param>
        /// <exception cref="System.ArgumentNullException"><paramref name="items"/> is null.</exception>
        public TextList(IList<T> items, string separator)
            : base(items)
        {
            _separator = separator ?? string.Empty;
        }

        /// <summary>Returns the items' text joined by the separator; an empty list is an empty string.</summary>
        /// <returns>The joined text.</returns>
        public override string ToString() => string.Join(_separator, this);
    }
}
