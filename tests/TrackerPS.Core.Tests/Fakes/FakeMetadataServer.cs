using System;
using System.Collections.Concurrent;
using System.Threading.Tasks;

namespace TrackerPS.Core.Tests.Fakes
{
    /// <summary>A <see cref="FakePeer"/> script serving an info dictionary over ut_metadata, honestly unless told to misbehave.</summary>
    internal sealed record FakeMetadataServer(byte[] Info)
    {
        /// <summary>The metadata_size announced; default: the true size.</summary>
        public long? AnnouncedSize { get; init; }

        /// <summary>Leave metadata_size out of the extension handshake.</summary>
        public bool OmitSize { get; init; }

        /// <summary>Announce no ut_metadata.</summary>
        public bool NoUtMetadata { get; init; }

        /// <summary>The total_size sent in data messages; default: the announced size.</summary>
        public long? TotalSize { get; init; }

        /// <summary>Flip a byte of every piece sent.</summary>
        public bool Corrupt { get; init; }

        /// <summary>Reject every request.</summary>
        public bool Reject { get; init; }

        /// <summary>Reject every request for this piece, answer the others.</summary>
        public int? RejectPiece { get; init; }

        /// <summary>Send a msg_type 7 message before each answer.</summary>
        public bool UnknownTypeFirst { get; init; }

        /// <summary>Answer with this piece index instead of the one requested.</summary>
        public int? PieceIndex { get; init; }

        /// <summary>Bytes cut from (negative) or added to (positive) each piece.</summary>
        public int LengthChange { get; init; }

        /// <summary>Send each data message one byte every this many milliseconds.</summary>
        public int DripMilliseconds { get; init; }

        /// <summary>Close the connection halfway through the first data message.</summary>
        public bool CloseMidMessage { get; init; }

        /// <summary>Wait this long before the extension handshake (lets another peer go first).</summary>
        public int DelayMilliseconds { get; init; }

        /// <summary>Wait for this before the extension handshake (lets another peer finish first).</summary>
        public Task? StartAfter { get; init; }

        /// <summary>The pieces requested, in the order the requests arrived, over every connection.</summary>
        public ConcurrentQueue<int> Requested { get; } = new ConcurrentQueue<int>();

        public async Task ServeAsync(FakePeerConnection connection)
        {
            await connection.HandshakeAsync();
            await (StartAfter ?? Task.CompletedTask);
            await Task.Delay(DelayMilliseconds);
            long announced = AnnouncedSize ?? Info.Length;
            await connection.SendExtensionHandshakeAsync(OmitSize ? null : announced, !NoUtMetadata);
            byte clientId = await connection.ReadClientMetadataIdAsync();
            while (true)
            {
                (int piece, _) = await connection.ReadMetadataRequestAsync(clientId);
                Requested.Enqueue(piece);
                if (UnknownTypeFirst)
                {
                    await connection.SendAsync(FakePeerConnection.Extended(clientId, $"d8:msg_typei7e5:piecei{piece}ee"));
                }

                if (Reject || RejectPiece == piece)
                {
                    await connection.SendAsync(FakePeerConnection.Extended(clientId, $"d8:msg_typei2e5:piecei{piece}ee"));
                    continue;
                }

                byte[] data = FakePeerConnection.Slice(Info, piece);
                data = LengthChange < 0 ? data[..(data.Length + LengthChange)] : LengthChange > 0 ? [.. data, .. new byte[LengthChange]] : data;
                if (Corrupt)
                {
                    data[0] ^= 0xFF;
                }

                byte[] message = FakePeerConnection.Data(clientId, PieceIndex ?? piece, TotalSize ?? announced, data);
                if (CloseMidMessage)
                {
                    await connection.SendAsync(message[..(message.Length / 2)]);
                    return;
                }

                if (DripMilliseconds > 0)
                {
                    foreach (byte b in message)
                    {
                        await connection.SendAsync(new[] { b });
                        await Task.Delay(DripMilliseconds);
                    }

                    continue;
                }

                await connection.SendAsync(message);
            }
        }
    }
}
