using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace TrackerPS.Core.Trackers
{
    /// <summary>
    /// Keeps announcing as a running client does: a first round with the template's event, then each tracker again when
    /// its wait has passed (<see cref="RepeatSchedule"/>: its <c>interval</c>, <c>retry in</c>, or an exponential back-off
    /// after failures), with no event (BEP 3 regular announce), until cancelled. When it ends, for whatever reason, every
    /// tracker is sent <see cref="TrackerEvent.Stopped"/> (best effort, bounded by <see cref="StopTimeout"/>).
    /// With <see cref="TierMode.FirstSuccess"/> each round walks the tiers again, once the earliest wait has passed.
    /// </summary>
    public sealed class AnnounceRepeater
    {
        /// <summary>How long the final <see cref="TrackerEvent.Stopped"/> announces may take in all: 5 s.</summary>
        public static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(5);

        /// <summary>The longest single wait passed to the delay: 1 day (Task.Delay takes at most about 24.8 days); longer waits are several.</summary>
        public static readonly TimeSpan MaxDelay = TimeSpan.FromDays(1);

        private readonly TorrentAnnouncer _announcer;
        private readonly TorrentAnnouncer _stopper;
        private readonly Func<DateTimeOffset> _clock;
        private readonly Func<TimeSpan, CancellationToken, Task> _delay;

        /// <summary>Creates a repeater.</summary>
        /// <param name="announcer">Sends each round (its callbacks see every outcome).</param>
        /// <param name="stopper">Sends the final <c>stopped</c> announces; give it no output callbacks, as the pipeline may be gone by then.</param>
        /// <param name="clock">The time now.</param>
        /// <param name="delay">Waits a duration (<see cref="Task.Delay(TimeSpan, CancellationToken)"/> outside tests).</param>
        public AnnounceRepeater(TorrentAnnouncer announcer, TorrentAnnouncer stopper, Func<DateTimeOffset> clock, Func<TimeSpan, CancellationToken, Task> delay)
        {
            _announcer = announcer ?? throw new ArgumentNullException(nameof(announcer));
            _stopper = stopper ?? throw new ArgumentNullException(nameof(stopper));
            _clock = clock ?? throw new ArgumentNullException(nameof(clock));
            _delay = delay ?? throw new ArgumentNullException(nameof(delay));
        }

        /// <summary>Announces until <paramref name="cancellationToken"/> is cancelled or no tracker may be asked again, then sends <c>stopped</c>.</summary>
        /// <param name="target">The info-hashes.</param>
        /// <param name="tiers">The BEP 12 tiers.</param>
        /// <param name="template">The fields of the first round; later rounds send no event and honour every interval (no Force).</param>
        /// <param name="cancellationToken">Ends the repeat (Ctrl+C).</param>
        /// <returns>A task that completes when every tracker has been told <c>stopped</c> (or <see cref="StopTimeout"/> passed).</returns>
        /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled (after the <c>stopped</c> announces).</exception>
        public async Task RunAsync(AnnounceTarget target, IReadOnlyList<IReadOnlyList<Uri>> tiers, AnnounceTemplate template, CancellationToken cancellationToken)
        {
            if (template is null)
            {
                throw new ArgumentNullException(nameof(template));
            }

            try
            {
                await RepeatAsync(target, tiers, template, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                using var stopTimeout = new CancellationTokenSource(StopTimeout);
                AnnounceTemplate stop = WithEvent(template, TrackerEvent.Stopped);

                // Every tracker, whatever the tier mode: each one may have us in its swarm.
                await _stopper.AnnounceAsync(target, tiers, stop, stopTimeout.Token).ConfigureAwait(false);
            }
        }

        private async Task RepeatAsync(AnnounceTarget target, IReadOnlyList<IReadOnlyList<Uri>> tiers, AnnounceTemplate template, CancellationToken cancellationToken)
        {
            var due = new Dictionary<Uri, DateTimeOffset>(SeededComparer.Uri);
            var failures = new Dictionary<Uri, int>(SeededComparer.Uri);
            IReadOnlyList<IReadOnlyList<Uri>> round = tiers;
            AnnounceTemplate current = template;
            while (true)
            {
                IReadOnlyList<AnnounceOutcome> outcomes = await _announcer.AnnounceAsync(target, round, current, cancellationToken).ConfigureAwait(false);
                DateTimeOffset now = _clock();
                foreach (IGrouping<Uri, AnnounceOutcome> tracker in outcomes.GroupBy(o => o.Tracker, SeededComparer.Uri))
                {
                    bool failed = tracker.All(o => o.Kind == AnnounceOutcomeKind.Failed);
                    failures[tracker.Key] = failed ? failures.TryGetValue(tracker.Key, out int n) ? n + 1 : 1 : 0;
                    TimeSpan?[] waits = tracker.Select(o => RepeatSchedule.Wait(o, failures[tracker.Key], now)).ToArray();
                    if (waits.Any(w => w is null))
                    {
                        due.Remove(tracker.Key);
                    }
                    else
                    {
                        due[tracker.Key] = now + waits.Min(w => w!.Value);
                    }
                }

                if (due.Count == 0)
                {
                    return;
                }

                DateTimeOffset next = due.Values.Min();
                for (now = _clock(); now < next; now = _clock())
                {
                    TimeSpan wait = next - now;
                    await _delay(wait > MaxDelay ? MaxDelay : wait, cancellationToken).ConfigureAwait(false);
                }

                round = _announcer.TierMode == TierMode.FirstSuccess ? tiers : DueTiers(tiers, due, now);
                current = WithEvent(template, TrackerEvent.None);
            }
        }

        private static IReadOnlyList<IReadOnlyList<Uri>> DueTiers(IReadOnlyList<IReadOnlyList<Uri>> tiers, Dictionary<Uri, DateTimeOffset> due, DateTimeOffset now) =>
            tiers.Select(tier => (IReadOnlyList<Uri>)(tier ?? new Uri[0]).Where(t => t is not null && due.TryGetValue(t, out DateTimeOffset at) && at <= now).ToArray())
                .ToArray();

        // BEP 3: after the first announce, regular ones carry no event (a repeated "started" or "completed" is wrong).
        // Force is not copied: only the first round may override the intervals.
        private static AnnounceTemplate WithEvent(AnnounceTemplate template, TrackerEvent trackerEvent) => new AnnounceTemplate
        {
            PeerId = template.PeerId,
            Port = template.Port,
            Uploaded = template.Uploaded,
            Downloaded = template.Downloaded,
            Left = template.Left,
            Event = trackerEvent,
            NumWant = template.NumWant,
            Key = template.Key,
            TrackerId = template.TrackerId,
            Compact = template.Compact,
            IPAddress = template.IPAddress,
        };
    }
}
