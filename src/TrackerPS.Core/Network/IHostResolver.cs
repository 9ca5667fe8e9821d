using System.Net;
using System.Threading;
using System.Threading.Tasks;

namespace TrackerPS.Core.Network
{
    /// <summary>Turns a host name into the addresses a connection may use (so tests can stand in for DNS).</summary>
    public interface IHostResolver
    {
        /// <summary>Resolves a host.</summary>
        /// <param name="host">A DNS name, or an IPv4 or IPv6 literal (without brackets), which resolves to itself.</param>
        /// <param name="cancellationToken">Stops waiting.</param>
        /// <returns>The addresses, in the order a connection should try them; never empty.</returns>
        /// <exception cref="System.Net.Sockets.SocketException">The name does not resolve, or to no address.</exception>
        /// <exception cref="System.OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
        Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken);
    }
}
