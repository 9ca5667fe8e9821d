using System;
using System.Collections.Generic;

namespace TrackerPS.Core.Tests.Fakes
{
    /// <summary>One request as <see cref="FakeHttpTracker"/> received it, byte for byte in the request line.</summary>
    internal sealed class FakeHttpRequest
    {
        public FakeHttpRequest(string requestLine, IReadOnlyDictionary<string, string> headers)
        {
            RequestLine = requestLine;
            Headers = headers;
            string[] parts = requestLine.Split(' ');
            Target = parts.Length == 3 ? parts[1] : string.Empty;
        }

        /// <summary>The raw request line, e.g. <c>GET /announce?info_hash=%00... HTTP/1.1</c>.</summary>
        public string RequestLine { get; }

        /// <summary>The request target (path and query, still escaped).</summary>
        public string Target { get; }

        /// <summary>The path part of <see cref="Target"/>.</summary>
        public string Path => Target.Split('?')[0];

        /// <summary>How many times <paramref name="name"/><c>=</c> occurs in the query.</summary>
        public int CountParameter(string name)
        {
            int question = Target.IndexOf('?');
            if (question < 0)
            {
                return 0;
            }

            int count = 0;
            foreach (string pair in Target.Substring(question + 1).Split('&'))
            {
                if (pair.StartsWith(name + "=", StringComparison.Ordinal))
                {
                    count++;
                }
            }

            return count;
        }

        /// <summary>Headers by lower-case name.</summary>
        public IReadOnlyDictionary<string, string> Headers { get; }
    }
}
