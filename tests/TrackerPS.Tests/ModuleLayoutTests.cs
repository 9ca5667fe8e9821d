using System;
using System.IO;
using System.Linq;
using Xunit;

namespace TrackerPS.Tests
{
    /// <summary>Building TrackerPS lays out output/TrackerPS/ with exactly the module's files, copied from module/.</summary>
    public sealed class ModuleLayoutTests
    {
        private static readonly string[] s_moduleFiles =
        {
            "TrackerPS.psd1",
            "TrackerPS.Format.ps1xml",
            "TrackerPS.Types.ps1xml",
            "en-US/TrackerPS.dll-Help.xml",
        };

        [Fact]
        public void OutputFolder_HoldsExactlyTheModuleFiles()
        {
            var actual = Directory.GetFiles(ModulePaths.ModuleDirectory, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(ModulePaths.ModuleDirectory, f).Replace('\\', '/'))
                .OrderBy(f => f, StringComparer.Ordinal);
            var expected = s_moduleFiles.Concat(new[] { "TrackerPS.dll", "TrackerPS.Core.dll" })
                .OrderBy(f => f, StringComparer.Ordinal);

            Assert.Equal(expected, actual);
        }

        [Fact]
        public void ModuleFiles_AreCopiedUnchangedFromTheModuleSourceFolder()
        {
            Assert.All(s_moduleFiles, file => Assert.Equal(
                File.ReadAllBytes(Path.Combine(ModulePaths.SourceModuleDirectory, file)),
                File.ReadAllBytes(Path.Combine(ModulePaths.ModuleDirectory, file))));
        }
    }
}
