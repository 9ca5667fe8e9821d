using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using Xunit;

namespace TrackerPS.Tests
{
    /// <summary>TrackerPS.Format.ps1xml is well-formed, names real types and properties, and covers every output type.</summary>
    public sealed class FormatTests
    {
        private static readonly Lazy<XDocument> s_format = new Lazy<XDocument>(() => XDocument.Load(ModulePaths.FormatFile));

        private static IEnumerable<XElement> Views => s_format.Value.Root!.Element("ViewDefinitions")!.Elements("View");

        private static IEnumerable<XElement> TableViews => Views.Where(v => v.Element("TableControl") is not null);

        private static IEnumerable<XElement> ListViews => Views.Where(v => v.Element("ListControl") is not null);

        [Fact]
        public void EveryView_SelectsAPublicModuleType_AndItsDeserializedForm()
        {
            var views = s_format.Value.Root!.Element("ViewDefinitions")!.Elements("View").ToList();

            Assert.NotEmpty(views);
            Assert.All(views, view =>
            {
                string[] selected = view.Element("ViewSelectedBy")!.Elements("TypeName").Select(t => (string)t).ToArray();
                string typeName = selected[0];
                Assert.True(CmdletMetadata.PublicTypes.ContainsKey(typeName), $"View '{(string)view.Element("Name")!}' selects unknown type '{typeName}'.");
                // Objects back from Start-Job or remoting are Deserialized.<type>; they get the same view.
                Assert.Equal(new[] { typeName, "Deserialized." + typeName }, selected);
            });
        }

        [Fact]
        public void EveryTable_LeavesItsLastColumnWithoutAWidth_SoThatItTakesTheRestOfTheWindow()
        {
            Assert.All(TableViews, view =>
            {
                var headers = view.Element("TableControl")!.Element("TableHeaders")!.Elements("TableColumnHeader").ToList();
                Assert.Null(headers[^1].Element("Width"));
                Assert.All(headers.Take(headers.Count - 1), h => Assert.NotNull(h.Element("Width")));
                // Fixed columns and the spaces between them leave at least 20 characters of an 80-column window.
                int fixedWidth = headers.Take(headers.Count - 1).Sum(h => (int)h.Element("Width")!) + headers.Count - 1;
                Assert.True(fixedWidth <= 60, $"View '{(string)view.Element("Name")!}' has {fixedWidth} fixed columns.");
            });
        }

        [Fact]
        public void EveryTableColumn_NamesAPropertyOfTheType_AndHasAHeader()
        {
            foreach (XElement view in TableViews)
            {
                string typeName = (string)view.Element("ViewSelectedBy")!.Element("TypeName")!;
                XElement table = view.Element("TableControl")!;
                var headers = table.Element("TableHeaders")!.Elements("TableColumnHeader").ToList();
                var items = table.Element("TableRowEntries")!.Element("TableRowEntry")!.Element("TableColumnItems")!.Elements("TableColumnItem").ToList();

                Assert.Equal(headers.Count, items.Count);
                Assert.All(items.Zip(headers), column =>
                {
                    // A column shows a property of the type, or a script block under an explicit label.
                    string? property = (string?)column.First.Element("PropertyName");
                    if (property is null)
                    {
                        Assert.False(string.IsNullOrWhiteSpace((string?)column.First.Element("ScriptBlock")));
                        Assert.False(string.IsNullOrWhiteSpace((string?)column.Second.Element("Label")));
                    }
                    else
                    {
                        Assert.Contains(property, CmdletMetadata.PublicTypes[typeName]);
                    }
                });
            }
        }

        [Fact]
        public void EveryOutputType_HasATableView()
        {
            var viewed = TableViews
                .Select(v => (string)v.Element("ViewSelectedBy")!.Element("TypeName")!)
                .ToHashSet();

            // Framework types (ConvertTo-MagnetUri's strings) keep PowerShell's own formatting.
            Assert.All(CmdletMetadata.Cmdlets.SelectMany(c => c.OutputTypes).Where(t => !t.StartsWith("System.", StringComparison.Ordinal)), type => Assert.Contains(type, viewed));
            Assert.Contains("TrackerPS.TorrentFile", viewed);
        }

        [Fact]
        public void EveryListView_NamesEveryPropertyOfTheType_InDeclarationOrder()
        {
            Assert.NotEmpty(ListViews);
            foreach (XElement view in ListViews)
            {
                string typeName = (string)view.Element("ViewSelectedBy")!.Element("TypeName")!;
                // An item is a property, or a script block under the label of the property it shows.
                string[] shown = view.Element("ListControl")!.Element("ListEntries")!.Element("ListEntry")!.Element("ListItems")!
                    .Elements("ListItem")
                    .Select(item => (string?)item.Element("PropertyName") ?? (string)item.Element("Label")!)
                    .ToArray();

                // A property added to the type must be added to its list view, or Format-List would hide it.
                Assert.Equal(CmdletMetadata.PublicTypes[typeName], shown);
            }
        }
    }
}
