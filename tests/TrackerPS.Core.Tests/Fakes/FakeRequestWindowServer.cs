using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace TrackerPS.Core.Tests.Fakes
{
    /// <summary>
    /// A <see cref="FakePeer"/> script that serves an info dictionary honestly while it watches the client's request
    /// window. It answers nothing until the client has been quiet for <see cref="QuietPeriod"/>, and counts the
    /// ut_metadata requests received by then (<see cref="FirstWindow"/>). Then it answers one piece at a time, in the order
    /// asked, and after each piece but the last notes what the client sent next (<see cref="AfterPiece"/>): <c>request N</c>,
    /// <c>keep-alive</c>, <c>message ID</c>, several joined by <c>", "</c>, or <c>nothing</c> within <see cref="Patience"/>.
    /// </summary>
    internal sealed class FakeRequestWindowServer
    {
        /// <summary>How long the client must send nothing before the requests received count as its first window.</summary>
        internal static readonly TimeSpan QuietPeriod = TimeSpan.FromMilliseconds(200);

        /// <summary>How long to wait for the client's answer to a piece before noting <c>nothing</c>.</summary>
        internal static readonly TimeSpan Patience = TimeSpan.FromSeconds(2);

        private readonly byte[] _info;
        private readonly ConcurrentQueue<string> _afterPiece = new ConcurrentQueue<string>();
        private int _firstWindow = -1;

        internal FakeRequestWindowServer(byte[] info)
        {
            _info = info;
        }

        /// <summary>The requests received before anything was answered; -1 until the client fell quiet.</summary>
        internal int FirstWindow => Volatile.Read(ref _firstWindow);

        /// <summary>What the client sent after each piece but the last, in order.</summary>
        internal string[] AfterPiece => _afterPiece.ToArray();

        public async Task ServeAsync(FakePeerConnection connection)
        {
            await connection.HandshakeAsync();
            await connection.SendExtensionHandshakeAsync(_info.Length);
            byte clientId = await connection.ReadClientMetadataIdAsync();
            var asked = new Queue<int>();
            asked.Enqueue((await connection.ReadMetadataRequestAsync(clientId)).Piece);
            while (await connection.WaitForDataAsync(QuietPeriod))
            {
                await ReadAvailableAsync(connection, asked);
            }

            Volatile.Write(ref _firstWindow, asked.Count);
            int pieceCount = (_info.Length + 16383) / 16384;
            for (int answered = 1; asked.Count > 0; answered++)
            {
                int piece = asked.Dequeue();
                await connection.SendAsync(FakePeerConnection.Data(clientId, piece, _info.Length, FakePeerConnection.Slice(_info, piece)));
                if (answered == pieceCount)
                {
                    return;
                }

                _afterPiece.Enqueue(await connection.WaitForDataAsync(Patience) ? await ReadAvailableAsync(connection, asked) : "nothing");
            }
        }

        // Reads the messages that have arrived (at least one), queues the pieces they request and describes them.
        private static async Task<string> ReadAvailableAsync(FakePeerConnection connection, Queue<int> asked)
        {
            var seen = new List<string>();
            do
            {
                byte[] frame = await connection.ReadFrameAsync();
                if (FakePeerConnection.RequestedPiece(frame) is int piece)
                {
                    asked.Enqueue(piece);
                    seen.Add($"request {piece}");
                }
                else
                {
                    seen.Add(frame.Length == 0 ? "keep-alive" : $"message {frame[0]}");
                }
            }
            while (await connection.WaitForDataAsync(TimeSpan.Zero));

            return string.Join(", ", seen);
        }
    }
}
