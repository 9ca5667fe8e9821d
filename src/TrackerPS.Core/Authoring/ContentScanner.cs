using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace TrackerPS.Core.Authoring
{
    /// <summary>
    /// Finds the files New-Torrent makes a torrent of: the file itself, or every file under a folder (symbolic links
    /// followed), hidden ones left out unless asked for, in <see cref="PathOrder"/>.
    /// </summary>
    public static class ContentScanner
    {
        /// <summary>Scans a file or a folder.</summary>
        /// <param name="path">The full path of the file or folder.</param>
        /// <param name="options">Which files to take.</param>
        /// <returns>The content, named after the file or folder.</returns>
        /// <exception cref="FileNotFoundException">Nothing is at <paramref name="path"/>.</exception>
        /// <exception cref="ArgumentException">The folder holds no file to take.</exception>
        /// <exception cref="IOException">A folder could not be listed, or is nested deeper than <see cref="ContentScanOptions.MaxDepth"/>.</exception>
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
                var file = new FileInfo(full);
                return new ContentSet(file.Name, true, new[] { new ContentFile(file.FullName, Array.Empty<string>(), file.Length) });
            }

            if (!Directory.Exists(full))
            {
                throw new FileNotFoundException($"'{full}' does not exist.", full);
            }

            var files = new List<ContentFile>();
            Walk(new DirectoryInfo(full), new List<string>(), options, files);
            if (files.Count == 0)
            {
                throw new ArgumentException($"'{full}' holds no file to make a torrent of (hidden files are left out unless -IncludeHidden is given).", nameof(path));
            }

            files.Sort(PathOrder.Instance);
            return new ContentSet(new DirectoryInfo(full).Name, false, files);
        }

        private static void Walk(DirectoryInfo folder, List<string> elements, ContentScanOptions options, List<ContentFile> files)
        {
            if (elements.Count >= options.MaxDepth)
            {
                throw new IOException($"'{folder.FullName}' is nested more than {options.MaxDepth} folders deep (a symbolic link loop?).");
            }

            foreach (FileSystemInfo item in folder.EnumerateFileSystemInfos().OrderBy(i => i.Name, StringComparer.Ordinal))
            {
                if (!options.IncludeHidden && IsHidden(item))
                {
                    continue;
                }

                elements.Add(item.Name);
                if (item is DirectoryInfo child)
                {
                    Walk(child, elements, options, files);
                }
                else
                {
                    string relative = string.Join("/", elements);
                    if (options.Filter is null || options.Filter(relative, item.Name))
                    {
                        // A symbolic link is followed: the length is its target's.
                        var target = new FileInfo(item.FullName);
                        files.Add(new ContentFile(target.FullName, elements.ToArray(), target.Length));
                    }
                }

                elements.RemoveAt(elements.Count - 1);
            }
        }

        private static bool IsHidden(FileSystemInfo item) =>
            item.Name.StartsWith(".", StringComparison.Ordinal) || (item.Attributes & FileAttributes.Hidden) != 0;
    }
}
