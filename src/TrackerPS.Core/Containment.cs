using System;
using System.Threading;

namespace TrackerPS.Core
{
    /// <summary>
    /// The rule that keeps one hostile item from stopping the rest: every exception that parsing one torrent, one tracker
    /// reply or one magnet link throws becomes that item's own error, with the original as its inner exception. Only
    /// what no caller can recover from passes through. The places every item is parsed through, and so contained:
    /// <c>TorrentReader.Contain</c> (every torrent, as <c>MetainfoException</c>), <c>MagnetUriParser.Contain</c> (every
    /// magnet link, as <c>FormatException</c>), <c>TrackerReplyContainment</c> (every request of <c>HttpTrackerClient</c>
    /// and <c>UdpTrackerClient</c>, also used directly, as a <c>TrackerException</c> of kind <c>ProtocolViolation</c>)
    /// and <c>ThrottledTrackerRequest</c> (every request of an announce or scrape run, through any client, likewise).
    /// </summary>
    internal static class Containment
    {
        /// <summary>
        /// True for the exceptions that are not contained: the process is out of memory, a thread is being aborted, or
        /// memory is corrupt. A cancellation the caller asked for is not contained either; the catch sites test it.
        /// </summary>
        public static bool IsFatal(Exception exception) =>
            exception is OutOfMemoryException || exception is ThreadAbortException || exception is AccessViolationException;

        /// <summary>True when <paramref name="exception"/> becomes the item's error: not fatal, and not the caller's cancellation.</summary>
        public static bool Contains(Exception exception, CancellationToken callerToken) =>
            !IsFatal(exception) && !(exception is OperationCanceledException && callerToken.IsCancellationRequested);
    }
}
