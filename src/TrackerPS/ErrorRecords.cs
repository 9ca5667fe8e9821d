using System;
using System.IO;
using System.Management.Automation;

namespace TrackerPS
{
    /// <summary>Builds the module's non-terminating errors; the target object is always the path concerned.</summary>
    internal static class ErrorRecords
    {
        internal static ErrorRecord FileNotFound(Exception exception, string path) =>
            new ErrorRecord(exception, ErrorIds.FileNotFound, ErrorCategory.ObjectNotFound, path);

        internal static ErrorRecord FileNotFound(string path) =>
            FileNotFound(new FileNotFoundException($"Cannot find the file '{path}' because it does not exist.", path), path);

        internal static ErrorRecord NoWildcardMatch(string path) =>
            FileNotFound(new FileNotFoundException($"No file matches '{path}'.", path), path);

        internal static ErrorRecord NotAFile(string path, string reason) =>
            new ErrorRecord(new ArgumentException($"'{path}' is not a file: {reason.TrimEnd('.')}."), ErrorIds.PathNotFileSystem, ErrorCategory.InvalidArgument, path);

        internal static ErrorRecord ReadFailed(Exception exception, string path) =>
            new ErrorRecord(
                exception,
                ErrorIds.FileReadFailed,
                exception is UnauthorizedAccessException ? ErrorCategory.PermissionDenied : ErrorCategory.ReadError,
                path);

        internal static ErrorRecord ParseFailed(FormatException exception, string path) =>
            new ErrorRecord(exception, ErrorIds.TorrentParseFailed, ErrorCategory.InvalidData, path);
    

        internal static ErrorRecord WriteFailed(Exception exception, string path) =>
            new ErrorRecord(
                exception,
                ErrorIds.FileWriteFailed,
                exception switch
                {
                    UnauthorizedAccessException => ErrorCategory.PermissionDenied,
                    DirectoryNotFoundException => ErrorCategory.ObjectNotFound,
                    _ => ErrorCategory.WriteError,
                },
                path);
    }
}
