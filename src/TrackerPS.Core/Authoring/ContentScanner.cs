using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using TrackerPS.Core.Runtime;

namespace TrackerPS.Core.Authoring
{
    /// <summary>
    /// Finds the files New-Torrent makes a torrent of: the file itself, or every file under a folder, hidden ones left out
    /// unless asked for, in <see cref="PathOrder"/>. Symbolic links are followed (a link to a folder that holds the link is
    /// a loop, and an error; so is a link to nothing) or, with <see cref="SymlinkMode.Store"/>, kept as BEP 47 symlinks
    /// whose targets must be inside the content.
    /// </summary>
    public static class ContentScanner
    {
        /// <summary>Scans a file or a folder.</summary>
        /// <param name="path">The full path of the file or folder.</param>
        /// <param name="options">Which files to take.</param>
        /// <returns>The content, named after the file or folder.</returns>
        /// <exception cref="FileNotFoundException">Nothing is at <paramref name="path"/>, or a followed link leads to nothing.</exception>
        /// <exception cref="ArgumentException">The folder holds no file to take.</exception>
        /// <exception cref="IOException">A folder could not be listed, or is nested deeper than <see cref="ContentScanOptions.MaxDepth"/>; a followed link leads to a folder holding it; a stored link points outside the content.</exception>
        /// <exception cref="NotSupportedException"><see cref="SymlinkMode.Store"/> on a runtime that cannot read link targets.</exception>
        /// <exception cref="UnauthorizedAccessException">A folder could not be listed.</exception>
        public static ContentSet Scan(string path, ContentScanOptions options)
        {
            string full = Path.GetFullPath(path).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
            if (full.Length == 0)
            {
                full = Path.GetPathRoot(Path.GetFullPath(path)) ?? path;
            }

            if (File.Exists(full))
            {
                // The file named is always followed, as a shell would; FileInfo gives a link's own length.
                var file = new FileInfo(full);
                var data = SymbolicLinks.Target(file) is string link ? new FileInfo(SymbolicLinks.FinalTarget(file.DirectoryName!, link)) : file;
                return new ContentSet(file.Name, true, new[] { new ContentFile(file.FullName, Array.Empty<string>(), data.Length) { IsExecutable = ExecutableBit.IsSet(data) } });
            }

            if (!Directory.Exists(full))
            {
                throw new FileNotFoundException($"'{full}' does not exist.", full);
            }

            if (options.Symlinks == SymlinkMode.Store && !SymbolicLinks.IsSupported)
            {
                throw new NotSupportedException("Storing symbolic links needs a runtime that reads their targets (.NET 6: PowerShell 7.2 or later).");
            }

            var walker = new Walker(full, options);
            walker.Walk(new DirectoryInfo(full), full);
            if (walker.Files.Count == 0)
            {
                throw new ArgumentException($"'{full}' holds no file to make a torrent of (hidden files are left out unless -IncludeHidden is given).", nameof(path));
            }

            walker.Files.Sort(PathOrder.Instance);
            return new ContentSet(new DirectoryInfo(full).Name, false, walker.Files);
        }

        [MethodImpl(HotPath.Optimized)]
        private static bool IsHidden(FileSystemInfo item) =>
            item.Name.StartsWith(".", StringComparison.Ordinal) || (item.Attributes & FileAttributes.Hidden) != 0;

        /// <summary>One scan's walk: the files found so far and the path elements of the folder being listed.</summary>
        private sealed class Walker
        {
            private readonly string _root;
            private readonly ContentScanOptions _options;
            private readonly List<string> _elements = new List<string>();

            public Walker(string root, ContentScanOptions options)
            {
                _root = root;
                _options = options;
            }

            public List<ContentFile> Files { get; } = new List<ContentFile>();

            /// <param name="folder">The folder to list, by the path it was reached by.</param>
            /// <param name="realFolder">Its path with the links on the way resolved, to find loops by.</param>
            [MethodImpl(HotPath.Optimized)]
            public void Walk(DirectoryInfo folder, string realFolder)
            {
                if (_elements.Count > _options.MaxDepth)
                {
                    throw new IOException($"'{folder.FullName}' is nested more than {_options.MaxDepth} folders deep.");
                }

                foreach (FileSystemInfo item in folder.EnumerateFileSystemInfos().OrderBy(i => i.Name, StringComparer.Ordinal))
                {
                    if (!_options.IncludeHidden && IsHidden(item))
                    {
                        continue;
                    }

                    _elements.Add(item.Name);
                    string? link = SymbolicLinks.Target(item);
                    if (link is not null && _options.Symlinks == SymlinkMode.Store)
                    {
                        AddLink(item, link, folder.FullName);
                    }
                    else if (item is DirectoryInfo child)
                    {
                        Walk(child, link is null ? Path.Combine(realFolder, item.Name) : FollowFolder(item, link, realFolder));
                    }
                    else
                    {
                        AddFile(item, link, realFolder);
                    }

                    _elements.RemoveAt(_elements.Count - 1);
                }
            }

            private bool Taken(string name) => _options.Filter is null || _options.Filter(string.Join("/", _elements), name);

            [MethodImpl(HotPath.Optimized)]
            private void AddFile(FileSystemInfo item, string? link, string realFolder)
            {
                if (!Taken(item.Name))
                {
                    return;
                }

                // A followed link's length and mode are its target's (FileInfo gives a link's own length).
                var target = link is null ? (FileInfo)item : new FileInfo(SymbolicLinks.FinalTarget(realFolder, link));
                if (!target.Exists)
                {
                    throw new FileNotFoundException($"'{item.FullName}' is a symbolic link to '{link}', which does not exist: there is nothing to hash. Remove it or -Exclude it.", item.FullName);
                }

                Files.Add(new ContentFile(item.FullName, _elements.ToArray(), target.Length) { IsExecutable = ExecutableBit.IsSet(target) });
            }

            private void AddLink(FileSystemInfo item, string link, string folder)
            {
                if (!Taken(item.Name))
                {
                    return;
                }

                // BEP 47: a symlink path is read from the torrent's root, so a target outside the content (or the content
                // folder itself) cannot be written; libtorrent 2.0.8 writes such targets as they are, and readers drop them.
                string[] target = SymbolicLinks.FromRoot(_root, folder, link)
                    ?? throw new IOException($"'{item.FullName}' is a symbolic link to '{link}', which is not inside the content '{_root}': a BEP 47 symlink can only point into the torrent. Remove or -Exclude it, or leave -Symlink Store out to follow it.");
                Files.Add(new ContentFile(item.FullName, _elements.ToArray(), 0) { IsExecutable = ExecutableBit.OfStoredLink, SymlinkTarget = target });
            }

            private string FollowFolder(FileSystemInfo item, string link, string realFolder)
            {
                string target = SymbolicLinks.FinalTarget(realFolder, link);
                string inside = realFolder.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
                if (inside.StartsWith(target.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                {
                    throw new IOException($"'{item.FullName}' is a symbolic link to '{link}', a folder that holds the link itself: following it would never end. Remove or -Exclude it, or use -Symlink Store.");
                }

                return target;
            }
        }
    }
}
