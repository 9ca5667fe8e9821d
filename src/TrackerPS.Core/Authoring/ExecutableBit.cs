using System;
using System.IO;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.CompilerServices;
using TrackerPS.Core.Runtime;

namespace TrackerPS.Core.Authoring
{
    /// <summary>
    /// Whether a file gets the BEP 47 'x' (executable) attribute: as in libtorrent 2.0.8, when its owner may execute it
    /// (the Unix mode's <c>S_IXUSR</c>, 0100); on Windows never.
    /// </summary>
    /// <remarks>
    /// netstandard2.0 has no API for the Unix mode; <c>FileSystemInfo.UnixFileMode</c> (.NET 7, so PowerShell 7.3 and
    /// later) is used when the runtime has it. It follows links, so a followed link gets its target's bit (libtorrent
    /// 2.0.8 takes the link's own mode, 0777 on Linux, and marks every followed link executable).
    /// </remarks>
    public static class ExecutableBit
    {
        /// <summary><c>S_IXUSR</c>: the owner may execute.</summary>
        private const int OwnerExecute = 0x40;

        private static readonly PropertyInfo? s_unixFileMode = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? null : typeof(FileSystemInfo).GetProperty("UnixFileMode");

        /// <summary>
        /// True for a symbolic link stored as one: a link's own mode on Linux (0777) and macOS (0755) lets the owner
        /// execute, and libtorrent 2.0.8 writes 'xl' for it; on Windows false.
        /// </summary>
        public static bool OfStoredLink => !RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

        /// <summary>Whether the owner may execute <paramref name="file"/> (its target's mode if it is a link).</summary>
        /// <param name="file">The file.</param>
        /// <returns>False on Windows, or when the runtime cannot read the mode.</returns>
        [MethodImpl(HotPath.Optimized)]
        public static bool IsSet(FileSystemInfo file)
        {
            if (s_unixFileMode is null)
            {
                return false;
            }

            // -1 when the file (or a link's target) is not there.
            int mode = Convert.ToInt32(s_unixFileMode.GetValue(file), System.Globalization.CultureInfo.InvariantCulture);
            return mode >= 0 && (mode & OwnerExecute) != 0;
        }
    }
}
