using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using TrackerPS.Core.Bencode;
using Xunit;

namespace TrackerPS.Core.Tests.Bencode
{
    /// <summary>
    /// Decoded lists and dictionaries create their children on first read (from the decoder's token list); these tests
    /// check that every way of reading a child gives the same kinds, values and byte ranges.
    /// </summary>
    public sealed class BencodeLazyTreeTests
    {
        // Nested, with every kind, a non-ASCII key and a list of dictionaries.
        private static readonly byte[] s_input = Encoding.UTF8.GetBytes(
            "d1:ai-7e1:bl1:xd1:ki1ee0:lee1:cd1:dd1:ei2eee5:caf\u00e9l3:pqree");

        [Fact]
        public void Indexer_BeforeAndAfterEntries_ReturnsEqualValues()
        {
            var before = (BDictionary)BencodeDecoder.Decode(s_input).Root;
            var after = (BDictionary)BencodeDecoder.Decode(s_input).Root;
            _ = after.Entries;

            foreach (string key in new[] { "a", "b", "c", "caf\u00e9", "missing", "", "ab" })
            {
                Assert.Equal(Describe(before[key]), Describe(after[key]));
            }

            Assert.Equal(-7, ((BInteger)before["a"]!).Value);
            Assert.Null(before["missing"]);
            Assert.Equal("pqr", ((BList)before["caf\u00e9"]!).Items.Single().ToString());
        }

        [Theory]
        [InlineData("caf\u00e9", true)]
        [InlineData("cafe", false)]
        [InlineData("caf\u00e9s", false)]
        [InlineData("caf\u00e8", false)]
        [InlineData("ca\u00e9", false)]
        [InlineData("c", true)]
        [InlineData("C", false)]
        [InlineData("\u00e9", false)]
        public void Indexer_ComparesKeysAsUtf8Bytes(string key, bool found)
        {
            var decoded = (BDictionary)BencodeDecoder.Decode(s_input).Root;
            var built = new BDictionary(decoded.Entries);

            Assert.Equal(found, decoded[key] is not null);
            Assert.Equal(found, built[key] is not null);
            Assert.Equal(found, decoded.Entries.Any(e => e.Key.ContentEquals(key)));
        }

        [Fact]
        public void Entries_MatchTheInputInOrder_WithByteRanges()
        {
            var root = (BDictionary)BencodeDecoder.Decode(s_input).Root;

            Assert.Equal(new[] { "a", "b", "c", "caf\u00e9" }, root.Entries.Select(e => e.Key.ToString()));
            foreach (KeyValuePair<BString, BValue> entry in root.Entries)
            {
                // The input is canonical, so re-encoding a value gives back exactly its byte range.
                Assert.Equal(BencodeEncoder.Encode(entry.Value), entry.Value.RawBytes.ToArray());
                Assert.Equal(entry.Key.Offset + entry.Key.Length, entry.Value.Offset);
            }

            var list = (BList)root["b"]!;
            Assert.Equal(new[] { BencodeKind.String, BencodeKind.Dictionary, BencodeKind.String, BencodeKind.List }, list.Items.Select(i => i.Kind));
            Assert.Equal(TestIndexOf("l1:x"), list.Offset);
            Assert.Equal("l1:xd1:ki1ee0:lee".Length, list.Length);
        }

        [Fact]
        public void Items_AndEntries_AreCreatedOnceAndKept()
        {
            var root = (BDictionary)BencodeDecoder.Decode(s_input).Root;
            var list = (BList)root["b"]!;

            Assert.Same(root.Entries, root.Entries);
            Assert.Same(list.Items, list.Items);
            Assert.Same(root.Entries[1].Value, root["b"]);
        }

        [Fact]
        public void EnumerateItemsAndEntries_GiveTheSameValuesAsItemsAndEntries()
        {
            var root = (BDictionary)BencodeDecoder.Decode(s_input).Root;
            var fresh = (BDictionary)BencodeDecoder.Decode(s_input).Root;
            var list = (BList)fresh["b"]!;

            Assert.Equal(root.Entries.Select(e => e.Key.ToString() + "=" + Describe(e.Value)), fresh.EnumerateEntries().Select(e => e.Key.ToString() + "=" + Describe(e.Value)));
            Assert.Equal(((BList)root["b"]!).Items.Select(Describe), list.EnumerateItems().Select(Describe));
            Assert.Equal(4, fresh.Count);
            Assert.Equal(4, list.Count);
            Assert.Equal(0, ((BList)((BList)fresh["b"]!).Items[3]).Count);
        }

        [Fact]
        public async Task Items_CreatedOnManyThreadsAtOnce_AreOneInstance()
        {
            var list = (BList)BencodeDecoder.Decode(Encoding.ASCII.GetBytes("l" + string.Concat(Enumerable.Repeat("i1e", 1000)) + "e")).Root;

            IReadOnlyList<BValue>[] seen = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => list.Items)));

            Assert.All(seen, items => Assert.Same(seen[0], items));
            Assert.Equal(1000, seen[0].Count);
        }

        [Fact]
        public void BuiltInCode_ReadsTheSameAsDecoded()
        {
            var built = new BDictionary(new[]
            {
                new KeyValuePair<BString, BValue>(new BString("a"), new BInteger(1)),
                new KeyValuePair<BString, BValue>(new BString("b"), new BList(new BValue[] { new BString("x") })),
            });

            Assert.Equal(2, built.Count);
            Assert.Equal(1, ((BInteger)built["a"]!).Value);
            Assert.Equal("x", ((BList)built["b"]!).EnumerateItems().Single().ToString());
            Assert.Equal(new[] { "a", "b" }, built.EnumerateEntries().Select(e => e.Key.ToString()));
        }

        private static int TestIndexOf(string text) => Encoding.UTF8.GetString(s_input).IndexOf(text, System.StringComparison.Ordinal);

        /// <summary>The value's kind, byte range and content, recursively.</summary>
        private static string Describe(BValue? value) => value switch
        {
            null => "null",
            BInteger i => $"i{i.Value}@{i.Offset}+{i.Length}",
            BString s => $"s'{s}'@{s.Offset}+{s.Length}",
            BList l => $"l[{string.Join(",", l.Items.Select(Describe))}]@{l.Offset}+{l.Length}",
            BDictionary d => $"d{{{string.Join(",", d.Entries.Select(e => Describe(e.Key) + ":" + Describe(e.Value)))}}}@{d.Offset}+{d.Length}",
            _ => "?",
        };
    }
}
