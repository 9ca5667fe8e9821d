using System;
using System.Linq;
using System.Xml.Linq;
using Xunit;

namespace TrackerPS.Tests
{
    /// <summary>
    /// TrackerPS.Types.ps1xml stands in for every array property of every output type with a code property (so that
    /// Export-Csv writes the items, not System.Uri[]), names real types, properties and methods, and gives types that
    /// hold objects a SerializationDepth that brings them back from Start-Job.
    /// </summary>
    public sealed class TypesTests
    {
        private static readonly Lazy<XDocument> s_types = new Lazy<XDocument>(() => XDocument.Load(ModulePaths.TypesFile));

        private static string[] OutputTypes => CmdletMetadata.Cmdlets.SelectMany(c => c.OutputTypes)
            .Where(t => !t.StartsWith("System.", StringComparison.Ordinal))
            .Append("TrackerPS.TorrentFile")
            .Distinct()
            .ToArray();

        [Fact]
        public void EveryCodeProperty_StandsInForAPropertyOfItsType_WithPublicStaticGetterAndSetter()
        {
            foreach (XElement type in s_types.Value.Root!.Elements("Type"))
            {
                string typeName = (string)type.Element("Name")!;
                Assert.True(CmdletMetadata.PublicTypes.ContainsKey(typeName), $"Unknown type '{typeName}'.");
                foreach (XElement property in type.Element("Members")!.Elements("CodeProperty"))
                {
                    Assert.Contains((string)property.Element("Name")!, CmdletMetadata.ArrayProperties[typeName]);
                    foreach (string reference in new[] { "GetCodeReference", "SetCodeReference" })
                    {
                        XElement code = property.Element(reference)!;
                        Assert.Contains((string)code.Element("MethodName")!, CmdletMetadata.StaticMethods[(string)code.Element("TypeName")!]);
                    }
                }
            }
        }

        [Fact]
        public void EveryArrayPropertyOfAnOutputType_HasACodeProperty()
        {
            var shown = s_types.Value.Root!.Elements("Type")
                .SelectMany(t => t.Element("Members")!.Elements("CodeProperty").Select(p => $"{(string)t.Element("Name")!}.{(string)p.Element("Name")!}"))
                .ToHashSet();

            Assert.All(OutputTypes.SelectMany(t => CmdletMetadata.ArrayProperties[t].Select(p => $"{t}.{p}")), property => Assert.Contains(property, shown));
        }

        [Fact]
        public void TypesHoldingObjectLists_HaveASerializationDepthOfTwo()
        {
            foreach (string typeName in new[] { "TrackerPS.TorrentInfo", "TrackerPS.AnnounceResponse", "TrackerPS.MagnetLink" })
            {
                XElement type = s_types.Value.Root!.Elements("Type").Single(t => (string)t.Element("Name")! == typeName);
                XElement depth = type.Descendants("NoteProperty").Single(n => (string)n.Element("Name")! == "SerializationDepth");
                Assert.Equal(2, (int)depth.Element("Value")!);
            }
        }
    }
}
