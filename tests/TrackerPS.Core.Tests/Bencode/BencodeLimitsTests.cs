using System;
using System.Linq;
using TrackerPS.Core.Bencode;
using Xunit;

namespace TrackerPS.Core.Tests.Bencode
{
    public sealed class BencodeLimitsTests
    {
        [Fact]
        public void HundredThousandNestedLists_FailAtTheDepthLimit_WithoutStackOverflow()
        {
            byte[] input = Enumerable.Repeat((byte)'l', 100_000).ToArray();

            BencodeException error = Assert.Throws<BencodeException>(() => BencodeDecoder.Decode(input));

            Assert.Equal(BencodeLimits.DefaultMaxDepth, error.Offset);
            Assert.Equal($"nesting is deeper than the limit of {BencodeLimits.DefaultMaxDepth}", error.Reason);
        }

        [Fact]
        public void NestingAtTheDepthLimit_Decodes()
        {
            string input = new string('l', BencodeLimits.DefaultMaxDepth) + new string('e', BencodeLimits.DefaultMaxDepth);

            BencodeDocument document = BencodeDecoder.Decode(BencodeDecoderTests.Bytes(input));

            Assert.Equal(BencodeKind.List, document.Root.Kind);
        }

        [Fact]
        public void TokenLimit_IsEnforced()
        {
            var limits = new BencodeLimits { MaxTokens = 3 };

            BencodeException error = Assert.Throws<BencodeException>(() => BencodeDecoder.Decode(BencodeDecoderTests.Bytes("li1ei2ei3ee"), limits));

            Assert.Equal(7, error.Offset);
            Assert.Equal("more than the limit of 3 values", error.Reason);
            Assert.Equal(2, ((BList)BencodeDecoder.Decode(BencodeDecoderTests.Bytes("li1ei2ee"), limits).Root).Items.Count);
        }

        [Fact]
        public void InputSizeLimit_IsEnforced()
        {
            var limits = new BencodeLimits { MaxInputSize = 3 };

            BencodeException error = Assert.Throws<BencodeException>(() => BencodeDecoder.Decode(BencodeDecoderTests.Bytes("i10e"), limits));

            Assert.Equal(0, error.Offset);
            Assert.Equal("input is 4 bytes, more than the limit of 3 bytes", error.Reason);
            Assert.Equal(5, ((BInteger)BencodeDecoder.Decode(BencodeDecoderTests.Bytes("i5e"), limits).Root).Value);
        }

        [Theory]
        [InlineData(0, 1, 1)]
        [InlineData(1, 0, 1)]
        [InlineData(1, 1, 0)]
        public void NonPositiveLimit_IsRejected(int depth, int size, int tokens)
        {
            var limits = new BencodeLimits { MaxDepth = depth, MaxInputSize = size, MaxTokens = tokens };

            Assert.Throws<ArgumentOutOfRangeException>(() => BencodeDecoder.Decode(BencodeDecoderTests.Bytes("i1e"), limits));
        }

        [Theory]
        [InlineData(1)]
        [InlineData(2)]
        [InlineData(3)]
        [InlineData(42)]
        [InlineData(1234)]
        public void RandomBytes_EitherDecodeOrThrowBencodeException(int seed)
        {
            var random = new Random(seed);
            const string alphabet = "ildei0123456789:-e";
            for (int round = 0; round < 500; round++)
            {
                var input = new byte[random.Next(1, 64)];
                if (round % 2 == 0)
                {
                    random.NextBytes(input);
                }
                else
                {
                    // Mostly bencode syntax characters, so the decoder gets deep into its states.
                    for (int i = 0; i < input.Length; i++)
                    {
                        input[i] = (byte)alphabet[random.Next(alphabet.Length)];
                    }
                }

                Exception? error = Record.Exception(() => BencodeDecoder.Decode(input));

                Assert.True(error is null or BencodeException, $"seed {seed} round {round}: {error}");
            }
        }
    }
}
