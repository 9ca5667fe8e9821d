using System;

namespace TrackerPS.Core.Tests.Trackers.Announce
{
    /// <summary>A clock the test moves by hand.</summary>
    internal sealed class FakeClock
    {
        public DateTimeOffset Now { get; set; } = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public DateTimeOffset GetNow() => Now;

        public void Advance(TimeSpan by) => Now += by;
    }
}
