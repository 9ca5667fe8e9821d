using System;
using System.Collections.Generic;
using TrackerPS.Core.Progress;
using Xunit;

namespace TrackerPS.Core.Tests.Progress
{
    /// <summary>The progress count is reported at the start, at each tick while answers are pending, and at the last answer.</summary>
    public sealed class ProgressCounterTests
    {
        private readonly List<int> _reports = new List<int>();
        private readonly FakeTicks _ticks = new FakeTicks();

        [Fact]
        public void ReportsTheCountEvery200MillisecondsWhileAnswersArePending_NotAtEachAnswer()
        {
            using ProgressCounter counter = Counter(total: 50);

            counter.Start();
            for (int i = 0; i < 10; i++)
            {
                // A burst of answers right after the first report: the host would drop a record per answer.
                counter.Answered();
            }

            _ticks.Fire();
            counter.Answered();
            _ticks.Fire();
            _ticks.Fire();

            Assert.Equal(TimeSpan.FromMilliseconds(200), _ticks.Interval);
            Assert.Equal(new[] { 0, 10, 11, 11 }, _reports);
        }

        [Fact]
        public void StopsRepeatingWithTheLastAnswer()
        {
            using ProgressCounter counter = Counter(total: 2);

            counter.Start();
            counter.Answered();
            _ticks.Fire();
            counter.Answered();

            Assert.True(_ticks.Stopped);
            _ticks.Fire();
            Assert.Equal(new[] { 0, 1, 2 }, _reports);
        }

        [Fact]
        public void StopsRepeatingWhenDisposedWithAnswersPending()
        {
            ProgressCounter counter = Counter(total: 3);
            counter.Start();

            counter.Dispose();
            _ticks.Fire();

            Assert.True(_ticks.Stopped);
            Assert.Equal(new[] { 0 }, _reports);
        }

        [Fact]
        public void NothingToWaitForStartsNoTicks()
        {
            using ProgressCounter counter = Counter(total: 0);

            counter.Start();

            Assert.Null(_ticks.Interval);
            Assert.Equal(new[] { 0 }, _reports);
        }

        private ProgressCounter Counter(int total) => new ProgressCounter(total, _reports.Add, _ticks.Start);

        private sealed class FakeTicks : IDisposable
        {
            private Action? _tick;

            public TimeSpan? Interval { get; private set; }

            public bool Stopped { get; private set; }

            public IDisposable Start(TimeSpan interval, Action tick)
            {
                Interval = interval;
                _tick = tick;
                return this;
            }

            // A timer may still call a tick that was under way when it was disposed.
            public void Fire() => _tick?.Invoke();

            public void Dispose() => Stopped = true;
        }
    }
}
