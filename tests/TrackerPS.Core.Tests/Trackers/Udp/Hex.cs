using System;

namespace TrackerPS.Core.Tests.Trackers.Udp
{
    /// <summary>Hex with spaces between fields, so expected packets read like the BEP 15 tables.</summary>
    internal static class Hex
    {
        internal static byte[] Bytes(string spaced) => Convert.FromHexString(spaced.Replace(" ", string.Empty));
    }
}
