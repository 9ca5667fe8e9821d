using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using TrackerPS.Core.Network;
using TrackerPS.Core.Threading;

namespace TrackerPS.Core.Trackers.Udp
{
    /// <summary>
    /// Sends announce and scrape requests with a connection id (BEP 15 §connect): a cached one when younger than a
    /// minute, else a fresh one from a connect exchange. Requests to the same tracker that find no id while a connect
    /// is under way wait for that connect instead of sending their own, so 64 announces or a 14-packet scrape cost one
    /// connect. When a cached id draws an error reply (the tracker may have expired it sooner), the id is dropped and
    /// the request is repeated once on a fresh connection.
    /// </summary>
    internal sealed class UdpConnectedRequester
    {
        private readonly UdpTransport _transport;
        private readonly UdpConnectionIdCache _connectionIds;
        private readonly bool _bep15Retransmission;
        private readonly Dictionary<IPEndPoint, Task<ulong>> _connecting = new Dictionary<IPEndPoint, Task<ulong>>(SeededComparer.EndPoint);

        internal UdpConnectedRequester(UdpTransport transport, UdpConnectionIdCache connectionIds, bool bep15Retransmission)
        {
            _transport = transport;
            _connectionIds = connectionIds;
            _bep15Retransmission = bep15Retransmission;
        }

        /// <summary>Sends the request built by <paramref name="encode"/> (connection id, transaction id) and returns its non-error reply.</summary>
        /// <exception cref="TrackerException">The tracker sent an error packet (FailureReason).</exception>
        internal async Task<UdpReply> SendAsync(UdpOperation operation, IPEndPoint endpoint, UdpAction action, Func<ulong, uint, byte[]> encode)
        {
            bool cached = _connectionIds.TryGet(endpoint, out ulong connectionId);
            if (!cached)
            {
                connectionId = await ConnectOnceAsync(operation, endpoint).ConfigureAwait(false);
            }

            UdpReply reply = await ExchangeAsync(operation, endpoint, action, transactionId => encode(connectionId, transactionId)).ConfigureAwait(false);
            if (reply.IsError && cached)
            {
                _connectionIds.Remove(endpoint, connectionId);
                connectionId = await ConnectOnceAsync(operation, endpoint).ConfigureAwait(false);
                reply = await ExchangeAsync(operation, endpoint, action, transactionId => encode(connectionId, transactionId)).ConfigureAwait(false);
            }

            ThrowIfError(operation, reply);
            return reply;
        }

        /// <summary>Joins the connect already under way to <paramref name="endpoint"/>, or starts one that others may join.</summary>
        private async Task<ulong> ConnectOnceAsync(UdpOperation operation, IPEndPoint endpoint)
        {
            Task<ulong>? underWay;
            Task<ulong>? started = null;
            lock (_connecting)
            {
                if (!_connecting.TryGetValue(endpoint, out underWay))
                {
                    started = ConnectAsync(operation, endpoint);
                    _connecting[endpoint] = started;
                }
            }

            if (started is not null)
            {
                try
                {
                    return await started.ConfigureAwait(false);
                }
                finally
                {
                    lock (_connecting)
                    {
                        _connecting.Remove(endpoint);
                    }
                }
            }

            try
            {
                return await TaskCancellation.WaitAsync(underWay!, operation.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (!operation.Token.IsCancellationRequested && IsConnectFailure(e))
            {
                // The joined connect belonged to another request, which timed out, was cancelled or got an error reply;
                // this request still has time of its own, so it connects itself and any failure is reported as its own.
                return await ConnectAsync(operation, endpoint).ConfigureAwait(false);
            }
        }

        private static bool IsConnectFailure(Exception e) => e is OperationCanceledException || e is TimeoutException
            || e is TrackerException || e is UdpPacketException || e is SocketException;

        private async Task<ulong> ConnectAsync(UdpOperation operation, IPEndPoint endpoint)
        {
            UdpReply reply = await ExchangeAsync(operation, endpoint, UdpAction.Connect, UdpConnectRequest.Encode).ConfigureAwait(false);
            ThrowIfError(operation, reply);
            ulong connectionId = UdpConnectResponse.Decode(reply.Packet, reply.TransactionId);
            _connectionIds.Set(endpoint, connectionId);
            return connectionId;
        }

        private Task<UdpReply> ExchangeAsync(UdpOperation operation, IPEndPoint endpoint, UdpAction action, Func<uint, byte[]> encode)
        {
            var schedule = UdpRetransmissionSchedule.Create(operation.Remaining, _bep15Retransmission);
            return _transport.ExchangeAsync(endpoint, action, encode, schedule, operation.Token);
        }

        // BEP 15 §errors: the message is the tracker's failure text.
        private static void ThrowIfError(UdpOperation operation, UdpReply reply)
        {
            if (reply.IsError)
            {
                string message = UdpErrorResponse.Decode(reply.Packet, reply.TransactionId);
                throw new TrackerException(
                    operation.Tracker, TrackerErrorKind.FailureReason, $"UDP tracker {TrackerUriRedactor.Redact(operation.Tracker)} answered with an error: {TrackerText.Quote(message)}")
                {
                    FailureReason = message,
                };
            }
        }
    }
}
