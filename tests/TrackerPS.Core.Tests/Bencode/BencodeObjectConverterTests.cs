using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.IO;
using System.Linq;
using System.Numerics;
using System.Text;
using TrackerPS.Core.Bencode;
using TrackerPS.Core.Tests.Metainfo;
using Xunit;

namespace TrackerPS.Core.Tests.Bencode
{
    public sealed class BencodeObjectConverterTests
    {
        public static TheoryData<string> CanonicalFixtures => new TheoryData<string>(
            Oracle.Fixtures.Keys.Where(f => BencodeDecoder.Decode(File.ReadAllBytes(Oracle.FixturePath(f)), new BencodeLimits { AllowTrailingBytes = true }).Warnings.Count == 0));

        [Theory]
        [MemberData(nameof(CanonicalFixtures))]
        public void Fixture_RoundTripsThroughDotNetValues_WithRawKeys(string fixture)
        {
            byte[] data = File.ReadAllBytes(Oracle.FixturePath(fixture));

            object value = BencodeObjectConverter.Convert(BencodeDecoder.Decode(data).Root, stringsAsBytes: false, keysAsBytes: true);

            Assert.Equal(data, BencodeEncoder.Encode(new BencodeValueBuilder().Build(value)));
        }

        [Theory]
        [MemberData(nameof(CanonicalFixtures))]
        public void Fixture_WithOnlyTextKeys_RoundTripsWithTextKeys(string fixture)
        {
            // v2 'piece layers' keys are binary SHA-256 roots, shown as hex text: those need raw keys to round-trip.
            byte[] data = File.ReadAllBytes(Oracle.FixturePath(fixture));
            BValue root = BencodeDecoder.Decode(data).Root;
            bool v2 = ((BDictionary)root)["piece layers"] is BDictionary;

            byte[] again = BencodeEncoder.Encode(new BencodeValueBuilder().Build(BencodeObjectConverter.Convert(root, false, false)));

            Assert.Equal(!v2, data.SequenceEqual(again));
        }

        [Fact]
        public void Convert_GivesOrderedDictionaryListsLongsTextAndBytes()
        {
            byte[] data = Encoding.Latin1.GetBytes("d1:bli-5e3:abce1:a2:\u00ff\u00fee");

            var root = (OrderedDictionary)BencodeObjectConverter.Convert(BencodeDecoder.Decode(data).Root, false, false);

            Assert.Equal(new object[] { "b", "a" }, root.Keys.Cast<object>());
            Assert.Equal(new object[] { -5L, "abc" }, (object[])root["b"]!);
            Assert.Equal(new byte[] { 0xFF, 0xFE }, (byte[])root["a"]!);
        }

        [Fact]
        public void Convert_NonUtf8Key_IsHex_OrRawWithKeysAsBytes()
        {
            byte[] data = Encoding.Latin1.GetBytes("d2:\u00ff\u00fei1ee");
            BValue root = BencodeDecoder.Decode(data).Root;

            var text = (OrderedDictionary)BencodeObjectConverter.Convert(root, false, false);
            var raw = (OrderedDictionary)BencodeObjectConverter.Convert(root, false, keysAsBytes: true);

            Assert.Equal("fffe", Assert.Single(text.Keys.Cast<object>()));
            Assert.Equal(new byte[] { 0xFF, 0xFE }, Assert.Single(raw.Keys.Cast<object>()));
            Assert.Equal(data, BencodeEncoder.Encode(new BencodeValueBuilder().Build(raw)));
        }

        [Fact]
        public void Convert_StringsAsBytes_GivesBytesEvenForText()
        {
            object value = BencodeObjectConverter.Convert(BencodeDecoder.Decode(Encoding.ASCII.GetBytes("3:abc")).Root, stringsAsBytes: true, keysAsBytes: false);

            Assert.Equal(Encoding.ASCII.GetBytes("abc"), value);
        }

        [Fact]
        public void Convert_DeepNesting_DoesNotRecurse()
        {
            const int depth = 100_000;
            byte[] data = Encoding.ASCII.GetBytes(new string('l', depth) + new string('e', depth));

            object value = BencodeObjectConverter.Convert(BencodeDecoder.Decode(data, new BencodeLimits { MaxDepth = depth }).Root, false, false);

            Assert.IsType<object[]>(value);
        }

        [Fact]
        public void Build_SortsKeysAsRawBytes()
        {
            var table = new Hashtable { ["b"] = 1, ["a"] = "x", ["B"] = new byte[] { 1 } };

            Assert.Equal("d1:B1:\u00011:a1:x1:bi1ee", Encoding.ASCII.GetString(BencodeEncoder.Encode(new BencodeValueBuilder().Build(table))));
        }

        [Theory]
        [InlineData(true, "a Boolean")]
        [InlineData(1.5, "System.Double")]
        public void Build_Unsupported_NamesThePath(object leaf, string what)
        {
            var value = new Dictionary<string, object> { ["info"] = new Dictionary<string, object> { ["files"] = new object[] { 1, leaf } } };

            var e = Assert.Throws<ArgumentException>(() => new BencodeValueBuilder().Build(value));

            Assert.Contains("'$.info.files[1]'", e.Message, StringComparison.Ordinal);
            Assert.Contains(what, e.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Build_Null_IsAnError()
        {
            Assert.Contains("null", Assert.Throws<ArgumentException>(() => new BencodeValueBuilder().Build(new object?[] { null })).Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Build_IntegersPast64Bits_EncodeAsDigits()
        {
            Assert.Equal("i18446744073709551616e", Encoding.ASCII.GetString(BencodeEncoder.Encode(new BencodeValueBuilder().Build(BigInteger.Pow(2, 64)))));
            Assert.Equal("i18446744073709551615e", Encoding.ASCII.GetString(BencodeEncoder.Encode(new BencodeValueBuilder().Build(ulong.MaxValue))));
        }

        [Theory]
        [InlineData("i9223372036854775807e", false)]
        [InlineData("i-9223372036854775808e", false)]
        [InlineData("i9223372036854775808e", true)]
        [InlineData("i-9223372036854775809e", true)]
        [InlineData("i123456789012345678901234567890e", true)]
        public void Decode_AllowBigIntegers_GivesBigIntegerPast64Bits_AndRoundTrips(string text, bool big)
        {
            byte[] data = Encoding.ASCII.GetBytes(text);
            BencodeDocument document = BencodeDecoder.Decode(data, new BencodeLimits { AllowBigIntegers = true });

            object value = BencodeObjectConverter.Convert(document.Root, false, false);

            Assert.Empty(document.Warnings);
            Assert.Equal(big, value is BigInteger);
            Assert.Equal(text.Substring(1, text.Length - 2), Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(data, BencodeEncoder.Encode(new BencodeValueBuilder().Build(value)));
        }

        [Fact]
        public void Decode_BigIntegers_AreStillAnErrorByDefault_AndKeepTheirCanonicalChecks()
        {
            var e = Assert.Throws<BencodeException>(() => BencodeDecoder.Decode(Encoding.ASCII.GetBytes("i9223372036854775808e")));
            BencodeDocument leadingZero = BencodeDecoder.Decode(Encoding.ASCII.GetBytes("i09223372036854775808e"), new BencodeLimits { AllowBigIntegers = true });

            Assert.Contains("overflows a 64-bit integer", e.Message, StringComparison.Ordinal);
            Assert.Contains("leading zero", Assert.Single(leadingZero.Warnings).Message, StringComparison.Ordinal);
            Assert.Throws<OverflowException>(() => ((BInteger)leadingZero.Root).Value);
        }

        [Fact]
        public void Build_SelfContainingList_HitsTheDepthLimit()
        {
            var list = new ArrayList();
            list.Add(list);

            var e = Assert.Throws<ArgumentException>(() => new BencodeValueBuilder(maxDepth: 10).Build(list));

            Assert.Contains("deeper than the limit of 10", e.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Build_NonTextKey_IsAnError()
        {
            var e = Assert.Throws<ArgumentException>(() => new BencodeValueBuilder().Build(new Hashtable { [1] = 2 }));

            Assert.Contains("System.Int32", e.Message, StringComparison.Ordinal);
        }
    }
}
