using System;
using TrackerPS.Core.Progress;
using Xunit;

namespace TrackerPS.Core.Tests.Progress
{
    /// <summary>The progress timing rules over an injected clock: nothing in the first second, then at most every 200 ms.</summary>
    public sealed class ProgressThrottleTests
    {
        private TimeSpan _now;

        private ProgressThrottle Create() => new ProgressThrottle(() => _now, ProgressThrottle.DefaultDelay, ProgressThrottle.DefaultInterval);

        private bool At(ProgressThrottle throttle, int milliseconds)
        {
            _now = TimeSpan.FromMilliseconds(milliseconds);
            return throttle.ShouldReport();
        }

        [Fact]
        public void Defaults_AreOneSecondThen200Milliseconds()
        {
            Assert.Equal(TimeSpan.FromSeconds(1), ProgressThrottle.DefaultDelay);
            Assert.Equal(TimeSpan.FromMilliseconds(200), ProgressThrottle.DefaultInterval);
        }

        [Fact]
        public void ARunShorterThanTheDelay_NeverReports()
        {
            ProgressThrottle throttle = Create();

            for (int ms = 0; ms < 1000; ms += 10)
            {
                Assert.False(At(throttle, ms), $"reported at {ms} ms");
            }

            Assert.False(throttle.HasReported);
        }

        [Fact]
        public void FirstReport_ComesOnceTheDelayHasPassed()
        {
            ProgressThrottle throttle = Create();

            Assert.False(At(throttle, 999));
            Assert.True(At(throttle, 1000));
            Assert.True(throttle.HasReported);
        }

        [Fact]
        public void LaterReports_ComeAtMostOncePerInterval_FromTheLastReport()
        {
            ProgressThrottle throttle = Create();

            Assert.True(At(throttle, 1500));
            Assert.False(At(throttle, 1600));
            Assert.False(At(throttle, 1699));
            Assert.True(At(throttle, 1700));
            Assert.False(At(throttle, 1899));
            // A long gap (a slow file) reports at once, and the interval counts from then.
            Assert.True(At(throttle, 5000));
            Assert.False(At(throttle, 5100));
            Assert.True(At(throttle, 5200));
        }

        [Fact]
        public void EveryItemAsking_GetsOneReportPerInterval()
        {
            ProgressThrottle throttle = Create();
            int reports = 0;

            // 2,000 items one millisecond apart: reports at 1.0, 1.2, 1.4, 1.6 and 1.8 s.
            for (int ms = 0; ms < 2000; ms++)
            {
                reports += At(throttle, ms) ? 1 : 0;
            }

            Assert.Equal(5, reports);
        }

        [Fact]
        public void NegativeTimes_AreRefused()
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => new ProgressThrottle(() => _now, TimeSpan.FromTicks(-1), TimeSpan.Zero));
            Assert.Throws<ArgumentOutOfRangeException>(() => new ProgressThrottle(() => _now, TimeSpan.Zero, TimeSpan.FromTicks(-1)));
            Assert.Throws<ArgumentNullException>(() => new ProgressThrottle(null!, TimeSpan.Zero, TimeSpan.Zero));
        }

        [Fact]
        public void StartNew_UsesTheDefaults()
        {
            ProgressThrottle throttle = ProgressThrottle.StartNew();

            Assert.Equal(ProgressThrottle.DefaultDelay, throttle.Delay);
            Assert.Equal(ProgressThrottle.DefaultInterval, throttle.Interval);
            Assert.False(throttle.HasReported);
        }
    }
}
