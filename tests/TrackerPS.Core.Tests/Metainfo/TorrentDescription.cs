using System;
using System.Collections;
using System.Linq;
using System.Reflection;
using System.Text;

namespace TrackerPS.Core.Tests.Metainfo
{
    /// <summary>A torrent as text, for comparing two reads of it: every public property of it and of each of its files.</summary>
    internal static class TorrentDescription
    {
        /// <summary>Every public property of the torrent and of each of its files, as text.</summary>
        public static string Of(object value)
        {
            var text = new StringBuilder();
            foreach (PropertyInfo property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                object? item = property.GetValue(value);
                text.Append(property.Name).Append('=');
                if (item is TorrentFile[] files)
                {
                    text.AppendJoin(";", files.Select(Of));
                }
                else
                {
                    Append(text, item);
                }

                text.Append('\n');
            }

            return text.ToString();
        }

        private static void Append(StringBuilder text, object? item)
        {
            switch (item)
            {
                case byte[] bytes:
                    text.Append(Convert.ToHexString(bytes));
                    break;
                case IEnumerable items and not string:
                    text.Append('[');
                    foreach (object? element in items)
                    {
                        Append(text, element);
                        text.Append(',');
                    }

                    text.Append(']');
                    break;
                default:
                    text.Append(item);
                    break;
            }
        }
    }
}
