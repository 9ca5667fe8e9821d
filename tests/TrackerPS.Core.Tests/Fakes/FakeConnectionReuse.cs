namespace TrackerPS.Core.Tests.Fakes
{
    /// <summary>What <see cref="FakeHttpTracker"/> does with a connection after it reads a request.</summary>
    internal enum FakeConnectionReuse
    {
        /// <summary>Answers with <c>Connection: close</c> and closes: one request per connection.</summary>
        CloseAfterReply,

        /// <summary>
        /// Answers without <c>Connection: close</c>, so the client keeps the connection. The next request on it is reset
        /// (RST) unanswered. This is opentracker's race, made certain: it closes after every reply without saying so.
        /// </summary>
        ResetNextRequest,

        /// <summary>Resets every connection (RST) as soon as a request has arrived, never answering.</summary>
        ResetEveryRequest,
    }
}
