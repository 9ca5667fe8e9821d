using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using TrackerPS.Core.Threading;

namespace TrackerPS.Core.Network
{
    /// <summary>The system resolver (<see cref="Dns.GetHostAddressesAsync(string)"/>): literals as is, names through DNS.</summary>
    public sealed class DnsHostResolver : IHostResolver
    {
        /// <summary>The one instance.</summary>
        public static DnsHostResolver Instance { get; } = new DnsHostResolver();

        private DnsHostResolver()
        {
        }

        /// <inheritdoc />
        public async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
        {
            if (IPAddress.TryParse(host, out IPAddress? literal))
            {
                return new[] { literal };
            }

            // netstandard2.0's lookup takes no token: stop waiting on cancellation, the lookup itself runs on.
            IPAddress[] addresses = await TaskCancellation.WaitAsync(Dns.GetHostAddressesAsync(host), cancellationToken).ConfigureAwait(false);
            return addresses.Length > 0 ? addresses : throw new SocketException((int)SocketError.HostNotFound);
        }
    }
}
