using System.Management.Automation;
using TrackerPS.Core.Bencode;
using TrackerPS.Core.Metainfo;

namespace TrackerPS.Commands
{
    /// <summary>
    /// <c>Get-TorrentInfo</c>: parses .torrent files (BEP 3, 12, 17, 19, 27, 47, 52) and writes one
    /// <see cref="TorrentInfo"/> per file.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "TorrentInfo", DefaultParameterSetName = ParameterSets.Path)]
    [OutputType(typeof(TorrentInfo))]
    public sealed class GetTorrentInfoCommand : TorrentFileCmdlet
    {
        private TorrentReadOptions? _options;

        /// <summary>Rejects non-canonical bencode and metainfo inconsistencies instead of warning about them.</summary>
        [Parameter]
        public SwitchParameter Strict { get; set; }

        /// <summary>Lists BEP 47 pad files in <see cref="TorrentInfo.Files"/>.</summary>
        [Parameter]
        public SwitchParameter IncludePadFiles { get; set; }

        /// <summary>Largest file accepted, in bytes.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int MaxFileSize { get; set; } = BencodeLimits.DefaultMaxInputSize;

        /// <summary>Deepest nesting of bencode lists and dictionaries accepted.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int MaxDepth { get; set; } = BencodeLimits.DefaultMaxDepth;

        /// <inheritdoc />
        protected override void BeginProcessing()
        {
            _options = new TorrentReadOptions
            {
                Strict = Strict.IsPresent,
                IncludePadFiles = IncludePadFiles.IsPresent,
                Limits = new BencodeLimits
                {
                    MaxInputSize = MaxFileSize,
                    MaxDepth = MaxDepth,
                    Strict = Strict.IsPresent,
                },
            };
        }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            foreach (TorrentInfo torrent in ReadTorrents(_options))
            {
                WriteObject(torrent);
            }
        }
    }
}
