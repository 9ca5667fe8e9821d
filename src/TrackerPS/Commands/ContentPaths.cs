using System;
using System.Collections.ObjectModel;
using System.IO;
using System.Linq;
using System.Management.Automation;
using Microsoft.PowerShell.Commands;
using DriveNotFoundException = System.Management.Automation.DriveNotFoundException;

namespace TrackerPS.Commands
{
    /// <summary>Resolves the content paths of New-Torrent and Test-Torrent (a file or a folder) and builds their file filters.</summary>
    internal static class ContentPaths
    {
        /// <summary>
        /// Resolves <paramref name="path"/> on the FileSystem provider to one existing file or folder; writes an error
        /// naming the path (FileNotFound, PathNotFileSystem) and returns null when it names none or several.
        /// </summary>
        public static string? ResolveOne(PSCmdlet cmdlet, string path, bool literal)
        {
            Collection<string> resolved;
            ProviderInfo provider;
            try
            {
                resolved = literal
                    ? new Collection<string> { cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out provider, out _) }
                    : cmdlet.GetResolvedProviderPathFromPSPath(path, out provider);
            }
            catch (Exception e) when (e is ItemNotFoundException || e is DriveNotFoundException)
            {
                cmdlet.WriteError(ErrorRecords.FileNotFound(e, path));
                return null;
            }
            catch (ProviderNotFoundException e)
            {
                cmdlet.WriteError(ErrorRecords.NotAFile(path, e.Message));
                return null;
            }

            if (provider.ImplementingType != typeof(FileSystemProvider))
            {
                cmdlet.WriteError(ErrorRecords.NotAFile(path, $"it is on the {provider.Name} provider, not the FileSystem provider"));
                return null;
            }

            if (resolved.Count != 1)
            {
                cmdlet.WriteError(resolved.Count == 0 ? ErrorRecords.NoWildcardMatch(path) : ErrorRecords.NotAFile(path, $"it matches {resolved.Count} items, not one"));
                return null;
            }

            if (!File.Exists(resolved[0]) && !Directory.Exists(resolved[0]))
            {
                cmdlet.WriteError(ErrorRecords.FileNotFound(resolved[0]));
                return null;
            }

            return resolved[0];
        }

        /// <summary>A filter taking files whose name or path matches an <paramref name="include"/> wildcard (all when none) and no <paramref name="exclude"/> one.</summary>
        public static Func<string, string, bool>? Filter(string[] include, string[] exclude)
        {
            if (include.Length == 0 && exclude.Length == 0)
            {
                return null;
            }

            WildcardPattern[] includes = include.Select(p => WildcardPattern.Get(p, WildcardOptions.IgnoreCase)).ToArray();
            WildcardPattern[] excludes = exclude.Select(p => WildcardPattern.Get(p, WildcardOptions.IgnoreCase)).ToArray();
            bool Matches(WildcardPattern[] patterns, string relative, string name) => patterns.Any(p => p.IsMatch(name) || p.IsMatch(relative));
            return (relative, name) => (includes.Length == 0 || Matches(includes, relative, name)) && !Matches(excludes, relative, name);
        }
    }
}
