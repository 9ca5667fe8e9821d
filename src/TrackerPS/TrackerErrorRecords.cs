using System.Management.Automation;
using TrackerPS.Core.Trackers;

namespace TrackerPS
{
    /// <summary>The ErrorRecord of a failed tracker request: one ErrorId and category per <see cref="TrackerErrorKind"/>, target the tracker URI.</summary>
    internal static class TrackerErrorRecords
    {
        public static ErrorRecord Create(TrackerException error)
        {
            (string errorId, ErrorCategory category) = error.Kind switch
            {
                TrackerErrorKind.FailureReason => ("TrackerFailureReason", ErrorCategory.InvalidResult),
                TrackerErrorKind.Timeout => ("TrackerTimeout", ErrorCategory.OperationTimeout),
                TrackerErrorKind.ConnectionFailed => ("TrackerConnectionFailed", ErrorCategory.ConnectionError),
                TrackerErrorKind.ProtocolViolation => ("TrackerProtocolViolation", ErrorCategory.ProtocolError),
                TrackerErrorKind.UnsupportedScheme => ("UnsupportedTrackerScheme", ErrorCategory.InvalidArgument),
                TrackerErrorKind.ScrapeNotSupported => ("ScrapeNotSupported", ErrorCategory.NotImplemented),
                TrackerErrorKind.RefusedByPolicy => ("TrackerRefusedByPolicy", ErrorCategory.SecurityError),
                _ => ("TrackerError", ErrorCategory.NotSpecified),
            };
            return new ErrorRecord(error, errorId, category, error.Tracker);
        }
    }
}
