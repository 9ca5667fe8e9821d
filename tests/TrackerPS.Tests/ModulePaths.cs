using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace TrackerPS.Tests
{
    /// <summary>Where the laid-out module and its build inputs are; the paths are baked in by the test project file.</summary>
    internal static class ModulePaths
    {
        public static string RepoRoot { get; } = Metadata("RepoRoot");

        public static string ModuleDirectory { get; } = Path.Combine(RepoRoot, "output", "TrackerPS");

        public static string SourceModuleDirectory { get; } = Path.Combine(RepoRoot, "module");

        public static string Manifest { get; } = Path.Combine(ModuleDirectory, "TrackerPS.psd1");

        public static string FormatFile { get; } = Path.Combine(ModuleDirectory, "TrackerPS.Format.ps1xml");

        public static string TypesFile { get; } = Path.Combine(ModuleDirectory, "TrackerPS.Types.ps1xml");

        public static string HelpFile { get; } = Path.Combine(ModuleDirectory, "en-US", "TrackerPS.dll-Help.xml");

        public static string CmdletAssembly { get; } = Path.Combine(ModuleDirectory, "TrackerPS.dll");

        public static string CoreAssembly { get; } = Path.Combine(ModuleDirectory, "TrackerPS.Core.dll");

        public static string PowerShellStandardLibrary { get; } = Metadata("PowerShellStandardLibrary");

        private static string Metadata(string key)
        {
            string? value = typeof(ModulePaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .SingleOrDefault(a => a.Key == key)?.Value;
            if (string.IsNullOrEmpty(value))
            {
                throw new InvalidOperationException($"The test assembly has no '{key}' metadata; see TrackerPS.Tests.csproj.");
            }

            return Path.GetFullPath(value);
        }
    }
}
