using System;
using System.Text;
using TrackerPS.Core.Magnet;

namespace TrackerPS.Fuzz.Targets
{
    /// <summary>
    /// A magnet link (BEP 9, 52, 53), the input read as UTF-8, through <see cref="MagnetUriParser.Parse"/>; a link it
    /// accepts is formatted back with <see cref="MagnetUriFormatter.Format(MagnetLink)"/>, and that must parse to the same
    /// info-hash.
    /// </summary>
    public sealed class MagnetTarget : FuzzTarget
    {
        /// <inheritdoc/>
        public override string Name => "magnet";

        /// <inheritdoc/>
        public override string Contract =>
            "MagnetUriParser.Parse: FormatException (exactly), nothing else; a parsed link formats to a link that parses to the same info-hash.";

        /// <inheritdoc/>
        public override void Run(byte[] input)
        {
            MagnetLink? link = null;
            Attempt<FormatException>(() => link = MagnetUriParser.Parse(Encoding.UTF8.GetString(input)));
            if (link is null)
            {
                return;
            }

            MagnetLink again = MagnetUriParser.Parse(MagnetUriFormatter.Format(link));
            if (again.InfoHash != link.InfoHash)
            {
                throw new FuzzContractException($"Formatting and re-parsing changed the info-hash from {link.InfoHash} to {again.InfoHash}.");
            }
        }
    }
}
