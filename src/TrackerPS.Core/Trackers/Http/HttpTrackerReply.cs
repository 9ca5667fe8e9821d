using System;

namespace TrackerPS.Core.Trackers.Http
{
    /// <summary>The final (non-redirect) answer to one tracker GET: status, decompressed body and wall time.</summary>
    internal sealed class HttpTrackerReply
    {
        /// <summary>Creates the reply.</summary>
        /// <param name="statusCode">The HTTP status code.</param>
        /// <param name="body">The decompressed body, at most the size limit.</param>
        /// <param name="elapsed">Wall time from the first request to the end of the body, redirects included.</param>
        public HttpTrackerReply(int statusCode, byte[] body, TimeSpan elapsed)
        {
            StatusCode = statusCode;
            Body = body;
            Elapsed = elapsed;
        }

        /// <summary>The HTTP status code.</summary>
        public int StatusCode { get; }

        /// <summary>The decompressed body.</summary>
        public byte[] Body { get; }

        /// <summary>Wall time, redirects included.</summary>
        public TimeSpan Elapsed { get; }
    }
}
