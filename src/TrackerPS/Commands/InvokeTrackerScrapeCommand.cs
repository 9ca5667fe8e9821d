using System;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using TrackerPS.Core.Metainfo;
using TrackerPS.Core.Network;
using TrackerPS.Core.Trackers;

namespace TrackerPS.Commands
{
    /// <summary>
    /// <c>Invoke-TrackerScrape</c>: asks HTTP (BEP 48) and UDP (BEP 15) trackers for the seeders, leechers and completed
    /// downloads of info-hashes. The whole pipeline is gathered first so each tracker gets one batched scrape for every
    /// torrent that lists it; the trackers are then scraped concurrently and results are written as each answers.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "TrackerScrape")]
    [OutputType(typeof(ScrapeResult))]
    public sealed class InvokeTrackerScrapeCommand : TrackerCmdlet
    {
        private const int ProgressActivityId = 0x7B;
        private const string ProgressActivity = "Invoke-TrackerScrape";

        private readonly List<ScrapeItem> _items = new List<ScrapeItem>();

        /// <summary>
        /// Info-hashes: 40 or 64 hex characters, or 32 or 52 base32; a v2 hash is scraped truncated (BEP 52). Plain strings
        /// bind from the pipeline (<c>Get-Content hashes.txt</c>), objects by their InfoHash property.
        /// </summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] InfoHash { get; set; } = null!;

        /// <summary>A hybrid or v2 torrent's full v2 hash (64 hex or 52 base32); its truncated form is scraped too when it differs.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? InfoHashV2 { get; set; }

        /// <summary>
        /// Tracker announce URIs (http, https, udp); the HTTP scrape URI is derived from each (BEP 48). An input without
        /// any (a trackerless torrent, a magnet link without <c>tr</c>) is a non-terminating NoTracker error.
        /// </summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        public Uri[]? Tracker { get; set; }

        /// <summary>
        /// Collects this input's valid info-hashes and trackers; a bad info-hash is a non-terminating InvalidInfoHash
        /// error, an input without trackers a NoTracker error.
        /// </summary>
        protected override void ProcessRecord()
        {
            Uri[] trackers = Array.FindAll(Tracker ?? Array.Empty<Uri>(), t => t is not null);
            if (trackers.Length == 0)
            {
                WriteNoTracker(InfoHash, "-Tracker");
                return;
            }

            var hashes = new List<InfoHash?>();
            foreach (string text in InfoHash)
            {
                hashes.Add(ParseInfoHash(text));
            }

            if (!string.IsNullOrEmpty(InfoHashV2))
            {
                hashes.Add(ParseInfoHash(InfoHashV2!));
            }

            if (hashes.Exists(h => h is not null))
            {
                _items.Add(new ScrapeItem(hashes, trackers));
            }
        }

        /// <summary>Scrapes every tracker once for all the info-hashes gathered for it, writing results as trackers answer.</summary>
        protected override void EndProcessing()
        {
            if (_items.Count == 0)
            {
                return;
            }

            try
            {
                RunAndPump(ScrapeAsync);
            }
            finally
            {
                // A stopped pipeline takes no more writes; the host clears its progress display itself.
                if (!StopToken.IsCancellationRequested)
                {
                    WriteProgress(new ProgressRecord(ProgressActivityId, ProgressActivity, "Done") { RecordType = ProgressRecordType.Completed });
                }
            }
        }

        private async Task ScrapeAsync(PipelineWriteQueue queue, CancellationToken cancellationToken)
        {
            TrackerClientOptions options = CreateClientOptions();
            using var progress = new TrackerProgress(ProgressActivityId, ProgressActivity, "{0} of {1} trackers scraped", TrackerScraper.Plan(_items).Count, queue);
            var scraper = new TrackerScraper(TrackerClientFactory.CreateDefault(TrackerSession.Default), options, ThrottleLimit)
            {
                OnSending = !queue.VerboseShown ? null : request => queue.WriteVerbose(string.Format(
                    CultureInfo.InvariantCulture,
                    "Scraping {0} info-hash(es) from {1}",
                    request.InfoHashes.Count,
                    TrackerUriRedactor.Redact(request.Tracker))),
                OnCompleted = outcome =>
                {
                    progress.Answered();
                    Emit(outcome, queue);
                },
            };
            progress.Start();
            await scraper.ScrapeAsync(_items, cancellationToken).ConfigureAwait(false);
        }

        private static void Emit(ScrapeOutcome outcome, PipelineWriteQueue queue)
        {
            if (outcome.Error is not null)
            {
                queue.WriteError(TrackerErrorRecords.Create(outcome.Error));
                return;
            }

            foreach (string note in outcome.Notes)
            {
                queue.WriteVerbose(note);
            }

            queue.WriteObjects(outcome.Results);

            foreach (InfoHash infoHash in outcome.NotListed)
            {
                string hex = infoHash.Truncated.ToHex();
                queue.WriteError(new ErrorRecord(new ItemNotFoundException(outcome.NotListedMessage(infoHash)), ErrorIds.InfoHashNotListed, ErrorCategory.ObjectNotFound, hex));
            }
        }
    }
}
