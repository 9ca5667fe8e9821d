using System;
using System.Net;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using TrackerPS.Core.Metainfo;
using TrackerPS.Core.Trackers;
using Xunit;

namespace TrackerPS.Core.Tests.Integration
{
    /// <summary>
    /// Test peers announcing to the real opentracker: each is a letter (its peer id is <c>-TPS0001-</c> and the letter
    /// 11 times) and a port, and every test stops the peers it started so the counts of other tests stay exact.
    /// </summary>
    internal static class OpenTrackerPeers
    {
        internal static AnnounceRequest Request(Uri tracker, InfoHash infoHash, char peer, int port, long left, TrackerEvent trackerEvent) => new AnnounceRequest
        {
            Tracker = tracker,
            InfoHash = infoHash,
            PeerId = Encoding.ASCII.GetBytes("-TPS0001-" + new string(peer, 11)),
            Port = port,
            Left = left,
            Event = trackerEvent,
        };

        /// <summary>A seeder starts, a leecher starts, the seeder announces again; asserts that each response lists the other peer.</summary>
        internal static async Task<(AnnounceResponse Leecher, AnnounceResponse Seeder)> SeederThenLeecherAsync(
            ITrackerClient client, Uri tracker, InfoHash infoHash, (char Peer, int Port) seeder, (char Peer, int Port) leecher)
        {
            await client.AnnounceAsync(Request(tracker, infoHash, seeder.Peer, seeder.Port, left: 0, TrackerEvent.Started), CancellationToken.None);
            AnnounceResponse leecherResponse = await client.AnnounceAsync(
                Request(tracker, infoHash, leecher.Peer, leecher.Port, left: 1000, TrackerEvent.Started), CancellationToken.None);
            AnnounceResponse seederResponse = await client.AnnounceAsync(
                Request(tracker, infoHash, seeder.Peer, seeder.Port, left: 0, TrackerEvent.None), CancellationToken.None);
            Assert.Contains(leecherResponse.Peers, p => p.IPAddress == "127.0.0.1" && p.Port == seeder.Port);
            Assert.Contains(seederResponse.Peers, p => p.IPAddress == "127.0.0.1" && p.Port == leecher.Port);
            return (leecherResponse, seederResponse);
        }

        /// <summary>Announces <c>stopped</c> for each peer.</summary>
        internal static async Task StopAsync(ITrackerClient client, Uri tracker, InfoHash infoHash, params (char Peer, int Port)[] peers)
        {
            foreach ((char peer, int port) in peers)
            {
                await client.AnnounceAsync(Request(tracker, infoHash, peer, port, left: 0, TrackerEvent.Stopped), CancellationToken.None);
            }
        }
    }
}
