using System.Linq;
using Xunit;

namespace TrackerPS.Tests
{
    /// <summary>Every cmdlet class follows the module's conventions.</summary>
    public sealed class CmdletConventionTests
    {
        // The plain .NET values a cmdlet may write besides the module's own types (ConvertFrom-Bencode writes decoded bencode).
        private static readonly string[] s_plainTypes =
        {
            typeof(string).FullName!, typeof(byte[]).FullName!, typeof(long).FullName!, typeof(object[]).FullName!,
            typeof(System.Collections.Specialized.OrderedDictionary).FullName!, typeof(System.Numerics.BigInteger).FullName!,
        };

        public static TheoryData<string> CmdletNames => HelpTests.CmdletNames;

        [Fact]
        public void Assembly_DeclaresTheExpectedCmdlets()
        {
            var names = CmdletMetadata.Cmdlets.Select(c => c.Name).ToList();

            Assert.Contains("Get-TorrentInfo", names);
            Assert.Contains("Get-TorrentInfoHash", names);
        }

        [Theory]
        [MemberData(nameof(CmdletNames))]
        public void Cmdlet_IsSealedAndNamedVerbNounCommand(string name)
        {
            CmdletModel cmdlet = CmdletMetadata.Cmdlets.Single(c => c.Name == name);

            Assert.True(cmdlet.IsSealed, $"{cmdlet.ClassName} is not sealed.");
            Assert.Equal(name.Replace("-", string.Empty) + "Command", cmdlet.ClassName);
        }

        [Theory]
        [MemberData(nameof(CmdletNames))]
        public void Cmdlet_DeclaresOutputTypesThatExist(string name)
        {
            CmdletModel cmdlet = CmdletMetadata.Cmdlets.Single(c => c.Name == name);

            Assert.NotEmpty(cmdlet.OutputTypes);
            Assert.All(cmdlet.OutputTypes, t => Assert.True(
                s_plainTypes.Contains(t) || CmdletMetadata.PublicTypes.ContainsKey(t),
                $"{name} outputs unknown type {t}."));
        }

        [Theory]
        [MemberData(nameof(CmdletNames))]
        public void Cmdlet_DefaultParameterSetExists(string name)
        {
            CmdletModel cmdlet = CmdletMetadata.Cmdlets.Single(c => c.Name == name);

            if (cmdlet.ParameterSets.Count > 1)
            {
                Assert.NotNull(cmdlet.DefaultParameterSet);
                Assert.Contains(cmdlet.DefaultParameterSet!, cmdlet.ParameterSets.Keys);
            }
        }
    }
}
