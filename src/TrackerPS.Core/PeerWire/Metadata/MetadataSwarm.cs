using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace TrackerPS.Core.PeerWire.Metadata
{
    /// <summary>
    /// The state one metadata fetch shares between its peers: an assembly per announced size, the verified result, and
    /// each peer's cancellation and failure. Verifies an assembly as soon as it is complete; on a hash mismatch it
    /// drops exactly the peers that supplied its pieces and empties it, so the others fetch them again. Thread-safe.
    /// </summary>
    internal sealed class MetadataSwarm
    {
        private readonly object _gate = new object();
        private readonly MetadataTarget _target;
        private readonly Dictionary<long, MetadataAssembly> _assemblies = new Dictionary<long, MetadataAssembly>();
        private readonly Dictionary<string, CancellationTokenSource> _peers = new Dictionary<string, CancellationTokenSource>(SeededComparer.Ordinal);
        private readonly List<KeyValuePair<string, string>> _failures = new List<KeyValuePair<string, string>>();
        private readonly HashSet<string> _failed = new HashSet<string>(SeededComparer.Ordinal);
        private readonly int _peerCount;
        private int _tried;
        private int _connected;
        private bool _mismatch;

        internal MetadataSwarm(MetadataTarget target, int peerCount)
        {
            _target = target;
            _peerCount = peerCount;
        }

        /// <summary>Completes with the verified info dictionary.</summary>
        internal TaskCompletionSource<byte[]> Result { get; } = new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Called, from any thread, when a peer is dropped or gives up: the peer and why.</summary>
        internal Action<string, string>? OnPeerFailed { get; init; }

        /// <summary>Called under the swarm's lock, so in order, whenever a count changes; must be quick.</summary>
        internal Action<MetadataFetchProgress>? OnProgress { get; init; }

        /// <summary>Registers a peer's cancellation, cancelled when the peer is dropped, and counts it as tried.</summary>
        internal void Join(string peer, CancellationTokenSource life)
        {
            lock (_gate)
            {
                _peers[peer] = life;
                _tried++;
                Report();
            }
        }

        /// <summary>Counts a peer that completed the BitTorrent handshake.</summary>
        internal void Connected()
        {
            lock (_gate)
            {
                _connected++;
                Report();
            }
        }

        /// <summary>Reports the counts as they stand.</summary>
        internal void Report()
        {
            lock (_gate)
            {
                MetadataAssembly? best = _assemblies.Values.OrderByDescending(a => a.Received).FirstOrDefault();
                OnProgress?.Invoke(new MetadataFetchProgress(_peerCount, _tried, _connected, best?.Received ?? 0, best?.PieceCount ?? 0));
            }
        }

        /// <summary>The assembly of the size a peer announced; created empty (nothing allocated per byte) on first use.</summary>
        internal MetadataAssembly AssemblyFor(long size)
        {
            lock (_gate)
            {
                if (!_assemblies.TryGetValue(size, out MetadataAssembly? assembly))
                {
                    assembly = new MetadataAssembly(size);
                    _assemblies.Add(size, assembly);
                    Report();
                }

                return assembly;
            }
        }

        internal int Take(MetadataAssembly assembly, ICollection<int> exclude)
        {
            lock (_gate)
            {
                return assembly.TakeMissing(exclude);
            }
        }

        internal void Release(MetadataAssembly assembly, int piece)
        {
            lock (_gate)
            {
                assembly.Release(piece);
            }
        }

        /// <summary>Stores a checked piece; when it completes the assembly, verifies it and either finishes the fetch or drops the suppliers.</summary>
        internal void Deliver(MetadataAssembly assembly, int piece, ArraySegment<byte> data, string peer)
        {
            lock (_gate)
            {
                assembly.Release(piece);
                assembly.Put(piece, data, peer);
                Report();
                if (!assembly.IsComplete || Result.Task.IsCompleted)
                {
                    return;
                }

                byte[] info = assembly.Assemble();
                if (_target.Matches(info))
                {
                    Result.TrySetResult(info);
                    return;
                }

                _mismatch = true;
                foreach (string supplier in assembly.Reset())
                {
                    Drop(supplier, $"supplied pieces of a {assembly.Size}-byte info dictionary that failed the info-hash check");
                }

                Report();
            }
        }

        /// <summary>Records why a peer gave nothing (only its first reason) and cancels its connection.</summary>
        internal void Drop(string peer, string reason)
        {
            CancellationTokenSource? life;
            lock (_gate)
            {
                if (Result.Task.IsCompleted || !_failed.Add(peer))
                {
                    return;
                }

                _failures.Add(new KeyValuePair<string, string>(peer, reason));
                _peers.TryGetValue(peer, out life);
            }

            OnPeerFailed?.Invoke(peer, reason);
            life?.Cancel();
        }

        /// <summary>The error once every peer failed: HashMismatch when some assembly failed its check, else NotFound.</summary>
        internal MetadataFetchException Error()
        {
            lock (_gate)
            {
                return new MetadataFetchException(_mismatch ? MetadataErrorKind.HashMismatch : MetadataErrorKind.NotFound, _target.HandshakeHash.ToHex(), _failures.ToArray());
            }
        }
    }
}
