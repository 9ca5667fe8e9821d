using System;
using System.Linq;
using System.Net.Sockets;
using TrackerPS.Core.Bencode;
using TrackerPS.Core.Magnet;
using TrackerPS.Core.Metainfo;
using TrackerPS.Core.Trackers;
using TrackerPS.Core.Trackers.Http;
using TrackerPS.Core.Trackers.Udp;
using Xunit;

namespace TrackerPS.Core.Tests.Hostile
{
    /// <summary>
    /// Every parser allocates in proportion to its input on adversarial inputs of about 1 MB (the tracker reply cap):
    /// at most <see cref="AllocationBound.Factor"/> bytes per input byte plus <see cref="AllocationBound.Constant"/>.
    /// </summary>
    public sealed class AllocationBoundTests
    {
        private static readonly AnnounceRequest s_request = new AnnounceRequest
        {
            Tracker = new Uri("http://t.example/announce"),
            InfoHash = new InfoHash(new byte[20]),
        };

        [Fact]
        public void V1FileListOfTinyFiles()
        {
            byte[] data = HostileInputs.ManyV1Files(40_000);
            AllocationBound.AtMost(AllocationBound.Factor, data.Length, () => TorrentReader.Read(data, "v1.torrent"));
        }

        [Fact]
        public void V2FileTreeOfManySmallFiles()
        {
            byte[] data = HostileInputs.FileTreeAmplification(nameLength: 1, files: 40_000);
            AllocationBound.AtMost(AllocationBound.Factor, data.Length, () => TorrentReader.Read(data, "v2.torrent"));
        }

        [Fact]
        public void V2FileTreeWithALongSharedDirectoryName()
        {
            // Issue 10's 1 MB version, which ran out of memory.
            byte[] data = HostileInputs.FileTreeAmplification(nameLength: 500_000, files: 20_000);
            AllocationBound.AtMost(AllocationBound.Factor, data.Length, () => TorrentReader.Read(data, "v2.torrent"));
        }

        [Fact]
        public void WebSeedsAndHttpSeeds()
        {
            byte[] data = HostileInputs.ManyWebSeeds(25_000);
            AllocationBound.AtMost(AllocationBound.Factor, data.Length, () => TorrentReader.Read(data, "seeds.torrent"));
        }

        [Fact]
        public void AnnounceListOfManyTiers()
        {
            byte[] data = HostileInputs.ManyTrackers(25_000);
            AllocationBound.AtMost(AllocationBound.Factor, data.Length, () => TorrentReader.Read(data, "trackers.torrent"));
        }

        [Fact]
        public void NonCanonicalFloodInATorrent()
        {
            byte[] data = HostileInputs.NonCanonicalFlood(250_000);
            AllocationBound.AtMost(AllocationBound.Factor, data.Length, () => TorrentReader.Read(data, "flood.torrent"));
        }

        [Fact]
        public void BencodeDictionaryOfUnsortedKeys()
        {
            byte[] data = HostileInputs.Dictionary(Enumerable.Range(0, 100_000).Reverse().Select(i => BitConverter.GetBytes(i)));
            AllocationBound.AtMost(AllocationBound.Factor, data.Length, () => BencodeDecoder.Decode(data));
        }

        [Fact]
        public void HttpAnnounceReplyOfMalformedPeers()
        {
            byte[] body = HostileInputs.AnnounceReplyWithBadPeers(300_000);
            AllocationBound.AtMost(AllocationBound.Factor, body.Length, () => HttpAnnounceResponseParser.Parse(body, s_request, 200, TimeSpan.Zero));
            Assert.Equal(WarningList.MaxWarnings + 1, HttpAnnounceResponseParser.Parse(body, s_request, 200, TimeSpan.Zero).Warnings.Length);
        }

        [Fact]
        public void HttpAnnounceReplyOfDictionaryPeers()
        {
            byte[] body = HostileInputs.AnnounceReplyWithDictionaryPeers(30_000);
            AllocationBound.AtMost(AllocationBound.Factor, body.Length, () => HttpAnnounceResponseParser.Parse(body, s_request, 200, TimeSpan.Zero));
        }

        [Fact]
        public void HttpAnnounceReplyOfCompactPeers()
        {
            byte[] body = new HostileBencode().Raw("d").Str("interval").Int(1800).Str("peers").Str(new byte[6 * 170_000]).Raw("e").ToArray();
            AllocationBound.AtMost(AllocationBound.Factor, body.Length, () => HttpAnnounceResponseParser.Parse(body, s_request, 200, TimeSpan.Zero));
        }

        [Fact]
        public void HttpScrapeReplyOfManyFiles()
        {
            byte[] body = HostileInputs.ScrapeReply(20_000);
            InfoHash[] requested = { new InfoHash(new byte[20]) };
            AllocationBound.AtMost(AllocationBound.Factor, body.Length, () => HttpScrapeResponseParser.Parse(body, s_request.Tracker, requested, 200, TimeSpan.Zero));
        }

        [Fact]
        public void UdpAnnounceReplyOfTheLargestDatagram()
        {
            // The largest UDP payload (65,507 bytes): a 20-byte header and 3,650 IPv4 or 3,639 IPv6 peers... rounded to whole peers.
            byte[] v4 = UdpAnnounceReply(20 + (6 * 10_914));
            byte[] v6 = UdpAnnounceReply(20 + (18 * 3_638));
            AllocationBound.AtMost(AllocationBound.Factor, v4.Length, () => UdpAnnounceResponse.Decode(v4, 7, AddressFamily.InterNetwork));
            AllocationBound.AtMost(AllocationBound.Factor, v6.Length, () => UdpAnnounceResponse.Decode(v6, 7, AddressFamily.InterNetworkV6));
        }

        [Fact]
        public void UdpScrapeReplyOfTheLargestBatch()
        {
            const int hashes = 74;
            byte[] packet = new byte[8 + (12 * hashes)];
            packet[3] = 2;
            packet[7] = 7;
            AllocationBound.AtMost(AllocationBound.Factor, packet.Length, () => UdpScrapeResponse.Decode(packet, 7, hashes));
        }

        [Fact]
        public void MagnetLinkOfUnusableParameters()
        {
            string link = HostileInputs.MagnetWithBadParameters(50_000);
            AllocationBound.AtMost(AllocationBound.Factor, link.Length * sizeof(char), () => MagnetUriParser.Parse(link));
            Assert.Equal(WarningList.MaxWarnings + 1, MagnetUriParser.Parse(link).Warnings.Length);
        }

        /// <summary>A BEP 15 announce reply (action 1, transaction id 7) of <paramref name="size"/> bytes, peers zeroed.</summary>
        private static byte[] UdpAnnounceReply(int size)
        {
            var packet = new byte[size];
            packet[3] = 1;
            packet[7] = 7;
            return packet;
        }
    }
}
