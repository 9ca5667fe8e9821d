using System;
using System.IO;
using System.Reflection;
using System.Runtime.CompilerServices;
using TrackerPS.Core.Runtime;

namespace TrackerPS.Core.Authoring
{
    /// <summary>
    /// Reads symbolic links for <see cref="ContentScanner"/> and <see cref="TorrentVerifier"/>, and resolves a link's target
    /// to a BEP 47 <c>symlink path</c>: path elements from the torrent's root.
    /// </summary>
    /// <remarks>
    /// netstandard2.0 has no API for a link's target; <c>FileSystemInfo.LinkTarget</c> (.NET 6, so PowerShell 7.2 and
    /// later) is used when the runtime has it. Under Windows PowerShell 5.1 no link is seen as one, and links are followed
    /// by the file system as before.
    /// </remarks>
    public static class SymbolicLinks
    {
        /// <summary>Links followed in a row before giving up, as Linux does (ELOOP after 40).</summary>
        public const int MaxLinkHops = 40;

        private static readonly PropertyInfo? s_linkTarget = typeof(FileSystemInfo).GetProperty("LinkTarget");

        /// <summary>True when the runtime can read link targets (.NET 6 and later).</summary>
        public static bool IsSupported => s_linkTarget is not null;

        /// <summary>The target a link holds, as written in it (relative or absolute); null when the item is not a link.</summary>
        /// <param name="item">A file or folder, not followed.</param>
        /// <returns>The raw target, or null.</returns>
        [MethodImpl(HotPath.Optimized)]
        public static string? Target(FileSystemInfo item)
        {
            if (s_linkTarget is null || (item.Attributes & FileAttributes.ReparsePoint) == 0)
            {
                return null;
            }

            return s_linkTarget.GetValue(item) as string;
        }

        /// <summary>
        /// Resolves a link's target against the folder holding the link, as the file system does (<c>..</c> taken
        /// lexically), to its full path.
        /// </summary>
        /// <param name="linkFolder">The full path of the folder holding the link.</param>
        /// <param name="target">The raw target.</param>
        /// <returns>The target's full path.</returns>
        public static string Resolve(string linkFolder, string target) =>
            Path.GetFullPath(Path.IsPathRooted(target) ? target : Path.Combine(linkFolder, target));

        /// <summary>Where a chain of links starting with <paramref name="link"/> (held in <paramref name="folder"/>) ends: a path that is not a link.</summary>
        /// <param name="folder">The full path of the folder holding the first link.</param>
        /// <param name="link">The first link's raw target.</param>
        /// <returns>The full path the chain ends at (which may not exist).</returns>
        /// <exception cref="IOException">The chain is longer than <see cref="MaxLinkHops"/> (a loop of links).</exception>
        public static string FinalTarget(string folder, string link)
        {
            string path = Resolve(folder, link);
            for (int hops = 1; Target(new FileInfo(path)) is string next; hops++)
            {
                if (hops >= MaxLinkHops)
                {
                    throw new IOException($"'{path}' is more than {MaxLinkHops} symbolic links deep (a loop of links).");
                }

                path = Resolve(Path.GetDirectoryName(path) ?? folder, next);
            }

            return path;
        }

        /// <summary>
        /// The BEP 47 <c>symlink path</c> of a link: its target's path elements from <paramref name="root"/>, the torrent's
        /// root (BEP 47 says the target is given from the root of the torrent; libtorrent 2.0.8 reads it that way first).
        /// </summary>
        /// <param name="root">The full path of the content folder.</param>
        /// <param name="linkFolder">The full path of the folder holding the link.</param>
        /// <param name="target">The raw target.</param>
        /// <returns>The path elements, or null when the target is the root itself or outside it.</returns>
        public static string[]? FromRoot(string root, string linkFolder, string target)
        {
            string full = Resolve(linkFolder, target).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
            string prefix = root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
            if (!full.StartsWith(prefix, StringComparison.Ordinal))
            {
                return null;
            }

            return full.Substring(prefix.Length).Split(new[] { Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar }, StringSplitOptions.RemoveEmptyEntries);
        }
    }
}
