using System;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using TrackerPS.Core.Tests.Fakes;
using TrackerPS.Core.Tests.Trackers.Http;
using TrackerPS.Core.Trackers;
using TrackerPS.Core.Trackers.Http;
using Xunit;

namespace TrackerPS.Core.Tests.Trackers
{
    /// <summary>Tracker text quoted in messages stays short: at most 200 characters, the ellipsis included.</summary>
    public sealed class TrackerTextTests
    {
        [Fact]
        public void Quote_CutsLongTextTo200CharactersWithAnEllipsis()
        {
            string quote = TrackerText.Quote(new string('x', 1000));

            Assert.Equal(TrackerText.MaxQuoteLength, quote.Length);
            Assert.Equal(new string('x', 199) + "…", quote);
        }

        [Fact]
        public void Quote_KeepsShortTextOnOneLine()
        {
            Assert.Equal("torrent not registered", TrackerText.Quote("torrent\r\n not \u0007registered \n"));
            Assert.Equal(new string('y', 199), TrackerText.Quote(new string('y', 199)));
        }

        [Fact]
        public void Quote_NeverEndsOnHalfASurrogatePair()
        {
            string quote = TrackerText.Quote(new string('a', 198) + "\U0001F600\U0001F600");

            Assert.True(quote.Length <= TrackerText.MaxQuoteLength);
            Assert.Equal(new string('a', 198) + "…", quote);
        }

        [Fact]
        public void Quote_OfABody_ReadsOnlyWhatItNeeds()
        {
            Assert.Equal(new string('z', 199) + "…", TrackerText.Quote(Encoding.UTF8.GetBytes(new string('z', 100_000))));
        }

        [Fact]
        public async Task HttpFailureReason_IsQuotedShort_AndKeptWhole()
        {
            string reason = string.Concat(Enumerable.Repeat("no such torrent ", 400));
            using var server = new FakeHttpTracker(FakeHttpResponse.Bencoded(BencodeBuilder.Dict(("failure reason", reason))));
            using HttpTrackerClient client = HttpTrackerClientTests.Client();

            TrackerException error = await Assert.ThrowsAsync<TrackerException>(
                () => client.AnnounceAsync(HttpAnnounceUriTests.Request(server.Url("/announce").AbsoluteUri), CancellationToken.None));

            Assert.Equal(reason, error.FailureReason);
            string prefix = $"Tracker {server.Url("/announce")} failed: ";
            Assert.StartsWith(prefix, error.Message, StringComparison.Ordinal);
            Assert.Equal(TrackerText.MaxQuoteLength, error.Message.Length - prefix.Length);
            Assert.EndsWith("…", error.Message, StringComparison.Ordinal);
        }
    }
}
