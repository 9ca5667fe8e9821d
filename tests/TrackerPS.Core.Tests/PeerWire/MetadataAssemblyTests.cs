using System;
using System.Linq;
using System.Text;
using TrackerPS.Core.Bencode;
using TrackerPS.Core.PeerWire;
using TrackerPS.Core.PeerWire.Metadata;
using Xunit;

namespace TrackerPS.Core.Tests.PeerWire
{
    /// <summary>The pure parts of the metadata fetch: piece bookkeeping and the .torrent composed around the raw info bytes.</summary>
    public sealed class MetadataAssemblyTests
    {
        [Fact]
        public void TakeMissing_GivesUnrequestedPiecesFirst_ThenTheEndGame_NeverExcludedOnes()
        {
            var assembly = new MetadataAssembly(40_000);

            Assert.Equal(0, assembly.TakeMissing(new int[0]));
            Assert.Equal(1, assembly.TakeMissing(new int[0]));
            Assert.Equal(2, assembly.TakeMissing(new int[0]));
            Assert.Equal(0, assembly.TakeMissing(new int[0]));
            Assert.Equal(1, assembly.TakeMissing(new[] { 0 }));
            Assert.Equal(-1, assembly.TakeMissing(new[] { 0, 1, 2 }));
        }

        [Fact]
        public void Release_MakesAPieceUnrequestedAgain()
        {
            var assembly = new MetadataAssembly(40_000);
            assembly.TakeMissing(new int[0]);
            assembly.TakeMissing(new int[0]);

            assembly.Release(0);

            Assert.Equal(0, assembly.TakeMissing(new[] { 1 }));
        }

        [Fact]
        public void Put_AssemblesInOrder_KeepsTheFirstCopy_AndResetNamesTheSuppliers()
        {
            var assembly = new MetadataAssembly(16_385);
            assembly.Put(1, new byte[] { 7 }, "b:1");
            Assert.False(assembly.IsComplete);
            assembly.Put(0, Enumerable.Repeat((byte)1, 16_384).ToArray(), "a:1");
            assembly.Put(1, new byte[] { 9 }, "c:1");

            Assert.True(assembly.IsComplete);
            byte[] bytes = assembly.Assemble();
            Assert.Equal(16_385, bytes.Length);
            Assert.Equal(7, bytes[^1]);
            Assert.Equal(new[] { "a:1", "b:1" }, assembly.Reset().OrderBy(s => s));
            Assert.False(assembly.IsComplete);
        }

        [Fact]
        public void AHugeAnnouncedSize_CostsAtMostMaxAmplificationTimesTheBytesSent()
        {
            // A liar announcing 16 MiB and sending one valid piece must not make us hold 16 MiB (1,024x what it sent).
            const long Size = 16L * 1024 * 1024;
            var assembly = new MetadataAssembly(Size);
            var piece = new byte[16_384];
            long before = GC.GetAllocatedBytesForCurrentThread();

            assembly.Put(0, piece, "liar:1");
            long afterOne = GC.GetAllocatedBytesForCurrentThread() - before;
            int quarter = (int)(Size / MetadataAssembly.MaxAmplification / piece.Length);
            for (int i = 1; i < quarter - 1; i++)
            {
                assembly.Put(i, piece, "liar:1");
            }

            long beforeBuffer = GC.GetAllocatedBytesForCurrentThread() - before;
            assembly.Put(quarter - 1, piece, "liar:1");
            long withBuffer = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.InRange(afterOne, piece.Length, 2 * piece.Length);
            Assert.InRange(beforeBuffer, (quarter - 1L) * piece.Length, (quarter - 1L) * (piece.Length + 64));
            Assert.InRange(withBuffer - beforeBuffer, Size, Size + 1024);
        }

        [Fact]
        public void PiecesKeptBeforeTheBufferExists_EndUpInPlace_AndAResetLetsThemBeReplaced()
        {
            // 10 pieces: the first two (under a quarter) are kept apart, the third brings the buffer.
            const int Size = 10 * 16_384;
            var assembly = new MetadataAssembly(Size);
            for (int i = 9; i >= 0; i--)
            {
                assembly.Put(i, Enumerable.Repeat((byte)i, 16_384).ToArray(), "a:1");
            }

            byte[] bytes = assembly.Assemble();
            for (int i = 0; i < 10; i++)
            {
                Assert.All(new ArraySegment<byte>(bytes, i * 16_384, 16_384), b => Assert.Equal((byte)i, b));
            }

            assembly.Reset();
            for (int i = 0; i < 10; i++)
            {
                assembly.Put(i, Enumerable.Repeat((byte)(100 + i), 16_384).ToArray(), "b:1");
            }

            bytes = assembly.Assemble();
            Assert.Equal(100, bytes[0]);
            Assert.Equal(109, bytes[Size - 1]);
        }

        [Fact]
        public void Put_WrongLength_Throws_AndSizeBelowOneIsRefused()
        {
            var assembly = new MetadataAssembly(16_385);

            Assert.Throws<ArgumentException>(() => assembly.Put(1, new byte[2], "a:1"));
            Assert.Throws<ArgumentOutOfRangeException>(() => new MetadataAssembly(0));
        }

        [Fact]
        public void Composer_KeepsTheInfoBytes_SortsKeys_AndListsTiersOnlyForSeveralTrackers()
        {
            // Unsorted keys inside info: a re-encoding would sort them and change the info-hash.
            byte[] info = Encoding.ASCII.GetBytes("d4:name1:a6:lengthi1ee");
            var one = new[] { new[] { new Uri("http://127.0.0.1:1/announce") } };
            var two = new[] { one[0], new[] { new Uri("udp://127.0.0.1:2/announce") } };

            string single = Encoding.ASCII.GetString(TorrentFileComposer.Compose(info, one, new Uri[0]));
            string several = Encoding.ASCII.GetString(TorrentFileComposer.Compose(info, two, new[] { new Uri("http://127.0.0.1/ws/") }));
            string bare = Encoding.ASCII.GetString(TorrentFileComposer.Compose(info, new Uri[0][], new Uri[0]));

            Assert.Equal("d8:announce27:http://127.0.0.1:1/announce4:infod4:name1:a6:lengthi1eee", single);
            Assert.Equal("d8:announce27:http://127.0.0.1:1/announce13:announce-listll27:http://127.0.0.1:1/announceel26:udp://127.0.0.1:2/announceee4:infod4:name1:a6:lengthi1ee8:url-listl20:http://127.0.0.1/ws/ee", several);
            Assert.Equal("d4:infod4:name1:a6:lengthi1eee", bare);
            Assert.Equal(info, ((BDictionary)BencodeDecoder.Decode(Encoding.ASCII.GetBytes(several)).Root)["info"]!.RawBytes.ToArray());
        }

        [Fact]
        public void Target_HandshakesWithV1_OrTheTruncatedV2_AndOffersTheUpgradeOnlyForAHybrid()
        {
            var v1 = Core.Metainfo.InfoHash.Parse(new string('1', 40));
            var v2 = Core.Metainfo.InfoHash.Parse(new string('2', 64));

            Assert.Equal(v1, new MetadataTarget(v1, v2).HandshakeHash);
            Assert.Equal(v2.Truncated, new MetadataTarget(v1, v2).UpgradedHash);
            Assert.Equal(v2.Truncated, new MetadataTarget(null, v2).HandshakeHash);
            Assert.Null(new MetadataTarget(null, v2).UpgradedHash);
            Assert.Null(new MetadataTarget(v1, null).UpgradedHash);
            Assert.Throws<ArgumentException>(() => { _ = new MetadataTarget(null, null); });
            Assert.Throws<ArgumentException>(() => { _ = new MetadataTarget(v2, null); });
        }
    }
}
