using System;
using System.Management.Automation;
using TrackerPS.Core.Magnet;

namespace TrackerPS.Commands
{
    /// <summary>
    /// <c>ConvertTo-MagnetUri</c>: writes the magnet link (BEP 9/52/53) of a <see cref="TorrentInfo"/> (the same text as
    /// its <c>MagnetUri</c>, as libtorrent's <c>make_magnet_uri</c>: no <c>xl</c>) or of a <see cref="MagnetLink"/>.
    /// </summary>
    [Cmdlet(VerbsData.ConvertTo, "MagnetUri")]
    [OutputType(typeof(string))]
    public sealed class ConvertToMagnetUriCommand : PSCmdlet
    {
        /// <summary>A <c>TrackerPS.TorrentInfo</c> (from <c>Get-TorrentInfo</c>) or <c>TrackerPS.MagnetLink</c> (from <c>ConvertFrom-MagnetUri</c>).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        public PSObject InputObject { get; set; } = null!;

        /// <summary>Formats the input object's magnet link.</summary>
        protected override void ProcessRecord()
        {
            try
            {
                switch (InputObject.BaseObject)
                {
                    case TorrentInfo torrent:
                        WriteObject(MagnetUriFormatter.Format(torrent));
                        break;
                    case MagnetLink link:
                        WriteObject(MagnetUriFormatter.Format(link));
                        break;
                    default:
                        var unsupported = new ArgumentException(
                            $"ConvertTo-MagnetUri takes a TrackerPS.TorrentInfo or a TrackerPS.MagnetLink, not {InputObject.BaseObject.GetType().FullName}.");
                        WriteError(new ErrorRecord(unsupported, "UnsupportedInputType", ErrorCategory.InvalidArgument, InputObject));
                        break;
                }
            }
            catch (Exception ex) when (ex is ArgumentException || ex is FormatException)
            {
                // Objects built by hand may carry hashes of the wrong length or no hash at all.
                WriteError(new ErrorRecord(ex, "MagnetFormatFailed", ErrorCategory.InvalidData, InputObject));
            }
        }
    }
}
