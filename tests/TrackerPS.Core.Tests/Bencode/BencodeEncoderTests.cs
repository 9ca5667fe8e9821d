using System.Collections.Generic;
using System.Linq;
using System.Text;
using TrackerPS.Core.Bencode;
using Xunit;

namespace TrackerPS.Core.Tests.Bencode
{
    public sealed class BencodeEncoderTests
    {
        [Theory]
        [InlineData("i0e")]
        [InlineData("i-42e")]
        [InlineData("i-9223372036854775808e")]
        [InlineData("0:")]
        [InlineData("4:spam")]
        [InlineData("le")]
        [InlineData("de")]
        [InlineData("l4:spami42eli1eee")]
        [InlineData("d3:bar4:spam3:fooi42e4:listl1:a1:bee")]
        public void CanonicalInput_RoundTripsByteForByte(string input)
        {
            byte[] bytes = BencodeDecoderTests.Bytes(input);

            byte[] encoded = BencodeEncoder.Encode(BencodeDecoder.Decode(bytes).Root);

            Assert.Equal(bytes, encoded);
        }

        [Theory]
        [InlineData("123456789012345678901234567890")]
        [InlineData("-92233720368547758090")]
        public void AnIntegerBeyond64Bits_IsWrittenWithAllItsDigits(string digits)
        {
            byte[] encoded = BencodeEncoder.Encode(new BInteger(System.Numerics.BigInteger.Parse(digits, System.Globalization.CultureInfo.InvariantCulture)));

            Assert.Equal("i" + digits + "e", Encoding.Latin1.GetString(encoded));
        }

        [Fact]
        public void NonCanonicalInput_IsReencodedCanonically()
        {
            byte[] encoded = BencodeEncoder.Encode(BencodeDecoder.Decode(BencodeDecoderTests.Bytes("d1:bi01e1:ai-0e2:xx01:ze")).Root);

            Assert.Equal("d1:ai0e1:bi1e2:xx1:ze", Encoding.Latin1.GetString(encoded));
        }

        [Fact]
        public void DictionaryBuiltInCode_IsWrittenWithKeysInByteOrder()
        {
            var dictionary = new BDictionary(new[]
            {
                Entry(new BString(new byte[] { 0xFF }), new BInteger(3)),
                Entry(new BString("b"), new BInteger(2)),
                Entry(new BString("ab"), new BInteger(1)),
                Entry(new BString("a"), new BInteger(0)),
                Entry(new BString("B"), new BInteger(4)),
            });

            byte[] encoded = BencodeEncoder.Encode(dictionary);

            Assert.Equal("d1:Bi4e1:ai0e2:abi1e1:bi2e1:\u00FFi3ee", Encoding.Latin1.GetString(encoded));
        }

        [Fact]
        public void ValuesBuiltInCode_RoundTripThroughTheDecoder()
        {
            var value = new BList(new BValue[]
            {
                new BInteger(long.MaxValue),
                new BString("héllo"),
                new BDictionary(new[] { Entry(new BString("k"), new BList(new BValue[0])) }),
            });

            BencodeDocument document = BencodeDecoder.Decode(BencodeEncoder.Encode(value));

            var list = (BList)document.Root;
            Assert.Empty(document.Warnings);
            Assert.Equal(long.MaxValue, ((BInteger)list.Items[0]).Value);
            Assert.Equal("héllo", list.Items[1].ToString());
            Assert.Empty(((BList)((BDictionary)list.Items[2])["k"]!).Items);
        }

        [Fact]
        public void DeepNesting_EncodesWithoutRecursion()
        {
            const int depth = 50_000;
            BValue value = new BList(new BValue[0]);
            for (int i = 1; i < depth; i++)
            {
                value = new BList(new[] { value });
            }

            byte[] encoded = BencodeEncoder.Encode(value);

            Assert.Equal(new string('l', depth) + new string('e', depth), Encoding.Latin1.GetString(encoded));
        }

        [Fact]
        public void DuplicateKeysInCode_AreRejected()
        {
            Assert.Throws<System.ArgumentException>(() => new BDictionary(new[]
            {
                Entry(new BString("a"), new BInteger(1)),
                Entry(new BString("a"), new BInteger(2)),
            }));
        }

        private static KeyValuePair<BString, BValue> Entry(BString key, BValue value) => new KeyValuePair<BString, BValue>(key, value);
    }
}
