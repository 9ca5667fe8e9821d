using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace TrackerPS.Core.Tests.Hostile
{
    /// <summary>
    /// Builds the adversarial inputs of issue 10 from a description (a size, a count), so no large file is committed. Each
    /// input is a minimal valid torrent or reply around the hostile part, so that the parser reads all of it.
    /// </summary>
    internal static class HostileInputs
    {
        /// <summary>20 zero bytes: one v1 piece hash.</summary>
        private static readonly byte[] s_pieceHash = new byte[20];

        /// <summary>
        /// A v2 torrent whose <c>file tree</c> holds one directory with a <paramref name="nameLength"/>-byte name and, in it,
        /// <paramref name="files"/> empty files plus one 1-byte file (so the torrent is valid). Each file repeats the long
        /// directory name in its path: issue 10's 64 KB version (30,000 bytes, 1,304 files) allocated 375 MiB.
        /// </summary>
        public static byte[] FileTreeAmplification(int nameLength, int files)
        {
            var b = new HostileBencode().Raw("d").Str("info").Raw("d").Str("file tree").Raw("d");
            b.Str(new string('a', nameLength)).Raw("d");
            for (int i = 0; i < files; i++)
            {
                b.Str("f" + i.ToString("D7", CultureInfo.InvariantCulture)).Raw("d").Str(string.Empty).Raw("d").Str("length").Int(0).Raw("ee");
            }

            b.Str("z").Raw("d").Str(string.Empty).Raw("d").Str("length").Int(1).Str("pieces root").Str(new byte[32]).Raw("ee");
            b.Raw("ee");
            return b.Str("meta version").Int(2).Str("name").Str("x").Str("piece length").Int(16384).Raw("ee").ToArray();
        }

        /// <summary>A v1 single-file torrent with <paramref name="urls"/> distinct web seeds in <c>url-list</c> (BEP 19) and as many in <c>httpseeds</c> (BEP 17).</summary>
        public static byte[] ManyWebSeeds(int urls)
        {
            IEnumerable<string> list = Enumerable.Range(0, urls).Select(i => "http://s.example/" + i.ToString(CultureInfo.InvariantCulture));
            var b = new HostileBencode().Raw("d").Str("httpseeds").StrList(list);
            AppendInfo(b);
            return b.Str("url-list").StrList(list).Raw("e").ToArray();
        }

        /// <summary>A v1 torrent with <paramref name="trackers"/> distinct trackers, one per tier of <c>announce-list</c> (BEP 12).</summary>
        public static byte[] ManyTrackers(int trackers)
        {
            var b = new HostileBencode().Raw("d").Str("announce-list").Raw("l");
            for (int i = 0; i < trackers; i++)
            {
                b.StrList(new[] { "udp://t.example:" + (1 + (i % 60000)).ToString(CultureInfo.InvariantCulture) + "/" + i.ToString(CultureInfo.InvariantCulture) });
            }

            b.Raw("e");
            return AppendInfo(b).Raw("e").ToArray();
        }

        /// <summary>A v1 multi-file torrent of <paramref name="files"/> one-byte files with one-byte names, the smallest input per file.</summary>
        public static byte[] ManyV1Files(int files)
        {
            var b = new HostileBencode().Raw("d").Str("info").Raw("d").Str("files").Raw("l");
            for (int i = 0; i < files; i++)
            {
                b.Raw("d").Str("length").Int(1).Str("path").StrList(new[] { "a" }).Raw("e");
            }

            b.Raw("e").Str("name").Str("r").Str("piece length").Int(16384);
            int pieces = (files + 16383) / 16384;
            b.Str("pieces").Str(new byte[20 * pieces]);
            return b.Raw("ee").ToArray();
        }

        /// <summary>
        /// A v1 torrent whose <c>comment</c> is followed by <paramref name="count"/> non-canonical integers (<c>i01e</c>) in
        /// an unknown top-level key: each is a warning in lenient mode (issue 10: 1 MB gave 333,000 warnings and 80 MiB).
        /// </summary>
        public static byte[] NonCanonicalFlood(int count)
        {
            var b = new HostileBencode().Raw("d");
            AppendInfo(b);
            b.Str("x-flood").Raw("l");
            for (int i = 0; i < count; i++)
            {
                b.Raw("i01e");
            }

            return b.Raw("ee").ToArray();
        }

        /// <summary>A dictionary of the keys in the order given (unsorted when they are), each mapped to <c>0:</c>.</summary>
        public static byte[] Dictionary(IEnumerable<byte[]> keys)
        {
            var b = new HostileBencode().Raw("d");
            foreach (byte[] key in keys)
            {
                b.Str(key).Str(string.Empty);
            }

            return b.Raw("e").ToArray();
        }

        /// <summary>An HTTP announce reply whose <c>peers</c> list holds <paramref name="entries"/> entries that are not dictionaries (one warning each).</summary>
        public static byte[] AnnounceReplyWithBadPeers(int entries)
        {
            var b = new HostileBencode().Raw("d").Str("interval").Int(1800).Str("peers").Raw("l");
            for (int i = 0; i < entries; i++)
            {
                b.Raw("i0e");
            }

            return b.Raw("ee").ToArray();
        }

        /// <summary>An HTTP announce reply with <paramref name="peers"/> dictionary peers (BEP 3), each with an IPv4 address.</summary>
        public static byte[] AnnounceReplyWithDictionaryPeers(int peers)
        {
            var b = new HostileBencode().Raw("d").Str("interval").Int(1800).Str("peers").Raw("l");
            for (int i = 0; i < peers; i++)
            {
                b.Raw("d").Str("ip").Str("10.0." + (i % 250).ToString(CultureInfo.InvariantCulture) + ".1").Str("port").Int(6881).Raw("e");
            }

            return b.Raw("ee").ToArray();
        }

        /// <summary>An HTTP scrape reply (BEP 48) whose <c>files</c> holds <paramref name="entries"/> 20-byte keys with counts.</summary>
        public static byte[] ScrapeReply(int entries)
        {
            var b = new HostileBencode().Raw("d").Str("files").Raw("d");
            for (int i = 0; i < entries; i++)
            {
                byte[] key = new byte[20];
                BitConverter.GetBytes(i).CopyTo(key, 16);
                Array.Reverse(key, 16, 4);
                b.Str(key).Raw("d").Str("complete").Int(1).Str("downloaded").Int(2).Str("incomplete").Int(3).Raw("e");
            }

            return b.Raw("ee").ToArray();
        }

        /// <summary>A magnet link with <paramref name="parameters"/> unusable parameters (each a warning) after its <c>xt</c>.</summary>
        public static string MagnetWithBadParameters(int parameters) =>
            "magnet:?xt=urn:btih:" + new string('0', 40) + string.Concat(Enumerable.Repeat("&xl=x&tr=%zz", parameters));

        /// <summary>The info dictionary of a one-piece single-file torrent, as key <c>info</c>.</summary>
        private static HostileBencode AppendInfo(HostileBencode b) =>
            b.Str("info").Raw("d").Str("length").Int(1).Str("name").Str("a").Str("piece length").Int(16384).Str("pieces").Str(s_pieceHash).Raw("e");
    }
}
