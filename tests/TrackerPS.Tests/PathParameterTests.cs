using System.Linq;
using Xunit;

namespace TrackerPS.Tests
{
    /// <summary>The parameter sets of the file-reading cmdlets, and the binding rules they rely on.</summary>
    public sealed class PathParameterTests
    {
        [Theory]
        [InlineData("Get-TorrentInfo", "Path", "IncludePadFiles,MaxDepth,MaxFileSize,Path,Strict")]
        [InlineData("Get-TorrentInfo", "LiteralPath", "IncludePadFiles,LiteralPath,MaxDepth,MaxFileSize,Strict")]
        [InlineData("Get-TorrentInfoHash", "Path", "Format,Path")]
        [InlineData("Get-TorrentInfoHash", "LiteralPath", "Format,LiteralPath")]
        [InlineData("Get-TorrentInfoHash", "InputObject", "Format,InputObject")]
        public void ParameterSet_HasExactlyTheseParameters(string cmdlet, string set, string parameters)
        {
            CmdletModel model = Cmdlet(cmdlet);

            Assert.Equal(parameters, string.Join(",", model.ParameterSets[set].OrderBy(p => p, System.StringComparer.Ordinal)));
        }

        [Theory]
        [InlineData("Get-TorrentInfo", 2)]
        [InlineData("Get-TorrentInfoHash", 3)]
        public void Cmdlet_HasThisManySetsAndPathIsTheDefault(string cmdlet, int count)
        {
            CmdletModel model = Cmdlet(cmdlet);

            Assert.Equal(count, model.ParameterSets.Count);
            Assert.Equal("Path", model.DefaultParameterSet);
        }

        [Theory]
        [InlineData("Get-TorrentInfo")]
        [InlineData("Get-TorrentInfoHash")]
        public void Path_IsPositionalMandatoryWildcardAndBindsFromThePipeline(string cmdlet)
        {
            ParameterModel path = Cmdlet(cmdlet).Parameters.Single(p => p.Name == "Path");
            ParameterSetModel set = Assert.Single(path.Sets);

            Assert.Equal("System.String[]", path.TypeFullName);
            Assert.Equal(0, set.Position);
            Assert.True(set.Mandatory);
            Assert.True(set.ValueFromPipeline);
            Assert.True(set.ValueFromPipelineByPropertyName);
            Assert.True(path.SupportsWildcards);
        }

        [Theory]
        [InlineData("Get-TorrentInfo")]
        [InlineData("Get-TorrentInfoHash")]
        public void LiteralPath_BindsPSPathByPropertyNameOnly(string cmdlet)
        {
            ParameterModel literal = Cmdlet(cmdlet).Parameters.Single(p => p.Name == "LiteralPath");
            ParameterSetModel set = Assert.Single(literal.Sets);

            Assert.Equal(new[] { "LP", "PSPath" }, literal.Aliases.OrderBy(a => a, System.StringComparer.Ordinal));
            Assert.True(set.Mandatory);
            Assert.False(set.ValueFromPipeline);
            Assert.True(set.ValueFromPipelineByPropertyName);
            Assert.False(literal.SupportsWildcards);
        }

        /// <summary>
        /// PowerShell binds a pipeline object first by value without conversion, then by property name. A piped
        /// TorrentInfo therefore binds to -InputObject (its exact element type) and narrows the sets to InputObject,
        /// before its Path property could bind to -Path; the Pester suite checks the same thing in a real session.
        /// </summary>
        [Fact]
        public void GetTorrentInfoHash_TorrentInfoBindsByValueOnlyToInputObject()
        {
            CmdletModel model = Cmdlet("Get-TorrentInfoHash");
            var byValue = model.Parameters.Where(p => p.ByValue).ToList();
            ParameterModel input = model.Parameters.Single(p => p.Name == "InputObject");

            Assert.Equal("TrackerPS.TorrentInfo[]", input.TypeFullName);
            Assert.Equal(new[] { "InputObject" }, input.Sets.Select(s => s.Name));
            Assert.DoesNotContain(byValue, p => p.Name != "InputObject" && p.TypeFullName != "System.String[]");
            Assert.DoesNotContain("Path", model.ParameterSets["InputObject"]);
        }

        private static CmdletModel Cmdlet(string name) => CmdletMetadata.Cmdlets.Single(c => c.Name == name);
    }
}
