namespace TrackerPS
{
    /// <summary>
    /// The announce <c>event</c>. The numeric values are the BEP 15 §announce codes; <see cref="Paused"/> is
    /// HTTP only (BEP 21) and is sent to a UDP tracker as <see cref="None"/>.
    /// </summary>
    public enum TrackerEvent
    {
        /// <summary>A regular announce (BEP 15 code 0; no <c>event</c> parameter over HTTP).</summary>
        None = 0,

        /// <summary>The download finished (BEP 15 code 1).</summary>
        Completed = 1,

        /// <summary>The first announce of a download (BEP 15 code 2).</summary>
        Started = 2,

        /// <summary>The client is leaving the swarm (BEP 15 code 3).</summary>
        Stopped = 3,

        /// <summary>A partial seed that stopped downloading (BEP 21, HTTP <c>event=paused</c>).</summary>
        Paused = 4,
    }
}
