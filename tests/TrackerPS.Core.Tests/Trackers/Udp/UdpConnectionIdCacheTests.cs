using System;
using System.Net;
using TrackerPS.Core.Trackers.Udp;
using Xunit;

namespace TrackerPS.Core.Tests.Trackers.Udp
{
    public class UdpConnectionIdCacheTests
    {
        private static readonly IPEndPoint s_tracker = new IPEndPoint(IPAddress.Loopback, 6969);
        private DateTimeOffset _now = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        [Fact]
        public void IdIsReusedForJustUnderAMinute()
        {
            var cache = new UdpConnectionIdCache(() => _now);
            cache.Set(s_tracker, 42);

            _now += TimeSpan.FromSeconds(UdpConnectionIdCache.LifetimeSeconds) - TimeSpan.FromMilliseconds(1);

            Assert.True(cache.TryGet(new IPEndPoint(IPAddress.Loopback, 6969), out ulong id));
            Assert.Equal(42UL, id);
        }

        [Fact]
        public void IdExpiresAfterOneMinute()
        {
            var cache = new UdpConnectionIdCache(() => _now);
            cache.Set(s_tracker, 42);

            _now += TimeSpan.FromSeconds(60);

            Assert.False(cache.TryGet(s_tracker, out _));
        }

        [Fact]
        public void IdsArePerEndpoint()
        {
            var cache = new UdpConnectionIdCache(() => _now);
            cache.Set(s_tracker, 42);

            Assert.False(cache.TryGet(new IPEndPoint(IPAddress.Loopback, 6970), out _));
        }

        [Fact]
        public void Remove_OnlyRemovesTheSameId()
        {
            var cache = new UdpConnectionIdCache(() => _now);
            cache.Set(s_tracker, 43);

            cache.Remove(s_tracker, 42);
            Assert.True(cache.TryGet(s_tracker, out _));

            cache.Remove(s_tracker, 43);
            Assert.False(cache.TryGet(s_tracker, out _));
        }
    }
}
