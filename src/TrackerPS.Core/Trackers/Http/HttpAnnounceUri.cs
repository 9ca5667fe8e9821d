using System;
using System.Globalization;

namespace TrackerPS.Core.Trackers.Http
{
    /// <summary>
    /// The announce GET URI (BEP 3 §trackers, BEP 23 <c>compact</c>, BEP 7 <c>ip</c>/<c>key</c>, BEP 21 <c>paused</c>).
    /// Parameter order is fixed: info_hash, peer_id, port, uploaded, downloaded, left, compact, event, numwant, key,
    /// trackerid, ip. See <see cref="HttpTrackerQuery"/> for how an existing query is kept.
    /// </summary>
    internal static class HttpAnnounceUri
    {
        /// <summary>Builds the announce URI for a request.</summary>
        /// <param name="request">The announce; its tracker must be http or https.</param>
        /// <returns>The URI to GET.</returns>
        public static Uri Build(AnnounceRequest request)
        {
            var query = new HttpTrackerQuery(request.Tracker)
                .Add("info_hash", request.InfoHash.Truncated.ToArray())
                .Add("peer_id", request.PeerId)
                .Add("port", Decimal(request.Port))
                .Add("uploaded", Decimal(request.Uploaded))
                .Add("downloaded", Decimal(request.Downloaded))
                .Add("left", Decimal(request.Left))
                .Add("compact", request.Compact ? "1" : "0");
            string? eventName = EventName(request.Event);
            if (eventName is not null)
            {
                query.Add("event", eventName);
            }

            if (request.NumWant >= 0)
            {
                query.Add("numwant", Decimal(request.NumWant));
            }

            query.Add("key", request.Key.ToString("X8", CultureInfo.InvariantCulture));
            if (request.TrackerId is not null)
            {
                query.Add("trackerid", request.TrackerId);
            }

            if (request.IPAddress is not null)
            {
                query.Add("ip", request.IPAddress.ToString());
            }

            return query.ToUri();
        }

        /// <summary>The BEP 3 <c>event</c> value, or null for a regular announce (no parameter).</summary>
        private static string? EventName(TrackerEvent trackerEvent) => trackerEvent switch
        {
            TrackerEvent.Started => "started",
            TrackerEvent.Completed => "completed",
            TrackerEvent.Stopped => "stopped",
            TrackerEvent.Paused => "paused",
            _ => null,
        };

        private static string Decimal(long value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
