using System;
using System.IO;
using System.Linq;
using TrackerPS.Core.Bencode;
using TrackerPS.Core.Metainfo;
using Xunit;
using static TrackerPS.Core.Tests.Metainfo.TestTorrent;

namespace TrackerPS.Core.Tests.Metainfo
{
    /// <summary>Inputs that are not valid torrents, each with its specific error.</summary>
    public sealed class TorrentReaderErrorTests
    {
        private static MetainfoException Fails(byte[] data, TorrentReadOptions? options = null) =>
            Assert.Throws<MetainfoException>(() => TorrentReader.Read(data, "x.torrent", options));

        [Theory]
        [InlineData(1)]
        [InlineData(10)]
        [InlineData(100)]
        [InlineData(200)]
        [InlineData(326)]
        public void TruncatedFixture_IsBencodeError(int cut)
        {
            byte[] data = File.ReadAllBytes(Oracle.FixturePath("v1-single.torrent")).Take(cut).ToArray();

            BencodeException error = Assert.Throws<BencodeException>(() => TorrentReader.Read(data, "x.torrent"));

            Assert.Matches("^(unexpected end of input|string length \\d+ exceeds)", error.Reason);
            Assert.InRange(error.Offset, 0, cut);
            Assert.Equal("x.torrent", error.SourceName);
        }

        [Fact]
        public void EmptyInput_IsBencodeError()
        {
            BencodeException error = Assert.Throws<BencodeException>(() => TorrentReader.Read(new byte[0], "x.torrent"));

            Assert.Equal("input is empty", error.Reason);
        }

        [Theory]
        [InlineData(7)]
        [InlineData(8)]
        [InlineData(9)]
        public void RandomBytes_AreFormatErrors(int seed)
        {
            var random = new Random(seed);
            for (int round = 0; round < 200; round++)
            {
                var data = new byte[random.Next(1, 400)];
                random.NextBytes(data);
                data[0] = (byte)"dli1"[round % 4];

                Exception? error = Record.Exception(() => TorrentReader.Read(data, "x.torrent"));

                Assert.True(error is BencodeException or MetainfoException, $"seed {seed} round {round}: {error}");
            }
        }

        [Theory]
        [InlineData("li1ee", "a list")]
        [InlineData("i5e", "an integer")]
        [InlineData("4:spam", "a string")]
        public void RootNotADictionary_IsError(string input, string found)
        {
            MetainfoException error = Fails(Latin1(input));

            Assert.Equal("the root value must be a dictionary, found " + found, error.Reason);
            Assert.Equal(0, error.Offset);
            Assert.Equal($"Invalid torrent 'x.torrent': the root value must be a dictionary, found {found} (at byte 0)", error.Message);
        }

        [Fact]
        public void MissingInfo_IsError()
        {
            MetainfoException error = Fails(BencodeEncoder.Encode(Dict(("announce", Str("http://t.example/a")))));

            Assert.Equal("'info' is missing", error.Reason);
            Assert.Equal(0, error.Offset);
            Assert.Equal("x.torrent", error.SourceName);
        }

        [Fact]
        public void InfoNotADictionary_IsError()
        {
            byte[] data = BencodeEncoder.Encode(Dict(("info", List())));

            MetainfoException error = Fails(data);

            Assert.Equal("'info' must be a dictionary, found a list", error.Reason);
            Assert.Equal(IndexOf(data, "le"), error.Offset);
        }

        [Theory]
        [InlineData("name", "'info.name' is missing")]
        [InlineData("piece length", "'info.piece length' is missing")]
        [InlineData("pieces", "'info' has neither 'pieces' (v1, BEP 3) nor 'meta version' 2 with 'file tree' (v2, BEP 52)")]
        [InlineData("length", "'info' has neither 'length' (single file) nor 'files' (multi-file)")]
        public void MissingInfoKey_IsErrorAtTheInfoDictionary(string key, string reason)
        {
            byte[] data = Torrent(SingleFileInfo().With(key, null));

            MetainfoException error = Fails(data);

            Assert.Equal(reason, error.Reason);
            Assert.Equal(IndexOf(data, "4:infod") + 6, error.Offset);
        }

        [Theory]
        [InlineData("name", "'info.name' must be a string, found an integer")]
        [InlineData("piece length", "'info.piece length' must be an integer, found a string")]
        [InlineData("files", "'info.files' must be a list, found an integer")]
        public void WrongValueType_IsErrorNamingTheKey(string key, string reason)
        {
            BValue value = key == "piece length" ? Str("16384") : Int(5);
            byte[] data = Torrent(SingleFileInfo().With(key, value));

            MetainfoException error = Fails(data);

            Assert.Equal(reason, error.Reason);
            Assert.NotNull(error.Offset);
        }

        [Fact]
        public void PiecesNotAMultipleOf20_IsError()
        {
            byte[] data = Torrent(SingleFileInfo().With("pieces", Str(new byte[41])));

            MetainfoException error = Fails(data);

            int offset = IndexOf(data, "41:");
            Assert.Equal("'pieces' is 41 bytes, not a multiple of 20", error.Reason);
            Assert.Equal(offset, error.Offset);
            Assert.Equal($"Invalid torrent 'x.torrent': 'pieces' is 41 bytes, not a multiple of 20 (at byte {offset})", error.Message);
        }

        [Theory]
        [InlineData(2)]
        [InlineData(4)]
        public void PieceCountMismatch_IsError(int hashes)
        {
            byte[] data = Torrent(SingleFileInfo(length: 40000).With("pieces", Str(new byte[20 * hashes])));

            MetainfoException error = Fails(data);

            Assert.Equal($"'pieces' holds {hashes} hashes, but 40000 bytes in pieces of 16384 bytes need 3", error.Reason);
        }

        [Theory]
        [InlineData(0)]
        [InlineData(-16384)]
        public void NonPositivePieceLength_IsError(long pieceLength)
        {
            MetainfoException error = Fails(Torrent(SingleFileInfo().With("piece length", Int(pieceLength))));

            Assert.Equal($"'info.piece length' is {pieceLength}; it must be positive", error.Reason);
        }

        [Fact]
        public void NegativeSingleFileLength_IsError()
        {
            byte[] data = Torrent(SingleFileInfo().With("length", Int(-5)));

            MetainfoException error = Fails(data);

            Assert.Equal("'info.length' is -5; a length cannot be negative", error.Reason);
            Assert.Equal(IndexOf(data, "i-5e"), error.Offset);
        }

        [Fact]
        public void NegativeLengthInFileList_IsError()
        {
            BDictionary info = MultiFileInfo((new[] { "a" }, 10), (new[] { "b" }, 10))
                .With("files", List(Dict(("length", Int(10)), ("path", Path("a"))), Dict(("length", Int(-1)), ("path", Path("b")))));

            MetainfoException error = Fails(Torrent(info));

            Assert.Equal("'info.files[1].length' is -1; a length cannot be negative", error.Reason);
        }

        [Fact]
        public void FileSizesOverflowing_IsError()
        {
            BDictionary info = MultiFileInfo((new[] { "a" }, 1), (new[] { "b" }, 1))
                .With("files", List(Dict(("length", Int(long.MaxValue)), ("path", Path("a"))), Dict(("length", Int(1)), ("path", Path("b")))));

            MetainfoException error = Fails(Torrent(info));

            Assert.Equal("the file sizes add up to more than 2^63-1 bytes", error.Reason);
        }

        [Fact]
        public void BothLengthAndFiles_IsError()
        {
            BDictionary info = MultiFileInfo((new[] { "a" }, 10)).With("length", Int(10));

            Assert.Equal("'info' has both 'length' (single file) and 'files' (multi-file)", Fails(Torrent(info)).Reason);
        }

        [Fact]
        public void EmptyFileList_IsError()
        {
            BDictionary info = MultiFileInfo((new[] { "a" }, 10)).With("files", List());

            Assert.Equal("'info.files' is empty", Fails(Torrent(info)).Reason);
        }

        [Theory]
        [InlineData("not a dictionary", "'info.files[0]' must be a dictionary")]
        [InlineData("no path", "'info.files[0].path' is missing")]
        [InlineData("empty path", "'info.files[0].path' is empty")]
        [InlineData("integer element", "'info.files[0].path[1]' must be a string")]
        [InlineData("no length", "'info.files[0].length' is missing")]
        public void MalformedFileEntry_IsError(string what, string reason)
        {
            BValue file = what switch
            {
                "not a dictionary" => Str("a"),
                "no path" => Dict(("length", Int(1))),
                "empty path" => Dict(("length", Int(1)), ("path", List())),
                "integer element" => Dict(("length", Int(1)), ("path", List(Str("dir"), Int(7)))),
                _ => Dict(("path", Path("a"))),
            };

            MetainfoException error = Fails(Torrent(MultiFileInfo((new[] { "a" }, 1)).With("files", List(file))));

            Assert.Equal(reason, error.Reason);
        }

        [Fact]
        public void ErrorWithoutSourceName_OmitsIt()
        {
            var error = Assert.Throws<MetainfoException>(() => TorrentReader.Read(Latin1("de"), null));

            Assert.Equal("Invalid torrent: 'info' is missing (at byte 0)", error.Message);
            Assert.Null(error.SourceName);
        }

        [Fact]
        public void DuplicateKeys_AreAlwaysErrors()
        {
            byte[] data = Latin1("d4:infoi1e4:infoi2ee");

            BencodeException error = Assert.Throws<BencodeException>(() => TorrentReader.Read(data, "x.torrent"));

            Assert.Equal("duplicate dictionary key 'info'", error.Reason);
            Assert.Equal(10, error.Offset);
        }

        [Fact]
        public void NonCanonicalBencode_IsErrorWhenStrict()
        {
            byte[] data = Torrent(SingleFileInfo(), ("creation date", Int(5)));
            int at = IndexOf(data, "i5e");
            data = data.Take(at).Concat(Latin1("i05e")).Concat(data.Skip(at + 3)).ToArray();

            TorrentInfo lenient = TorrentReader.Read(data, "x.torrent");
            BencodeException strict = Assert.Throws<BencodeException>(() => TorrentReader.Read(data, "x.torrent", new TorrentReadOptions { Strict = true }));

            Assert.Equal($"byte {at}: integer has a leading zero", Assert.Single(lenient.Warnings));
            Assert.Equal(at, strict.Offset);
        }

        [Fact]
        public void StrictAppliesOnTopOfGivenLimits()
        {
            byte[] data = Latin1("d1:bi1e1:ai2ee");
            var options = new TorrentReadOptions { Strict = true, Limits = new BencodeLimits { MaxInputSize = 100 } };

            BencodeException error = Assert.Throws<BencodeException>(() => TorrentReader.Read(data, "x.torrent", options));

            Assert.EndsWith("(not allowed in strict mode)", error.Reason);
            Assert.False(options.Limits.Strict);
        }

        [Fact]
        public void GivenLimits_AreApplied()
        {
            byte[] data = File.ReadAllBytes(Oracle.FixturePath("v1-single.torrent"));
            var options = new TorrentReadOptions { Limits = new BencodeLimits { MaxDepth = 1 } };

            BencodeException error = Assert.Throws<BencodeException>(() => TorrentReader.Read(data, "x.torrent", options));

            Assert.Equal("nesting is deeper than the limit of 1", error.Reason);
        }
    }
}
