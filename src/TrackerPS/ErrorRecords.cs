using System;
using System.IO;
using System.Management.Automation;
using TrackerPS.Core.Bencode;
using TrackerPS.Core.Metainfo;

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

        /// <summary>
        /// The error for a failure to read and parse one .torrent file: gone since it was resolved (FileNotFound), unreadable
        /// (FileReadFailed) or not a torrent (TorrentParseFailed); null for any other exception, which is not this file's fault.
        /// </summary>
        internal static ErrorRecord? TorrentFileFailed(Exception exception, string path) => exception switch
        {
            FileNotFoundException or DirectoryNotFoundException => FileNotFound(exception, path),
            IOException or UnauthorizedAccessException => ReadFailed(exception, path),
            BencodeException or MetainfoException => ParseFailed((FormatException)exception, path),
            _ => null,
        };

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
