using System;

namespace TrackerPS.Core.PeerWire
{
    /// <summary>A failure talking to one peer; <see cref="Exception.Message"/> says what happened, without the peer's address.</summary>
    public sealed class PeerWireException : Exception
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="kind">What kind of failure.</param>
        /// <param name="message">What happened, e.g. "connection refused".</param>
        /// <param name="inner">The socket error behind it, or null.</param>
        public PeerWireException(PeerErrorKind kind, string message, Exception? inner = null)
            : base(message, inner)
        {
            Kind = kind;
        }

        /// <summary>What kind of failure.</summary>
        public PeerErrorKind Kind { get; }
    }
}
