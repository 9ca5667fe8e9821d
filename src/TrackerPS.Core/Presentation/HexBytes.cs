using System.Collections.Generic;
using System.Collections.ObjectModel;
using TrackerPS.Core;

namespace TrackerPS
{
    /// <summary>
    /// Raw bytes (a name or path element as stored in a torrent) whose text is lower-case hex, so that an
    /// <c>Export-Csv</c> cell shows the bytes rather than <c>System.Byte[]</c>. It converts to a <c>byte[]</c> parameter.
    /// </summary>
    public sealed class HexBytes : ReadOnlyCollection<byte>
    {
        /// <summary>Wraps <paramref name="bytes"/> (not copied).</summary>
        /// <param name="bytes">The bytes.</param>
        /// <exception cref="System.ArgumentNullException"><paramref name="bytes"/> is null.</exception>
        public HexBytes(IList<byte> bytes)
            : base(bytes)
        {
        }

        /// <summary>Returns the bytes as lower-case hex, two digits a byte.</summary>
        /// <returns>The hex text; empty for no bytes.</returns>
        public override string ToString()
        {
            var bytes = new byte[Count];
            CopyTo(bytes, 0);
            return Hex.Encode(bytes, 0, bytes.Length);
        }
    }
}
