using System;
using System.ComponentModel;
using System.IO;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace TrackerPS.Core.IO
{
    /// <summary>
    /// Opens a file for reading without keeping anyone else out: shared for reading, writing and deletion, and, on Unix,
    /// with no lock. .NET's own <see cref="FileStream"/> takes an advisory shared <c>flock</c> on every file it opens on
    /// Unix (unless the whole process turns file locking off), which makes a client that locks its files exclusively fail
    /// while a torrent is read or its data hashed; here the file is opened with <c>open(2)</c> and wrapped.
    /// </summary>
    public static class ReadOnlyFile
    {
        private const int ErrorNotPermitted = 1;
        private const int ErrorNoEntry = 2;
        private const int ErrorAccess = 13;
        private const int ErrorNotDirectory = 20;
        private const int ErrorIsDirectoryOnLinux = 21;
        private static readonly bool s_linux = RuntimeInformation.IsOSPlatform(OSPlatform.Linux);
        private static readonly byte[] s_noBytes = new byte[1];

        /// <summary>Opens a file for reading.</summary>
        /// <param name="path">The file's full path.</param>
        /// <param name="bufferSize">The stream's buffer in bytes; 1 for none.</param>
        /// <param name="options">Windows only (on Unix the reads are what the caller makes them): as <see cref="FileStream"/> takes them.</param>
        /// <returns>The stream, positioned at the start.</returns>
        /// <exception cref="FileNotFoundException">Nothing is at <paramref name="path"/>.</exception>
        /// <exception cref="DirectoryNotFoundException">A folder on the way is missing or is a file.</exception>
        /// <exception cref="UnauthorizedAccessException">Access is denied, or <paramref name="path"/> is a folder.</exception>
        /// <exception cref="IOException">The file cannot be opened for another reason.</exception>
        /// <exception cref="ArgumentException"><paramref name="path"/> holds a zero character (Unix would read it as the end).</exception>
        public static FileStream Open(string path, int bufferSize, FileOptions options)
        {
            if (path.IndexOf('\0') >= 0)
            {
                throw new ArgumentException($"The path '{path.Replace('\0', '?')}' holds a zero character.", nameof(path));
            }

            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            {
                return new FileStream(path, FileMode.Open, System.IO.FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize, options);
            }

            int descriptor = NativeMethods.Open(path, CloseOnExec());
            if (descriptor < 0)
            {
                throw Failure(Marshal.GetLastWin32Error(), path);
            }

            var handle = new SafeFileHandle((IntPtr)descriptor, ownsHandle: true);
            try
            {
                if (IsFolder(descriptor, path))
                {
                    throw new UnauthorizedAccessException($"Access to the path '{path}' is denied: it is a folder.");
                }

                return new FileStream(handle, System.IO.FileAccess.Read, bufferSize);
            }
            catch
            {
                handle.Dispose();
                throw;
            }
        }

        /// <summary>
        /// Whether what was opened is a folder, which <c>open(2)</c> opens for reading like a file. On Linux a read of zero
        /// bytes tells, for a fraction of a <c>stat</c> of the path (which walks the path again): it fails with
        /// <c>EISDIR</c> on a folder and reads nothing from a file. Elsewhere the path is looked up.
        /// </summary>
        private static bool IsFolder(int descriptor, string path) => s_linux
            ? (long)NativeMethods.Read(descriptor, s_noBytes, UIntPtr.Zero) < 0 && Marshal.GetLastWin32Error() == ErrorIsDirectoryOnLinux
            : Directory.Exists(path);

        /// <summary><c>O_CLOEXEC</c> (a child process does not inherit the file), whose value differs by system; <c>O_RDONLY</c> is 0 everywhere.</summary>
        private static int CloseOnExec() =>
            s_linux ? 0x80000
            : RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? 0x1000000
            : 0;

        private static Exception Failure(int error, string path)
        {
            string reason = new Win32Exception(error).Message;
            return error switch
            {
                ErrorNoEntry when Directory.Exists(Path.GetDirectoryName(path)) => new FileNotFoundException($"Could not find file '{path}': {reason}.", path),
                ErrorNoEntry or ErrorNotDirectory => new DirectoryNotFoundException($"Could not find a part of the path '{path}': {reason}."),
                ErrorAccess or ErrorNotPermitted => new UnauthorizedAccessException($"Access to the path '{path}' is denied: {reason}."),
                _ => new IOException($"Cannot open '{path}': {reason}.", error),
            };
        }

        private static class NativeMethods
        {
            // ANSI strings are UTF-8 on Unix, passed without a copy on the heap.
            [DllImport("libc", EntryPoint = "open", CharSet = CharSet.Ansi, BestFitMapping = false, SetLastError = true)]
            public static extern int Open([MarshalAs(UnmanagedType.LPStr)] string path, int flags);

            [DllImport("libc", EntryPoint = "read", SetLastError = true)]
            public static extern IntPtr Read(int descriptor, byte[] buffer, UIntPtr count);
        }
    }
}
