namespace TrackerPS
{
    /// <summary>How <c>Get-TorrentInfoHash</c> writes info-hashes.</summary>
    public enum InfoHashFormat
    {
        /// <summary>Lower-case hexadecimal: 40 characters for 20 bytes, 64 for 32 bytes.</summary>
        Hex,

        /// <summary>RFC 4648 base32, upper case, no padding: 32 characters for 20 bytes (BEP 9 magnet links), 52 for 32 bytes.</summary>
        Base32,
    }
}
