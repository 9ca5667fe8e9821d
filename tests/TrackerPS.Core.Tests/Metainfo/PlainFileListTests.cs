using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using TrackerPS.Core.Bencode;
using TrackerPS.Core.Metainfo;
using Xunit;
using static TrackerPS.Core.Tests.Metainfo.TestTorrent;

namespace TrackerPS.Core.Tests.Metainfo
{
    /// <summary>
    /// A plain, canonical v1 <c>files</c> list is checked and added up from its bytes while it is decoded, with no tokens
    /// (<see cref="PlainFileList"/>). Whatever the bytes, the read must give what reading the list from the decoder's
    /// tokens gives (<see cref="TokenRead"/>): the same files, warnings and hashes, or the same error at the same byte.
    /// </summary>
    public sealed class PlainFileListTests
    {
        private static readonly byte[] s_mutations = Encoding.ASCII.GetBytes("edli019:-/").Concat(new byte[] { 0x00, 0x80, 0xFF }).ToArray();

        /// <summary>Bytes that, put in place of a letter or a digit, often leave the list plain and canonical.</summary>
        private static readonly byte[] s_harmless = Encoding.ASCII.GetBytes("abcxyz12345678");

        public static TheoryData<string> Shapes() => new TheoryData<string> { "v1", "v1-pads", "hybrid" };

        [Theory]
        [MemberData(nameof(Shapes))]
        public void EveryOneByteChangeOfTheFileList_ReadsAsFromTheTokens(string shape)
        {
            byte[] data = Shaped(shape);
            TorrentReader.Read(data, "x.torrent", new TorrentReadOptions(), out BencodeDocument document);
            Assert.True(FileList(document).IsDeferred);
            int start = IndexOf(data, "5:filesl") + 7;
            int end = IndexOf(data, "4:name");
            int compared = 0;
            for (int i = start; i < end; i++)
            {
                foreach (byte b in s_mutations.Where(b => b != data[i]))
                {
                    byte[] changed = (byte[])data.Clone();
                    changed[i] = b;
                    AssertSameRead(changed, new BencodeLimits { AllowTrailingBytes = true });
                    compared++;
                }

                AssertSameRead(data.Take(i).Concat(data.Skip(i + 1)).ToArray(), new BencodeLimits { AllowTrailingBytes = true });
            }

            Assert.True(compared > 1000, $"only {compared} changes compared");
        }

        [Theory]
        [MemberData(nameof(Shapes))]
        public void EveryTokenAndDepthLimit_FailsOrReadsAsFromTheTokens(string shape)
        {
            byte[] data = Shaped(shape);
            for (int tokens = 1; tokens <= 60; tokens++)
            {
                AssertSameRead(data, new BencodeLimits { AllowTrailingBytes = true, MaxTokens = tokens });
            }

            for (int depth = 1; depth <= 7; depth++)
            {
                AssertSameRead(data, new BencodeLimits { AllowTrailingBytes = true, MaxDepth = depth });
            }
        }

        [Theory]
        [MemberData(nameof(Shapes))]
        public void RandomChangesOfTheFileList_InEitherMode_ReadAsFromTheTokens(string shape)
        {
            byte[] data = Shaped(shape);
            int start = IndexOf(data, "5:filesl") + 7;
            int end = IndexOf(data, "4:name");
            var random = new Random(7919 * shape.Length);
            int deferred = 0;
            for (int round = 0; round < 3000; round++)
            {
                var changed = new List<byte>(data);
                int listEnd = end;
                for (int edits = random.Next(1, 4); edits > 0 && listEnd > start; edits--)
                {
                    int at = random.Next(start, listEnd);
                    int pick = random.Next(4);
                    byte b = pick == 0 ? (byte)random.Next(256) : pick == 1 ? s_mutations[random.Next(s_mutations.Length)] : s_harmless[random.Next(s_harmless.Length)];
                    switch (random.Next(5))
                    {
                        case 0:
                            changed.Insert(at, b);
                            listEnd++;
                            break;
                        case 1:
                            changed.RemoveAt(at);
                            listEnd--;
                            break;
                        default:
                            changed[at] = b;
                            break;
                    }
                }

                bool strict = random.Next(2) == 0;
                var limits = new BencodeLimits { AllowTrailingBytes = !strict, Strict = strict };
                var options = new TorrentReadOptions { Limits = limits, Strict = strict, IncludePadFiles = random.Next(2) == 0 };
                AssertSameRead(changed.ToArray(), options);
                deferred += IsDeferredRead(changed.ToArray(), options) ? 1 : 0;
            }

            // Most random changes break the list; enough of them must still leave it to PlainFileList to compare that path.
            Assert.True(deferred > 50, $"only {deferred} changed lists were read without tokens");
        }

        [Theory]
        [InlineData("md5sum")]
        [InlineData("path.utf-8")]
        [InlineData("attr")]
        public void AnEntryWithAnotherKey_IsReadFromTheTokens(string key)
        {
            BDictionary info = MultiFileInfo((new[] { "a" }, 5), (new[] { "b" }, 7));
            var files = (BList)info["files"]!;
            BDictionary second = ((BDictionary)files.Items[1]).With(key, key == "path.utf-8" ? Path("c") : Str("x"));
            byte[] data = Torrent(info.With("files", List(files.Items[0], second)));

            TorrentInfo torrent = TorrentReader.Read(data, "x.torrent", new TorrentReadOptions(), out BencodeDocument document);

            Assert.False(FileList(document).IsDeferred);
            Assert.Equal(TokenRead(data, new BencodeLimits { AllowTrailingBytes = true }), TorrentDescription.Of(torrent));
        }

        [Fact]
        public void ADeferredList_GivesItsItemsWhenAskedFor()
        {
            byte[] data = Shaped("v1-pads");

            TorrentReader.Read(data, "x.torrent", new TorrentReadOptions(), out BencodeDocument document);
            BList files = FileList(document);
            BList decoded = FileList(BencodeDecoder.Decode(data));

            Assert.True(files.IsDeferred);
            Assert.False(decoded.IsDeferred);
            Assert.Equal(decoded.Items.Select(i => Convert.ToHexString(i.RawBytes)), files.Items.Select(i => Convert.ToHexString(i.RawBytes)));
            Assert.Equal(files.RawBytes.ToArray(), decoded.RawBytes.ToArray());
        }

        [Fact]
        public void AListCopiedOutOfALargerInput_GivesTheSameFiles()
        {
            // Pieces make up most of the input, so the list is copied (V1FileListReader.KeptBytes).
            BDictionary info = MultiFileInfo((new[] { "a", "é" }, 5), (new[] { "b" }, 7 * 1024 * 1024));
            byte[] data = Torrent(info);

            TorrentInfo torrent = TorrentReader.Read(data, "x.torrent");
            Array.Clear(data, IndexOf(data, "5:filesl"), 40);

            Assert.Equal(new[] { "a/é", "b" }, torrent.Files.Select(f => f.Path));
            Assert.Equal(new[] { "a"u8.ToArray(), "é"u8.ToArray() }, torrent.Files[0].RawPath);
        }

        private static byte[] Shaped(string shape)
        {
            BDictionary info = MultiFileInfo((new[] { "dir", "é.txt" }, 5), (new[] { "b" }, 0), (new[] { "c", "d" }, 70000));
            if (shape == "v1-pads")
            {
                BDictionary pad = Dict(("attr", Str("p")), ("length", Int(11)), ("path", Path(".pad", "11")));
                var files = (BList)info["files"]!;
                info = info.With("files", List(files.Items[0], pad, files.Items[1], files.Items[2]))
                    .With("pieces", Pieces(70016));
            }
            else if (shape == "hybrid")
            {
                info = HybridInfo();
            }

            return shape == "hybrid" ? Torrent(info, ("piece layers", Dict())) : Torrent(info);
        }

        /// <summary>A hybrid of two one-piece files, the first padded to the piece boundary (BEP 47, BEP 52).</summary>
        private static BDictionary HybridInfo() => Dict(
            ("file tree", Dict(("a", V2File(5)), ("b", V2File(7, 2)))),
            ("files", List(
                Dict(("length", Int(5)), ("path", Path("a"))),
                Dict(("attr", Str("p")), ("length", Int(PieceLength - 5)), ("path", Path(".pad", $"{PieceLength - 5}"))),
                Dict(("length", Int(7)), ("path", Path("b"))))),
            ("meta version", Int(2)),
            ("name", Str("root")),
            ("piece length", Int(PieceLength)),
            ("pieces", Pieces(PieceLength + 7)));

        private static BList FileList(BencodeDocument document) => (BList)((BDictionary)((BDictionary)document.Root)["info"]!)["files"]!;

        private static void AssertSameRead(byte[] data, BencodeLimits limits) => AssertSameRead(data, Options(limits));

        private static void AssertSameRead(byte[] data, TorrentReadOptions options)
        {
            string expected = TokenRead(data, options);
            string actual = Outcome(() => TorrentDescription.Of(TorrentReader.Read(data, "x.torrent", options)));
            Assert.True(expected == actual, $"for {Encoding.Latin1.GetString(data)}:\nfrom the tokens: {expected}\nread: {actual}");
        }

        /// <summary>True when the torrent reads and its files list was left to <see cref="PlainFileList"/>.</summary>
        private static bool IsDeferredRead(byte[] data, TorrentReadOptions options)
        {
            BencodeDocument document;
            try
            {
                TorrentReader.Read(data, "x.torrent", options, out document);
            }
            catch (Exception e) when (e is BencodeException || e is MetainfoException)
            {
                return false;
            }

            // A read torrent has an info dictionary; a change may have made it a single-file one, with no files list.
            return ((BDictionary)((BDictionary)document.Root)["info"]!)["files"] is BList { IsDeferred: true };
        }

        /// <summary>
        /// The read as it is with no list left to <see cref="PlainFileList"/>: decoded to tokens, then parsed. The options'
        /// limits are the ones <see cref="TorrentReader"/> decodes with (strict ones allow no trailing bytes).
        /// </summary>
        private static string TokenRead(byte[] data, BencodeLimits limits) => TokenRead(data, Options(limits));

        private static string TokenRead(byte[] data, TorrentReadOptions options) => Outcome(() =>
        {
            BencodeDocument document = BencodeDecoder.Decode(data, options.Limits, "x.torrent");
            return TorrentDescription.Of(MetainfoParser.Parse(document, new MetainfoContext("x.torrent", options), path: null));
        });

        private static TorrentReadOptions Options(BencodeLimits limits) => new TorrentReadOptions { Limits = limits, IncludePadFiles = true };

        private static string Outcome(Func<string> read)
        {
            try
            {
                return read();
            }
            catch (Exception e) when (e is BencodeException || e is MetainfoException)
            {
                return $"{e.GetType().Name}: {e.Message}";
            }
        }
    }
}
