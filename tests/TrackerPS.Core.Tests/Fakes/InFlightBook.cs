using System;
using System.Threading.Tasks;

namespace TrackerPS.Core.Tests.Fakes
{
    /// <summary>Books kept by the in-memory tracker clients: requests in flight now, the most ever in flight, and how many were cancelled.</summary>
    internal sealed class InFlightBook
    {
        private readonly object _gate = new object();
        private int _inFlight;
        private int _maxInFlight;
        private int _cancelled;

        public int InFlight
        {
            get
            {
                lock (_gate)
                {
                    return _inFlight;
                }
            }
        }

        public int MaxInFlight
        {
            get
            {
                lock (_gate)
                {
                    return _maxInFlight;
                }
            }
        }

        public int Cancelled
        {
            get
            {
                lock (_gate)
                {
                    return _cancelled;
                }
            }
        }

        /// <summary>Runs one request, counting it in flight while it runs and as cancelled if it ends in cancellation.</summary>
        public async Task<T> Track<T>(Func<Task<T>> request)
        {
            lock (_gate)
            {
                _inFlight++;
                _maxInFlight = Math.Max(_maxInFlight, _inFlight);
            }

            try
            {
                return await request();
            }
            catch (OperationCanceledException)
            {
                lock (_gate)
                {
                    _cancelled++;
                }

                throw;
            }
            finally
            {
                lock (_gate)
                {
                    _inFlight--;
                }
            }
        }
    }
}
