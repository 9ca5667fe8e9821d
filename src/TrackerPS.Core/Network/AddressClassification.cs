namespace TrackerPS.Core.Network
{
    /// <summary>The scope of an IP address and the range it falls in, e.g. Private and "192.168.0.0/16, private".</summary>
    public sealed class AddressClassification
    {
        /// <summary>Creates the classification.</summary>
        /// <param name="scope">The scope.</param>
        /// <param name="range">The range in CIDR notation with a name where it has one, e.g. "169.254.169.254, cloud metadata service".</param>
        public AddressClassification(AddressScope scope, string range)
        {
            Scope = scope;
            Range = range;
        }

        /// <summary>The scope.</summary>
        public AddressScope Scope { get; }

        /// <summary>The range, for messages; "global" for <see cref="AddressScope.Global"/>.</summary>
        public string Range { get; }
    }
}
