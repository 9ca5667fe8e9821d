using System;
using System.Management.Automation;
using TrackerPS.Core.Metainfo;

namespace TrackerPS.Commands
{
    /// <summary>Parses an info-hash parameter, writing the non-terminating InvalidInfoHash error for bad text.</summary>
    internal static class InfoHashArgument
    {
        /// <summary>Parses 40/64 hex or 32/52 base32 characters; anything else is a non-terminating InvalidInfoHash error.</summary>
        /// <param name="cmdlet">The cmdlet writing the error.</param>
        /// <param name="text">The text.</param>
        /// <returns>The info-hash, or null after writing the error.</returns>
        internal static InfoHash? Parse(Cmdlet cmdlet, string text)
        {
            try
            {
                return InfoHash.Parse(text);
            }
            catch (FormatException error)
            {
                cmdlet.WriteError(new ErrorRecord(error, "InvalidInfoHash", ErrorCategory.InvalidArgument, text));
                return null;
            }
        }
    }
}
