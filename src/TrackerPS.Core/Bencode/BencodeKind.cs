namespace TrackerPS.Core.Bencode
{
    /// <summary>The four bencode value kinds (BEP 3 §bencoding).</summary>
    public enum BencodeKind
    {
        /// <summary><c>i&lt;digits&gt;e</c>, a signed 64-bit integer.</summary>
        Integer,

        /// <summary><c>&lt;length&gt;:&lt;bytes&gt;</c>, a byte string.</summary>
        String,

        /// <summary><c>l…e</c>, a list.</summary>
        List,

        /// <summary><c>d…e</c>, a dictionary with byte-string keys.</summary>
        Dictionary,
    }
}
