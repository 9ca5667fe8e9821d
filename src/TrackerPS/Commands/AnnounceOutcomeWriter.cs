using System;
using System.Globalization;
using TrackerPS.Core.Network;
using TrackerPS.Core.Trackers;

namespace TrackerPS.Commands
{
    /// <summary>
    /// How <c>Invoke-TrackerAnnounce</c> writes each tracker's outcome to the pipeline: skipped announces as warnings,
    /// failures as non-terminating errors, a tracker's warning message and findings as warnings naming it, and then
    /// the response itself (<c>-AsResponse</c>) or its peers, only the new ones under <c>-Repeat</c>.
    /// </summary>
    internal sealed class AnnounceOutcomeWriter
    {
        private readonly PipelineWriteQueue _queue;
        private readonly bool _asResponse;
        private readonly NewPeerFilter? _newPeers;

        /// <param name="queue">Where to write.</param>
        /// <param name="asResponse">Write responses rather than peers.</param>
        /// <param name="newPeers">Under <c>-Repeat</c>, the filter that lets each peer through once; otherwise null.</param>
        public AnnounceOutcomeWriter(PipelineWriteQueue queue, bool asResponse, NewPeerFilter? newPeers)
        {
            _queue = queue;
            _asResponse = asResponse;
            _newPeers = newPeers;
        }

        /// <summary>Writes one tracker's outcome: a warning if skipped, an error if failed, else its warnings and then the response or its peers.</summary>
        public void Write(AnnounceOutcome outcome)
        {
            if (outcome.Kind == AnnounceOutcomeKind.Skipped)
            {
                _queue.WriteWarning(SkippedMessage(outcome));
                return;
            }

            if (outcome.Error is not null)
            {
                _queue.WriteError(TrackerErrorRecords.Create(outcome.Error));
                return;
            }

            AnnounceResponse response = outcome.Response!;
            if (response.WarningMessage is not null)
            {
                _queue.WriteWarning($"Tracker {TrackerUriRedactor.Redact(outcome.Tracker)} warns: {response.WarningMessage}");
            }

            foreach (string warning in response.Warnings)
            {
                _queue.WriteWarning($"Tracker {TrackerUriRedactor.Redact(outcome.Tracker)}: {warning}");
            }

            if (_asResponse)
            {
                _queue.WriteObject(response);
                return;
            }

            foreach (Peer peer in response.Peers)
            {
                if (_newPeers is null || _newPeers.IsNew(peer))
                {
                    _queue.WriteObject(peer);
                }
            }
        }

        private static string SkippedMessage(AnnounceOutcome outcome)
        {
            DateTimeOffset notBefore = outcome.NotBefore!.Value;
            string when = notBefore == DateTimeOffset.MaxValue
                ? "never: the tracker asked not to be retried (BEP 31 retry in: never)"
                : "after " + notBefore.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture);
            return string.Format(
                CultureInfo.InvariantCulture,
                "Skipped announcing {0} to {1}: its min interval or retry in has not passed. It may be announced again {2}; use -Force to announce now.",
                outcome.Request.InfoHash,
                TrackerUriRedactor.Redact(outcome.Tracker),
                when);
        }
    }
}
