using Xunit;

namespace TrackerPS.Core.Tests.Integration
{
    /// <summary>
    /// A fact that needs the real opentracker: skipped, saying why, when <see cref="OpenTrackerFixture.UnavailableReason"/>
    /// is set (xunit 2 has no dynamic skip, so the decision is made when tests are discovered). In CI (<c>CI=true</c>)
    /// it is never skipped: the fixture then fails the test with the reason.
    /// </summary>
    public sealed class OpenTrackerFactAttribute : FactAttribute
    {
        public OpenTrackerFactAttribute()
        {
            string? reason = OpenTrackerFixture.UnavailableReason;
            if (reason is not null && !OpenTrackerFixture.IsRequired)
            {
                Skip = reason;
            }
        }
    }
}
