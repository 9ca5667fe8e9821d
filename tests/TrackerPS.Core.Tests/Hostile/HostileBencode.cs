using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

namespace TrackerPS.Core.Tests.Hostile
{
    /// <summary>Writes bencode byte by byte, so a test can build inputs no encoder would write (unsorted keys, leading zeros).</summary>
    internal sealed class HostileBencode
    {
        private readonly MemoryStream _bytes = new MemoryStream();

        public int Length => (int)_bytes.Length;

        /// <summary>Raw ASCII, e.g. <c>d</c>, <c>e</c>, <c>i01e</c>.</summary>
        public HostileBencode Raw(string ascii)
        {
            byte[] bytes = Encoding.ASCII.GetBytes(ascii);
            _bytes.Write(bytes, 0, bytes.Length);
            return this;
        }

        public HostileBencode Str(string text) => Str(Encoding.UTF8.GetBytes(text));

        public HostileBencode Str(byte[] bytes)
        {
            Raw(bytes.Length.ToString(CultureInfo.InvariantCulture) + ":");
            _bytes.Write(bytes, 0, bytes.Length);
            return this;
        }

        public HostileBencode Int(long value) => Raw("i" + value.ToString(CultureInfo.InvariantCulture) + "e");

        /// <summary>A string key then its value written by <paramref name="value"/>.</summary>
        public HostileBencode Key(string key, System.Action<HostileBencode> value)
        {
            Str(key);
            value(this);
            return this;
        }

        /// <summary>A list of strings.</summary>
        public HostileBencode StrList(IEnumerable<string> items)
        {
            Raw("l");
            foreach (string item in items)
            {
                Str(item);
            }

            return Raw("e");
        }

        public byte[] ToArray() => _bytes.ToArray();
    }
}
