using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text;
using TrackerPS.Core.Bencode;
using Xunit;

namespace TrackerPS.Core.Tests.Bencode
{
    public sealed class BencodeDecoderTests
    {
        internal static byte[] Bytes(string text) => Encoding.Latin1.GetBytes(text);

        private static BencodeException Fails(string input, BencodeLimits? limits = null) =>
            Assert.Throws<BencodeException>(() => BencodeDecoder.Decode(Bytes(input), limits, "t.torrent"));

        [Theory]
        [InlineData("", 0, "input is empty")]
        [InlineData("99999999999:", 0, "string length 99999999999 exceeds the 0 byte(s) left in the input")]
        [InlineData("5:ab", 0, "string length 5 exceeds the 2 byte(s) left in the input")]
        [InlineData("3", 1, "unexpected end of input: expected ':' after string length")]
        [InlineData("3x", 1, "expected ':' after string length, found 'x'")]
        [InlineData("i-e", 2, "expected a digit in integer")]
        [InlineData("ie", 1, "expected a digit in integer")]
        [InlineData("i12x", 3, "expected 'e' after integer, found 'x'")]
        [InlineData("i9223372036854775808e", 1, "integer overflows a 64-bit integer")]
        [InlineData("i-9223372036854775809e", 2, "integer overflows a 64-bit integer")]
        [InlineData("99999999999999999999:", 0, "string length overflows a 64-bit integer")]
        [InlineData("i42", 3, "unexpected end of input: missing 'e' after integer")]
        [InlineData("l", 1, "unexpected end of input: missing 'e' for the list starting at byte 0")]
        [InlineData("li1e", 4, "unexpected end of input: missing 'e' for the list starting at byte 0")]
        [InlineData("d1:ai1e", 7, "unexpected end of input: missing 'e' for the dictionary starting at byte 0")]
        [InlineData("ld", 2, "unexpected end of input: missing 'e' for the dictionary starting at byte 1")]
        [InlineData("di1ei2ee", 1, "dictionary key must be a byte string, found 'i'")]
        [InlineData("dlei1ee", 1, "dictionary key must be a byte string, found 'l'")]
        [InlineData("d1:ae", 4, "dictionary key 'a' has no value")]
        [InlineData("d1:ai1e1:ai2ee", 7, "duplicate dictionary key 'a'")]
        [InlineData("d1:bi1e1:ai2e1:bi3ee", 13, "duplicate dictionary key 'b'")]
        [InlineData("x", 0, "expected a value, found 'x'")]
        [InlineData("e", 0, "expected a value, found 'e'")]
        [InlineData("\u0001", 0, "expected a value, found byte 0x01")]
        [InlineData("i1ex", 3, "1 unexpected byte(s) after the root value")]
        [InlineData("i1ei2e", 3, "3 unexpected byte(s) after the root value")]
        public void Error_NamesReasonAndOffset(string input, int offset, string reason)
        {
            BencodeException error = Fails(input);

            Assert.Equal(reason, error.Reason);
            Assert.Equal(offset, error.Offset);
            Assert.Equal("t.torrent", error.SourceName);
            Assert.Equal($"Invalid bencode at byte {offset} in 't.torrent': {reason}", error.Message);
        }

        /// <summary>The cases of <see cref="Error_NamesReasonAndOffset"/>.</summary>
        public static IEnumerable<object[]> ErrorCases =>
            typeof(BencodeDecoderTests).GetMethod(nameof(Error_NamesReasonAndOffset))!.GetCustomAttributes<InlineDataAttribute>().SelectMany(a => a.GetData(null!));

        [Theory]
        [MemberData(nameof(ErrorCases))]
        public void Error_InASegment_IsTheSame_CountedFromTheSegmentsStart(string input, int offset, string reason)
        {
            // Valid bencode on both sides: a decoder reading past either end of the segment would not fail the same way.
            byte[] bytes = Bytes("i7e" + input + "e1:x");
            var segment = new System.ArraySegment<byte>(bytes, 3, Bytes(input).Length);

            BencodeException error = Assert.Throws<BencodeException>(() => BencodeDecoder.Decode(segment, null, "t.torrent"));

            Assert.Equal(reason, error.Reason);
            Assert.Equal(offset, error.Offset);
        }

        [Fact]
        public void Segment_DecodesInPlace_WarningsCountedFromItsStart()
        {
            byte[] bytes = Bytes("xxd1:ai01ee1:yy");
            BencodeDocument document = BencodeDecoder.Decode(new System.ArraySegment<byte>(bytes, 2, 10), new BencodeLimits { AllowTrailingBytes = true });

            var root = (BDictionary)document.Root;
            Assert.Equal(1, ((BInteger)root["a"]!).Value);
            Assert.Equal(1, document.TrailingBytes);
            Assert.Equal(9, root.Length);
            Assert.Same(bytes, root.RawBytes.Array);
            Assert.Equal(2, root.RawBytes.Offset);
            Assert.Equal(4, Assert.Single(document.Warnings).Offset);
        }

        [Fact]
        public void Error_WithoutSourceName_OmitsIt()
        {
            BencodeException error = Assert.Throws<BencodeException>(() => BencodeDecoder.Decode(Bytes("ie")));

            Assert.Equal("Invalid bencode at byte 1: expected a digit in integer", error.Message);
        }

        [Theory]
        [InlineData("i01e", 0, "integer has a leading zero", 1L)]
        [InlineData("i-01e", 0, "integer has a leading zero", -1L)]
        [InlineData("i-0e", 0, "integer is negative zero (-0)", 0L)]
        public void NonCanonicalInteger_IsWarningWhenLenient_ErrorWhenStrict(string input, int offset, string message, long value)
        {
            BencodeDocument document = BencodeDecoder.Decode(Bytes(input));

            Assert.Equal(value, ((BInteger)document.Root).Value);
            BencodeDiagnostic warning = Assert.Single(document.Warnings);
            Assert.Equal(offset, warning.Offset);
            Assert.Equal(message, warning.Message);
            Assert.Equal($"byte {offset}: {message}", warning.ToString());

            BencodeException error = Fails(input, new BencodeLimits { Strict = true });
            Assert.Equal(message + " (not allowed in strict mode)", error.Reason);
            Assert.Equal(offset, error.Offset);
        }

        [Fact]
        public void StringLengthWithLeadingZero_IsWarningWhenLenient_ErrorWhenStrict()
        {
            BencodeDocument document = BencodeDecoder.Decode(Bytes("l01:ae"));

            Assert.Equal("a", ((BList)document.Root).Items[0].ToString());
            BencodeDiagnostic warning = Assert.Single(document.Warnings);
            Assert.Equal((1, "string length has a leading zero"), (warning.Offset, warning.Message));
            Assert.Equal(1, Fails("l01:ae", new BencodeLimits { Strict = true }).Offset);
        }

        [Fact]
        public void UnsortedKeys_IsWarningWhenLenient_ErrorWhenStrict()
        {
            BencodeDocument document = BencodeDecoder.Decode(Bytes("d1:bi1e1:ai2ee"));

            var root = (BDictionary)document.Root;
            Assert.Equal(new[] { "b", "a" }, root.Entries.Select(e => e.Key.ToString()));
            BencodeDiagnostic warning = Assert.Single(document.Warnings);
            Assert.Equal(7, warning.Offset);
            Assert.Equal("dictionary keys are not sorted: 'a' after 'b'", warning.Message);

            BencodeException error = Fails("d1:bi1e1:ai2ee", new BencodeLimits { Strict = true });
            Assert.Equal("dictionary keys are not sorted: 'a' after 'b' (not allowed in strict mode)", error.Reason);
            Assert.Equal(7, error.Offset);
        }

        [Fact]
        public void SiblingContainers_DoNotShareItemsOrKeys()
        {
            // The decoder reuses one frame per depth; each sibling must start empty, with no keys remembered from the
            // one before (the first inner dictionary is unsorted, so it tracks every key it has seen).
            BencodeDocument document = BencodeDecoder.Decode(Bytes("ld1:bi1e1:ai2eed1:ai3e1:bi4eeli5eeli6eee"));

            var root = (BList)document.Root;
            Assert.Equal(4, root.Items.Count);
            Assert.Equal(new[] { "b", "a" }, ((BDictionary)root.Items[0]).Entries.Select(e => e.Key.ToString()));
            Assert.Equal(new[] { "a", "b" }, ((BDictionary)root.Items[1]).Entries.Select(e => e.Key.ToString()));
            Assert.Equal(5, ((BInteger)Assert.Single(((BList)root.Items[2]).Items)).Value);
            Assert.Equal(6, ((BInteger)Assert.Single(((BList)root.Items[3]).Items)).Value);
            Assert.Single(document.Warnings);
        }

        [Fact]
        public void CanonicalInput_HasNoWarnings()
        {
            BencodeDocument document = BencodeDecoder.Decode(Bytes("d1:ai0e1:bi-5e2:bbli10eee"));

            Assert.Empty(document.Warnings);
            Assert.Equal(0, document.TrailingBytes);
        }

        [Fact]
        public void SmallestInteger_Decodes()
        {
            BencodeDocument document = BencodeDecoder.Decode(Bytes("i-9223372036854775808e"));

            Assert.Equal(long.MinValue, ((BInteger)document.Root).Value);
        }

        /// <summary>A token keeps 32 bits of an integer; the others are read again from the digits, leading zeros and all.</summary>
        [Theory]
        [InlineData("i2147483647e", 2147483647L)]
        [InlineData("i2147483648e", 2147483648L)]
        [InlineData("i-2147483647e", -2147483647L)]
        [InlineData("i-2147483648e", -2147483648L)]
        [InlineData("i-2147483649e", -2147483649L)]
        [InlineData("i004294967296e", 4294967296L)]
        [InlineData("i-1099511627776e", -1099511627776L)]
        public void IntegersBeyond32Bits_DecodeInsideContainers(string integer, long expected)
        {
            BencodeDocument document = BencodeDecoder.Decode(Bytes("d1:a" + integer + "1:bl" + integer + "ee"));
            var root = (BDictionary)document.Root;

            Assert.Equal(expected, ((BInteger)root["a"]!).Value);
            Assert.Equal(expected, ((BInteger)((BList)root["b"]!).Items[0]).Value);
        }

        [Fact]
        public void LargestInteger_Decodes()
        {
            BencodeDocument document = BencodeDecoder.Decode(Bytes("i9223372036854775807e"));

            Assert.Equal(long.MaxValue, ((BInteger)document.Root).Value);
        }

        [Fact]
        public void TrailingBytes_AllowedWhenAsked_AndCounted()
        {
            BencodeDocument document = BencodeDecoder.Decode(Bytes("i1exyz"), new BencodeLimits { AllowTrailingBytes = true });

            Assert.Equal(1, ((BInteger)document.Root).Value);
            Assert.Equal(3, document.TrailingBytes);
        }

        [Fact]
        public void DecodedValues_KeepTheirExactByteRanges()
        {
            byte[] input = Bytes("d1:ali1ei-2ee1:b3:xyz1:cdee");
            var root = (BDictionary)BencodeDecoder.Decode(input).Root;

            Assert.Equal((0, input.Length), (root.Offset, root.Length));
            BValue list = root["a"]!;
            Assert.Equal((4, 9), (list.Offset, list.Length));
            Assert.Equal("li1ei-2ee", Latin1(list.RawBytes));
            Assert.Equal("i-2e", Latin1(((BList)list).Items[1].RawBytes));
            var text = (BString)root["b"]!;
            Assert.Equal("3:xyz", Latin1(text.RawBytes));
            Assert.Equal("xyz", Latin1(text.Bytes));
            Assert.Equal("de", Latin1(root["c"]!.RawBytes));
            Assert.Same(input, text.Bytes.Array);
            Assert.Null(root["missing"]);
        }

        [Fact]
        public void ValueBuiltInCode_HasNoRawBytes()
        {
            var value = new BInteger(5);

            Assert.False(value.HasRawBytes);
            Assert.Equal(-1, value.Offset);
            Assert.Throws<System.InvalidOperationException>(() => value.RawBytes);
        }

        [Fact]
        public void StringWithInvalidUtf8_TryGetUtf8Fails_ToStringReplaces()
        {
            var text = (BString)BencodeDecoder.Decode(new byte[] { (byte)'2', (byte)':', 0xC3, 0x28 }).Root;

            Assert.False(text.TryGetUtf8(out string? decoded));
            Assert.Null(decoded);
            Assert.Equal("\uFFFD(", text.ToString());
        }

        private static string Latin1(System.ArraySegment<byte> bytes) => Encoding.Latin1.GetString(bytes.Array!, bytes.Offset, bytes.Count);
    }
}
