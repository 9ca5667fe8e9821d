using System;
using System.Collections.Generic;
using System.Text;
using TrackerPS.Core.Bencode;

namespace TrackerPS.Core.Tests.Fakes
{
    /// <summary>What <see cref="FakeHttpTracker"/> sends back, including misbehaviour (delays, drip, truncation).</summary>
    internal sealed class FakeHttpResponse
    {
        public int Status { get; init; } = 200;

        public byte[] Body { get; init; } = Array.Empty<byte>();

        /// <summary>Extra headers (Content-Length and Connection are written by the server).</summary>
        public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = Array.Empty<KeyValuePair<string, string>>();

        /// <summary>When false, no Content-Length: the body ends when the connection closes.</summary>
        public bool SendContentLength { get; init; } = true;

        /// <summary>Wait before sending anything.</summary>
        public TimeSpan HeaderDelay { get; init; }

        /// <summary>When positive, the body is sent one byte at a time with this pause between bytes.</summary>
        public TimeSpan DripInterval { get; init; }

        /// <summary>When set, only this many body bytes are sent (Content-Length still announces all), then the connection closes.</summary>
        public int? CloseAfterBodyBytes { get; init; }

        public static FakeHttpResponse Bencoded(BValue value, int status = 200) => new FakeHttpResponse { Status = status, Body = BencodeEncoder.Encode(value) };

        public static FakeHttpResponse Text(string text, int status = 200, string contentType = "text/plain") => new FakeHttpResponse
        {
            Status = status,
            Body = Encoding.UTF8.GetBytes(text),
            Headers = new[] { new KeyValuePair<string, string>("Content-Type", contentType) },
        };

        public static FakeHttpResponse Redirect(string location, int status = 302) => new FakeHttpResponse
        {
            Status = status,
            Headers = new[] { new KeyValuePair<string, string>("Location", location) },
        };
    }
}
