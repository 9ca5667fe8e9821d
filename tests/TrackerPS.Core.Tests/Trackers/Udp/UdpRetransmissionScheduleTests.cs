using System;
using System.Linq;
using TrackerPS.Core.Trackers.Udp;
using Xunit;

namespace TrackerPS.Core.Tests.Trackers.Udp
{
    public class UdpRetransmissionScheduleTests
    {
        [Fact]
        public void Default_ThreeSendsWithDoublingWaitsFillingTheBudget()
        {
            var schedule = UdpRetransmissionSchedule.Create(TimeSpan.FromSeconds(14), bep15: false);

            Assert.Equal(new[] { 0.0, 2.0, 6.0 }, schedule.SendOffsets.Select(t => t.TotalSeconds));
            Assert.Equal(TimeSpan.FromSeconds(14), schedule.GiveUpAfter);
        }

        [Fact]
        public void Bep15_FullSchedule_Is15Times2PowN()
        {
            var schedule = UdpRetransmissionSchedule.Create(TimeSpan.FromDays(1), bep15: true);

            // Sends at 0, then after waits of 15, 30, 60, … 1920 s; the last wait is 3840 s (n = 8).
            Assert.Equal(new[] { 0.0, 15, 45, 105, 225, 465, 945, 1905, 3825 }, schedule.SendOffsets.Select(t => t.TotalSeconds));
            Assert.Equal(TimeSpan.FromSeconds(3825 + 3840), schedule.GiveUpAfter);
        }

        [Fact]
        public void Bep15_CappedByBudget()
        {
            var schedule = UdpRetransmissionSchedule.Create(TimeSpan.FromSeconds(60), bep15: true);

            Assert.Equal(new[] { 0.0, 15, 45 }, schedule.SendOffsets.Select(t => t.TotalSeconds));
            Assert.Equal(TimeSpan.FromSeconds(60), schedule.GiveUpAfter);
        }

        [Fact]
        public void Bep15_ShortBudget_SendsOnce()
        {
            var schedule = UdpRetransmissionSchedule.Create(TimeSpan.FromSeconds(1), bep15: true);

            Assert.Equal(new[] { TimeSpan.Zero }, schedule.SendOffsets);
            Assert.Equal(TimeSpan.FromSeconds(1), schedule.GiveUpAfter);
        }
    }
}
