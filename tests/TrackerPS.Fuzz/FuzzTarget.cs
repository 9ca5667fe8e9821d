using System;
using System.Linq;
using TrackerPS.Core.Bencode;
using TrackerPS.Core.Metainfo;
using TrackerPS.Core.Trackers;
using TrackerPS.Core.Trackers.Udp;

namespace TrackerPS.Fuzz
{
    /// <summary>
    /// One parser fed with untrusted bytes, and its contract: the exception types the parser documents as "this input is
    /// bad" are expected and swallowed; any other exception escapes <see cref="Run"/> and is a finding (afl-fuzz records
    /// it as a crash, the replay as a failure). A type is matched exactly, so a subclass (UriFormatException for
    /// FormatException, say) that the parser never promised is a finding too, and so is a documented error that wraps an
    /// exception other than a parse error: that is how the readers contain a bug (issue 10), so the bug is still a finding.
    /// </summary>
    public abstract class FuzzTarget
    {
        /// <summary>The parse errors a documented error may wrap (a tracker reply that is not bencode, say).</summary>
        private static readonly Type[] s_parseErrors =
        {
            typeof(BencodeException), typeof(MetainfoException), typeof(TrackerException), typeof(UdpPacketException),
        };

        /// <summary>The name used on the command line and for the seed and regression folders.</summary>
        public abstract string Name { get; }

        /// <summary>What the target feeds the input to and which errors are documented, for the usage text.</summary>
        public abstract string Contract { get; }

        /// <summary>Feeds the input to the parser(s).</summary>
        /// <param name="input">The raw input, any length.</param>
        /// <exception cref="Exception">Anything but a documented parse error: a finding.</exception>
        public abstract void Run(byte[] input);

        /// <summary>Runs <paramref name="parse"/>, swallowing <typeparamref name="TDocumented"/> (exact type).</summary>
        /// <returns>True when it returned, false when it threw the documented error.</returns>
        protected static bool Attempt<TDocumented>(Action parse)
            where TDocumented : Exception
        {
            try
            {
                parse();
                return true;
            }
            catch (Exception e) when (IsDocumented(e, typeof(TDocumented)))
            {
                return false;
            }
        }

        /// <summary>Runs <paramref name="parse"/>, swallowing either documented type (exact types).</summary>
        /// <returns>True when it returned, false when it threw a documented error.</returns>
        protected static bool Attempt<TDocumented1, TDocumented2>(Action parse)
            where TDocumented1 : Exception
            where TDocumented2 : Exception
        {
            try
            {
                parse();
                return true;
            }
            catch (Exception e) when (IsDocumented(e, typeof(TDocumented1), typeof(TDocumented2)))
            {
                return false;
            }
        }

        private static bool IsDocumented(Exception e, params Type[] documented) =>
            documented.Contains(e.GetType()) && (e.InnerException is null || s_parseErrors.Contains(e.InnerException.GetType()));
    }
}
