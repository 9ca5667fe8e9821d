using System;
using System.Security.Cryptography;

namespace TrackerPS.Core.Trackers.Udp
{
    /// <summary>
    /// Random 32-bit transaction ids (BEP 15): drawn from the cryptographic RNG, since the transport does not check a
    /// reply's source address and relies on ids nobody can guess. The RNG is asked for <see cref="BatchSize"/> ids at a
    /// time: one call into it per request cost about a microsecond, a noticeable part of a loopback round trip.
    /// Thread-safe.
    /// </summary>
    internal sealed class UdpTransactionIds
    {
        /// <summary>Ids drawn from the RNG per call.</summary>
        internal const int BatchSize = 64;

        private readonly RandomNumberGenerator _random = RandomNumberGenerator.Create();
        private readonly byte[] _batch = new byte[BatchSize * sizeof(uint)];
        private int _next = BatchSize;

        /// <summary>The next id.</summary>
        internal uint Next()
        {
            lock (_batch)
            {
                if (_next == BatchSize)
                {
                    _random.GetBytes(_batch);
                    _next = 0;
                }

                return BitConverter.ToUInt32(_batch, sizeof(uint) * _next++);
            }
        }
    }
}
