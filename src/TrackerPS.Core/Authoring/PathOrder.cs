using System.Collections.Generic;
using System.Runtime.CompilerServices;
using TrackerPS.Core.Runtime;

namespace TrackerPS.Core.Authoring
{
    /// <summary>
    /// The order files are listed in: path elements compared one by one as raw UTF-8 bytes, a path before any longer
    /// path it is a prefix of. This is the order of a BEP 52 <c>file tree</c> (a bencode dictionary, keys sorted as raw
    /// bytes), so <c>b/x</c> comes before <c>b-c</c> ('b' is a prefix of 'b-c'), and 'B' before 'b'. libtorrent 2.0.8's
    /// <c>create_torrent</c> lists a hybrid's v1 <c>files</c> in this order too; New-Torrent uses it for v1 torrents as well.
    /// </summary>
    public sealed class PathOrder : IComparer<ContentFile>
    {
        /// <summary>The one instance.</summary>
        public static readonly PathOrder Instance = new PathOrder();

        private PathOrder()
        {
        }

        /// <inheritdoc />
        [MethodImpl(HotPath.Optimized)]
        public int Compare(ContentFile? x, ContentFile? y)
        {
            if (ReferenceEquals(x, y))
            {
                return 0;
            }

            if (x is null)
            {
                return -1;
            }

            if (y is null)
            {
                return 1;
            }

            byte[][] a = x.PathBytes;
            byte[][] b = y.PathBytes;
            for (int i = 0; i < a.Length && i < b.Length; i++)
            {
                int order = CompareBytes(a[i], b[i]);
                if (order != 0)
                {
                    return order;
                }
            }

            return a.Length.CompareTo(b.Length);
        }

        [MethodImpl(HotPath.Optimized)]
        private static int CompareBytes(byte[] a, byte[] b)
        {
            for (int i = 0; i < a.Length && i < b.Length; i++)
            {
                if (a[i] != b[i])
                {
                    return a[i].CompareTo(b[i]);
                }
            }

            return a.Length.CompareTo(b.Length);
        }
    }
}
