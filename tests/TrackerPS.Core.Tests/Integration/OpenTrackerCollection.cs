using Xunit;

namespace TrackerPS.Core.Tests.Integration
{
    /// <summary>Tests in this collection share one <see cref="OpenTrackerFixture"/> (one opentracker process).</summary>
    [CollectionDefinition(Name)]
    public sealed class OpenTrackerCollection : ICollectionFixture<OpenTrackerFixture>
    {
        public const string Name = "opentracker";
    }
}
