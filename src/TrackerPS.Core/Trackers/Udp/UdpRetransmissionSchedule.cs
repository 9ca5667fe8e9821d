using System;
using System.Collections.Generic;

namespace TrackerPS.Core.Trackers.Udp
{
    /// <summary>
    /// When to (re)send one UDP request and when to give up (BEP 15 §time outs), as offsets from the first send.
    /// Pure: the transport follows it.
    /// </summary>
    internal sealed class UdpRetransmissionSchedule
    {
        /// <summary>Sends in the default schedule.</summary>
        internal const int DefaultTries = 3;

        /// <summary>BEP 15: the n-th wait is 15 · 2^n seconds …</summary>
        internal const int Bep15BaseSeconds = 15;

        /// <summary>… for n = 0 up to 8 (3,840 seconds).</summary>
        internal const int Bep15MaxExponent = 8;

        private UdpRetransmissionSchedule(TimeSpan[] sendOffsets, TimeSpan giveUpAfter)
        {
            SendOffsets = sendOffsets;
            GiveUpAfter = giveUpAfter;
        }

        /// <summary>Offsets at which the request is sent; the first is zero.</summary>
        internal TimeSpan[] SendOffsets { get; }

        /// <summary>Offset after which no reply is awaited any more.</summary>
        internal TimeSpan GiveUpAfter { get; }

        /// <summary>Creates the schedule for a request that may take at most <paramref name="budget"/>.</summary>
        /// <param name="budget">Time left for the request (the rest of the caller's timeout).</param>
        /// <param name="bep15">
        /// True: BEP 15's waits of 15·2^n s (n = 0…8), sends past the budget dropped. False: <see cref="DefaultTries"/>
        /// sends with doubling waits that fill the budget: at 0, budget/7 and 3·budget/7, giving up at the budget.
        /// </param>
        internal static UdpRetransmissionSchedule Create(TimeSpan budget, bool bep15)
        {
            return bep15 ? CreateBep15(budget) : CreateDefault(budget);
        }

        private static UdpRetransmissionSchedule CreateDefault(TimeSpan budget)
        {
            // Waits of w, 2w, 4w sum to 7w = budget: the doubling of BEP 15, compressed into the budget.
            long unit = budget.Ticks / ((1L << DefaultTries) - 1);
            var offsets = new TimeSpan[DefaultTries];
            for (int i = 0; i < DefaultTries; i++)
            {
                offsets[i] = TimeSpan.FromTicks(unit * ((1L << i) - 1));
            }

            return new UdpRetransmissionSchedule(offsets, budget);
        }

        private static UdpRetransmissionSchedule CreateBep15(TimeSpan budget)
        {
            var offsets = new List<TimeSpan> { TimeSpan.Zero };
            TimeSpan elapsed = TimeSpan.Zero;
            for (int n = 0; n <= Bep15MaxExponent; n++)
            {
                elapsed += TimeSpan.FromSeconds(Bep15BaseSeconds * (1 << n));
                if (n < Bep15MaxExponent && elapsed < budget)
                {
                    offsets.Add(elapsed);
                }
            }

            return new UdpRetransmissionSchedule(offsets.ToArray(), elapsed < budget ? elapsed : budget);
        }
    }
}
