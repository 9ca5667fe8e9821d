using System;

namespace TrackerPS.Fuzz
{
    /// <summary>A property a target checks beyond "no undocumented exception" failed (a round trip, say): a finding.</summary>
    public sealed class FuzzContractException : Exception
    {
        /// <summary>Creates the finding.</summary>
        /// <param name="message">Which property failed, and how.</param>
        public FuzzContractException(string message)
            : base(message)
        {
        }
    }
}
