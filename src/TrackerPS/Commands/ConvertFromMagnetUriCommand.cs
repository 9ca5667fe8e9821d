using System;
using System.Management.Automation;
using TrackerPS.Core.Magnet;

namespace TrackerPS.Commands
{
    /// <summary>
    /// <c>ConvertFrom-MagnetUri</c>: parses magnet links (BEP 9, BEP 52 <c>urn:btmh</c>, BEP 53 <c>so</c>) into
    /// <see cref="MagnetLink"/> objects. A bad link is a non-terminating error (<c>MagnetParseFailed</c>); findings on a
    /// usable link are warnings.
    /// </summary>
    [Cmdlet(VerbsData.ConvertFrom, "MagnetUri")]
    [OutputType(typeof(MagnetLink))]
    public sealed class ConvertFromMagnetUriCommand : PSCmdlet
    {
        /// <summary>The magnet links. Binds a <c>TorrentInfo</c>'s <c>MagnetUri</c> property from the pipeline too.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("MagnetUri")]
        public string[] Uri { get; set; } = new string[0];

        /// <summary>Parses each link and writes a <see cref="MagnetLink"/>.</summary>
        protected override void ProcessRecord()
        {
            foreach (string text in Uri)
            {
                MagnetLink link;
                try
                {
                    link = MagnetUriParser.Parse(text);
                }
                catch (FormatException ex)
                {
                    WriteError(new ErrorRecord(ex, "MagnetParseFailed", ErrorCategory.InvalidData, text));
                    continue;
                }

                foreach (string warning in link.Warnings)
                {
                    WriteWarning($"Magnet link {link.InfoHash}: {warning}");
                }

                WriteObject(link);
            }
        }
    }
}
