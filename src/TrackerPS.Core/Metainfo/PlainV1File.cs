using System;
using System.Text;
using TrackerPS.Core.Bencode;

namespace TrackerPS.Core.Metainfo
{
    /// <summary>
    /// Reads one entry of a v1 <c>files</c> list (BEP 3 <c>{length, path}</c>) straight from the decoder's tokens, creating
    /// no value objects and no strings, when reading it the full way (<see cref="V1FileListReader"/>) could neither fail
    /// nor warn nor find anything beyond its length and its path: a dictionary whose <c>length</c> is a 64-bit integer of
    /// at least 0 and whose <c>path</c> is a non-empty list of strings, each valid UTF-8, safe (<see cref="PathSafety"/>)
    /// and not a BitComet pad name, with no <c>path.utf-8</c> or <c>symlink path</c> and no <c>attr</c> other than
    /// <c>p</c> (a BEP 47 pad file, as every hybrid has; other keys are ignored by both). Any other entry is left to the
    /// full reader, which gives its errors and warnings in order. The path is decoded only when
    /// <see cref="TorrentInfo.Files"/> is read (<see cref="EncodedPath.JoinUtf8"/>). Reading every entry as objects cost
    /// about ten of them per file, over 500 bytes for a 50,000-file torrent's typical entry.
    /// </summary>
    internal static class PlainV1File
    {
        /// <summary>Longest <c>length</c> encoding read here (18 digits); a longer one may be a big integer, which the full reader tells apart.</summary>
        internal const int LongestPlainLength = 20;

        private static readonly UTF8Encoding s_strictUtf8 = new UTF8Encoding(false, true);
        private static readonly byte[] s_padPrefix = Encoding.ASCII.GetBytes(FileEntry.BitCometPadPrefix);

        /// <summary>Reads the entry at token <paramref name="file"/> when it is plain.</summary>
        /// <param name="tokens">The decoder's tokens.</param>
        /// <param name="file">The entry's token.</param>
        /// <param name="encodedFiles">The bytes the raw path is left encoded in: the input, or a copy of the list.</param>
        /// <param name="copyStart">Offset in the input of <paramref name="encodedFiles"/>' first byte.</param>
        /// <param name="entry">The file; default when false.</param>
        /// <returns>False when the entry is not plain and must be read the full way.</returns>
        public static bool TryRead(BencodeTokenList tokens, int file, byte[] encodedFiles, int copyStart, out FileEntry entry)
        {
            entry = default;
            if (tokens.Kind(file) != BencodeKind.Dictionary)
            {
                return false;
            }

            int length = -1;
            int path = -1;
            bool pad = false;
            int end = tokens.Next(file);
            for (int key = file + 1; key < end; key = tokens.Next(key + 1))
            {
                if (tokens.StringEquals(key, "length"))
                {
                    length = key + 1;
                }
                else if (tokens.StringEquals(key, "path"))
                {
                    path = key + 1;
                }
                else if (tokens.StringEquals(key, "attr") && tokens.Kind(key + 1) == BencodeKind.String && tokens.StringEquals(key + 1, "p"))
                {
                    pad = true;
                }
                else if (tokens.StringEquals(key, "attr") || tokens.StringEquals(key, "path.utf-8") || tokens.StringEquals(key, "symlink path"))
                {
                    return false;
                }
            }

            if (length < 0 || tokens.Kind(length) != BencodeKind.Integer || tokens.Length(length) > LongestPlainLength
                || tokens.IntegerValue(length) < 0 || path < 0 || !IsPlainPath(tokens, path))
            {
                return false;
            }

            entry = new FileEntry(
                new EncodedPath(encodedFiles, tokens.Offset(path) - copyStart, tokens.Length(path)), tokens.IntegerValue(length), pad, tokens.Offset(file));
            return true;
        }

        private static bool IsPlainPath(BencodeTokenList tokens, int path)
        {
            if (tokens.Kind(path) != BencodeKind.List || tokens.ChildCount(path) == 0)
            {
                return false;
            }

            int end = tokens.Next(path);
            for (int element = path + 1; element < end; element = tokens.Next(element))
            {
                if (tokens.Kind(element) != BencodeKind.String || !IsPlainElement(tokens.Data, tokens.StringStart(element), tokens.StringCount(element)))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// The byte form of <see cref="PathSafety.IsUnsafeElement"/> and of the pad name test, for valid UTF-8, in which the
        /// ASCII characters they look for appear only as themselves. Also used by <see cref="CanonicalV1File"/>.
        /// </summary>
        internal static bool IsPlainElement(byte[] data, int start, int count)
        {
            if (count == 0 || (count <= 2 && data[start] == (byte)'.' && data[start + count - 1] == (byte)'.'))
            {
                return false;
            }

            byte first = data[start];
            bool driveLetter = count >= 2 && data[start + 1] == (byte)':'
                && ((first >= (byte)'A' && first <= (byte)'Z') || (first >= (byte)'a' && first <= (byte)'z'));
            if (driveLetter || HasPadPrefix(data, start, count))
            {
                return false;
            }

            bool ascii = true;
            for (int i = start; i < start + count; i++)
            {
                byte b = data[i];
                if (b == (byte)'/' || b == (byte)'\\' || b == 0)
                {
                    return false;
                }

                ascii &= b < 0x80;
            }

            return ascii || IsValidUtf8(data, start, count);
        }

        private static bool HasPadPrefix(byte[] data, int start, int count)
        {
            if (count < s_padPrefix.Length)
            {
                return false;
            }

            for (int i = 0; i < s_padPrefix.Length; i++)
            {
                if (data[start + i] != s_padPrefix[i])
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsValidUtf8(byte[] data, int start, int count)
        {
            try
            {
                s_strictUtf8.GetCharCount(data, start, count);
                return true;
            }
            catch (DecoderFallbackException)
            {
                return false;
            }
        }
    }
}
