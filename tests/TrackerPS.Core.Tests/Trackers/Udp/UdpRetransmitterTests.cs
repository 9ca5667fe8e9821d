using System;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using TrackerPS.Core.Trackers.Udp;
using Xunit;

namespace TrackerPS.Core.Tests.Trackers.Udp
{
    public sealed class UdpRetransmitterTests
    {
        [Fact]
        public async Task SendsOnTheScheduleThenTimesOut()
        {
            using var silent = Bound();
            using var socket = Bound();
            var reply = new TaskCompletionSource<byte[]>();
            // Sends at 0, 10 and 30 ms; gives up at 70 ms.
            var schedule = UdpRetransmissionSchedule.Create(TimeSpan.FromMilliseconds(70), bep15: false);

            using (new UdpRetransmitter(socket, (IPEndPoint)silent.LocalEndPoint!, new byte[] { 1, 2, 3 }, schedule, reply))
            {
                await Assert.ThrowsAsync<TimeoutException>(() => reply.Task);
            }

            Assert.Equal(UdpRetransmissionSchedule.DefaultTries, Drain(silent));
        }

        [Fact]
        public async Task SocketClosedBeforeARetransmission_FailsTheRequestInsteadOfTheTimerThread()
        {
            using var silent = Bound();
            Socket socket = Bound();
            var reply = new TaskCompletionSource<byte[]>();
            var schedule = UdpRetransmissionSchedule.Create(TimeSpan.FromMilliseconds(700), bep15: false);

            using (new UdpRetransmitter(socket, (IPEndPoint)silent.LocalEndPoint!, new byte[] { 1 }, schedule, reply))
            {
                socket.Dispose();

                await Assert.ThrowsAsync<ObjectDisposedException>(() => reply.Task);
            }
        }

        /// <summary>Counts the datagrams waiting on the socket.</summary>
        private static int Drain(Socket socket)
        {
            var buffer = new byte[16];
            int count = 0;
            while (socket.Poll(0, SelectMode.SelectRead))
            {
                socket.Receive(buffer);
                count++;
            }

            return count;
        }

        private static Socket Bound()
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            return socket;
        }
    }
}
