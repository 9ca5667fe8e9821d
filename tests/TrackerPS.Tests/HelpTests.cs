using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using Xunit;

namespace TrackerPS.Tests
{
    /// <summary>The MAML help (en-US/TrackerPS.dll-Help.xml) documents every cmdlet and parameter exactly as the code declares them.</summary>
    public sealed class HelpTests
    {
        private static readonly XNamespace s_msh = "http://msh";
        private static readonly XNamespace s_maml = "http://schemas.microsoft.com/maml/2004/10";
        private static readonly XNamespace s_command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
        private static readonly XNamespace s_dev = "http://schemas.microsoft.com/maml/dev/2004/10";
        private static readonly Lazy<XDocument> s_help = new Lazy<XDocument>(() => XDocument.Load(ModulePaths.HelpFile));

        public static TheoryData<string> CmdletNames => new TheoryData<string>(CmdletMetadata.Cmdlets.Select(c => c.Name));

        [Fact]
        public void HelpFile_IsMamlHelpItems()
        {
            XElement root = s_help.Value.Root!;

            Assert.Equal(s_msh + "helpItems", root.Name);
            Assert.Equal("maml", (string?)root.Attribute("schema"));
        }

        [Fact]
        public void HelpFile_HasOneEntryPerCmdletAndNoOthers()
        {
            var documented = s_help.Value.Root!.Elements(s_command + "command")
                .Select(c => (string)c.Element(s_command + "details")!.Element(s_command + "name")!)
                .ToList();

            Assert.Equal(documented.Distinct().Count(), documented.Count);
            Assert.Equal(CmdletMetadata.Cmdlets.Select(c => c.Name).OrderBy(n => n), documented.OrderBy(n => n));
        }

        [Theory]
        [MemberData(nameof(CmdletNames))]
        public void Help_HasVerbNounSynopsisDescriptionAndAtLeastTwoExamples(string name)
        {
            XElement command = Command(name);
            XElement details = command.Element(s_command + "details")!;

            Assert.Equal(name, $"{(string)details.Element(s_command + "verb")!}-{(string)details.Element(s_command + "noun")!}");
            Assert.False(string.IsNullOrWhiteSpace(Paragraphs(details.Element(s_maml + "description"))));
            Assert.False(string.IsNullOrWhiteSpace(Paragraphs(command.Element(s_maml + "description"))));
            var examples = command.Element(s_command + "examples")!.Elements(s_command + "example").ToList();
            Assert.True(examples.Count >= 2, $"{name} has {examples.Count} example(s); at least 2 are required.");
            Assert.All(examples, e =>
            {
                Assert.Contains(name, (string)e.Element(s_dev + "code")!, StringComparison.Ordinal);
                Assert.False(string.IsNullOrWhiteSpace(Paragraphs(e.Element(s_dev + "remarks"))));
            });
        }

        [Theory]
        [MemberData(nameof(CmdletNames))]
        public void Help_DocumentsExactlyTheCodeParameters(string name)
        {
            CmdletModel cmdlet = CmdletMetadata.Cmdlets.Single(c => c.Name == name);
            var documented = HelpParameters(name).Select(p => (string)p.Element(s_maml + "name")!).ToList();

            Assert.Equal(cmdlet.Parameters.Select(p => p.Name).OrderBy(n => n), documented.OrderBy(n => n));
        }

        [Theory]
        [MemberData(nameof(CmdletNames))]
        public void Help_ParameterDetailsMatchTheCode(string name)
        {
            CmdletModel cmdlet = CmdletMetadata.Cmdlets.Single(c => c.Name == name);
            foreach (XElement help in HelpParameters(name))
            {
                ParameterModel code = cmdlet.Parameters.Single(p => p.Name == (string)help.Element(s_maml + "name")!);
                string context = $"{name} -{code.Name}";

                Assert.False(string.IsNullOrWhiteSpace(Paragraphs(help.Element(s_maml + "description"))), context);
                Assert.Equal(code.TypeName, (string)help.Element(s_dev + "type")!.Element(s_maml + "name")!);
                Assert.Equal(code.Sets.All(s => s.Mandatory), bool.Parse((string)help.Attribute("required")!));
                Assert.Equal(Position(code), (string)help.Attribute("position")!);
                Assert.Equal(code.SupportsWildcards, bool.Parse((string)help.Attribute("globbing")!));
                Assert.Equal(code.Aliases.OrderBy(a => a), Aliases((string)help.Attribute("aliases")!).OrderBy(a => a));
                string pipeline = (string)help.Attribute("pipelineInput")!;
                Assert.Equal(code.ByValue, pipeline.Contains("ByValue", StringComparison.Ordinal));
                Assert.Equal(code.ByPropertyName, pipeline.Contains("ByPropertyName", StringComparison.Ordinal));
                Assert.Equal(code.ByValue || code.ByPropertyName, pipeline.StartsWith("True", StringComparison.Ordinal));
            }
        }

        [Theory]
        [MemberData(nameof(CmdletNames))]
        public void Help_SyntaxHasOneItemPerParameterSet(string name)
        {
            CmdletModel cmdlet = CmdletMetadata.Cmdlets.Single(c => c.Name == name);
            var expected = cmdlet.ParameterSets.Values.Select(Key).OrderBy(k => k);
            var documented = Command(name).Element(s_command + "syntax")!.Elements(s_command + "syntaxItem")
                .Select(item => Key(item.Elements(s_command + "parameter").Select(p => (string)p.Element(s_maml + "name")!)))
                .OrderBy(k => k);

            Assert.Equal(expected, documented);
        }

        [Theory]
        [MemberData(nameof(CmdletNames))]
        public void Help_ListsInputsAndTheOutputTypes(string name)
        {
            CmdletModel cmdlet = CmdletMetadata.Cmdlets.Single(c => c.Name == name);
            XElement command = Command(name);
            var outputs = command.Element(s_command + "returnValues")!.Elements(s_command + "returnValue")
                .Select(r => (string)r.Element(s_dev + "type")!.Element(s_maml + "name")!);
            var inputs = command.Element(s_command + "inputTypes")!.Elements(s_command + "inputType");

            Assert.Equal(cmdlet.OutputTypes.OrderBy(t => t), outputs.OrderBy(t => t));
            Assert.NotEmpty(inputs);
        }

        private static XElement Command(string name) => s_help.Value.Root!.Elements(s_command + "command")
            .Single(c => (string)c.Element(s_command + "details")!.Element(s_command + "name")! == name);

        private static IEnumerable<XElement> HelpParameters(string name) =>
            Command(name).Element(s_command + "parameters")!.Elements(s_command + "parameter");

        private static string Paragraphs(XElement? description) =>
            description is null ? string.Empty : string.Concat(description.Elements(s_maml + "para").Select(p => p.Value));

        private static string Position(ParameterModel parameter)
        {
            int? position = parameter.Sets.Select(s => s.Position).Distinct().Single();
            return position is null ? "named" : position.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        private static IEnumerable<string> Aliases(string text) => text == "none"
            ? Array.Empty<string>()
            : text.Split(',').Select(a => a.Trim());

        private static string Key(IEnumerable<string> parameters) => string.Join(",", parameters.OrderBy(p => p, StringComparer.Ordinal));
    }
}
