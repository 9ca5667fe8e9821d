using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Xunit;

namespace TrackerPS.Tests
{
    /// <summary>TrackerPS.psd1 exports exactly the cmdlets the assembly declares and points at files that exist.</summary>
    public sealed class ManifestTests
    {
        private static readonly Lazy<string> s_manifest = new Lazy<string>(() => File.ReadAllText(ModulePaths.Manifest));

        [Fact]
        public void CmdletsToExport_IsExactlyTheCmdletClasses()
        {
            string[] exported = StringList("CmdletsToExport");

            Assert.Equal(CmdletMetadata.Cmdlets.Select(c => c.Name).OrderBy(n => n), exported.OrderBy(n => n));
        }

        [Theory]
        [InlineData("FunctionsToExport")]
        [InlineData("AliasesToExport")]
        [InlineData("VariablesToExport")]
        public void OtherExports_AreEmpty(string key)
        {
            Assert.Empty(StringList(key));
        }

        [Fact]
        public void Manifest_NamesNoWildcardExport()
        {
            Assert.DoesNotMatch(new Regex(@"ToExport\s*=\s*'\*'"), s_manifest.Value);
        }

        [Fact]
        public void ModuleVersion_MatchesTheAssemblyVersion()
        {
            Version assembly = AssemblyName.GetAssemblyName(ModulePaths.CmdletAssembly).Version!;

            Assert.Equal($"{assembly.Major}.{assembly.Minor}.{assembly.Build}", StringValue("ModuleVersion"));
        }

        [Fact]
        public void RootModuleTypesFormatsAndRequiredAssemblies_ExistInTheModuleFolder()
        {
            string[] files = new[] { StringValue("RootModule") }
                .Concat(StringList("TypesToProcess"))
                .Concat(StringList("FormatsToProcess"))
                .Concat(StringList("RequiredAssemblies"))
                .ToArray();

            Assert.Equal(new[] { "TrackerPS.dll", "TrackerPS.Types.ps1xml", "TrackerPS.Format.ps1xml", "TrackerPS.Core.dll" }, files);
            Assert.All(files, f => Assert.True(File.Exists(Path.Combine(ModulePaths.ModuleDirectory, f)), f));
        }

        [Fact]
        public void Manifest_DeclaresBothEditionsAndPowerShell51()
        {
            Assert.Equal(new[] { "Desktop", "Core" }, StringList("CompatiblePSEditions"));
            Assert.Equal("5.1", StringValue("PowerShellVersion"));
            Assert.Matches(new Regex(@"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"), StringValue("GUID"));
        }

        private static string StringValue(string key)
        {
            Match match = Regex.Match(s_manifest.Value, $@"^\s*{key}\s*=\s*'([^']*)'", RegexOptions.Multiline);
            Assert.True(match.Success, $"The manifest has no {key} = '...' line.");
            return match.Groups[1].Value;
        }

        private static string[] StringList(string key)
        {
            Match match = Regex.Match(s_manifest.Value, $@"^\s*{key}\s*=\s*@\(([^)]*)\)", RegexOptions.Multiline);
            Assert.True(match.Success, $"The manifest has no {key} = @(...) entry.");
            return Regex.Matches(match.Groups[1].Value, "'([^']*)'").Select(m => m.Groups[1].Value).ToArray();
        }
    }
}
