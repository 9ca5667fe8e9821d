using System;
using System.Security.Cryptography;

namespace TrackerPS.Core.Metainfo
{
    /// <summary>
    /// Computes info-hashes over the exact bytes of the <c>info</c> dictionary as they appear in the file, never a
    /// re-encoding: v1 is SHA-1 (BEP 3), v2 is SHA-256 (BEP 52). Hashing a re-encoding would give a different hash for
    /// a non-canonical file (transmission-show 3.00 does that), so peers and trackers would not recognise it.
    /// </summary>
    internal static class InfoHashComputer
    {
        public static InfoHash V1(ArraySegment<byte> rawInfo)
        {
            using SHA1 sha1 = SHA1.Create();
            return new InfoHash(sha1.ComputeHash(rawInfo.Array!, rawInfo.Offset, rawInfo.Count));
        }

        public static InfoHash V2(ArraySegment<byte> rawInfo)
        {
            using SHA256 sha256 = SHA256.Create();
            return new InfoHash(sha256.ComputeHash(rawInfo.Array!, rawInfo.Offset, rawInfo.Count));
        }
    }
}
