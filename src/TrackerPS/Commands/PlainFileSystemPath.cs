using System;
using System.IO;
using System.Management.Automation;
using Microsoft.PowerShell.Commands;
using DriveNotFoundException = System.Management.Automation.DriveNotFoundException;

namespace TrackerPS.Commands
{
    /// <summary>
    /// Recognises a <c>-LiteralPath</c> that the FileSystem provider would resolve to itself: a rooted path already in the
    /// platform's normal form (<c>/a/b</c>, <c>C:\a\b</c>), bare or behind the <c>Microsoft.PowerShell.Core\FileSystem::</c>
    /// prefix that <c>Get-ChildItem</c> puts in <c>PSPath</c>. Such a path skips
    /// <see cref="PathIntrinsics.GetUnresolvedProviderPathFromPSPath(string, out ProviderInfo, out PSDriveInfo)"/>, which cost
    /// about 50 µs per path, more than reading and parsing a small torrent. Any other path (relative, <c>~</c>, <c>..</c>,
    /// another provider, a drive not mapped to its own root) goes through the provider as before, with its errors.
    /// </summary>
    internal sealed class PlainFileSystemPath
    {
        private const string ProviderPrefix = @"Microsoft.PowerShell.Core\FileSystem::";
        private static readonly bool s_windows = Path.DirectorySeparatorChar == '\\';
        private readonly SessionState _sessionState;
        private string? _checkedRoot;

        /// <param name="sessionState">The cmdlet's session state, whose drives a bare path must sit on.</param>
        public PlainFileSystemPath(SessionState sessionState)
        {
            _sessionState = sessionState;
        }

        /// <summary>The FileSystem provider path of <paramref name="path"/> when it is plain; otherwise false.</summary>
        public bool TryResolve(string path, out string providerPath)
        {
            bool qualified = path.StartsWith(ProviderPrefix, StringComparison.OrdinalIgnoreCase);
            providerPath = qualified ? path.Substring(ProviderPrefix.Length) : path;
            return IsNormalRootedPath(providerPath) && (qualified || IsOnItsOwnDrive(providerPath));
        }

        /// <summary>
        /// Rooted (a drive letter and separator on Windows, <c>/</c> elsewhere), no trailing separator, and unchanged by
        /// <see cref="Path.GetFullPath(string)"/>: no <c>.</c> or <c>..</c>, no doubled or foreign separators (PowerShell
        /// reads <c>\</c> as a separator on every platform).
        /// </summary>
        private static bool IsNormalRootedPath(string path)
        {
            bool rooted = s_windows
                ? path.Length >= 3 && IsAsciiLetter(path[0]) && path[1] == ':' && path[2] == '\\'
                : path.Length >= 2 && path[0] == '/' && path.IndexOf('\\') < 0;
            if (!rooted || path[path.Length - 1] == Path.DirectorySeparatorChar)
            {
                return false;
            }

            try
            {
                return string.Equals(Path.GetFullPath(path), path, StringComparison.Ordinal);
            }
            catch (Exception e) when (e is ArgumentException || e is NotSupportedException || e is PathTooLongException)
            {
                return false;
            }
        }

        /// <summary>True when the path's root is a FileSystem drive whose root it is (<c>C:</c> at <c>C:\</c>, <c>/</c> at <c>/</c>); checked once per root.</summary>
        private bool IsOnItsOwnDrive(string path)
        {
            string root = Path.GetPathRoot(path)!;
            if (string.Equals(root, _checkedRoot, StringComparison.Ordinal))
            {
                return true;
            }

            PSDriveInfo drive;
            try
            {
                drive = _sessionState.Drive.Get(s_windows ? root.Substring(0, 1) : root);
            }
            catch (DriveNotFoundException)
            {
                return false;
            }

            // Compared case-sensitively: the provider spells the drive as the drive's root does (C:, never c:).
            char separator = Path.DirectorySeparatorChar;
            bool own = drive.Provider.ImplementingType == typeof(FileSystemProvider)
                && string.Equals(drive.Root.TrimEnd(separator), root.TrimEnd(separator), StringComparison.Ordinal);
            if (own)
            {
                _checkedRoot = root;
            }

            return own;
        }

        private static bool IsAsciiLetter(char c) => (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }
}
