namespace TrackerPS.Core.PeerWire
{
    /// <summary>The <c>msg_type</c> of a ut_metadata message (BEP 9 §extension message).</summary>
    public enum MetadataMessageType
    {
        /// <summary>0: request one piece.</summary>
        Request = 0,

        /// <summary>1: one piece of the info dictionary, with <c>total_size</c>.</summary>
        Data = 1,

        /// <summary>2: the sender will not send the requested piece.</summary>
        Reject = 2,
    }
}
