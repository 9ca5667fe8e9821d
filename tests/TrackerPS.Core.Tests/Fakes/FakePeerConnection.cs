using System;
using System.Buffers.Binary;
using System.Linq;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace TrackerPS.Core.Tests.Fakes
{
    /// <summary>One connection of a <see cref="FakePeer"/>: raw handshake and message bytes, and a ut_metadata server.</summary>
    internal sealed class FakePeerConnection
    {
        internal const byte FakeMetadataId = 3;
        private readonly NetworkStream _stream;
        private readonly CancellationToken _stop;

        internal FakePeerConnection(NetworkStream stream, CancellationToken stop)
        {
            _stream = stream;
            _stop = stop;
        }

        internal static byte[] Handshake(byte[] infoHash, byte reserved5 = 0x10, byte reserved7 = 0x04)
        {
            byte[] bytes = new byte[68];
            bytes[0] = 19;
            Encoding.ASCII.GetBytes("BitTorrent protocol").CopyTo(bytes, 1);
            bytes[25] = reserved5;
            bytes[27] = reserved7;
            infoHash.CopyTo(bytes, 28);
            Encoding.ASCII.GetBytes("-FK0001-fakefakefake").CopyTo(bytes, 48);
            return bytes;
        }

        internal async Task<byte[]> ReadAsync(int count)
        {
            byte[] buffer = new byte[count];
            await _stream.ReadExactlyAsync(buffer, _stop);
            return buffer;
        }

        internal Task SendAsync(byte[] bytes) => _stream.WriteAsync(bytes, _stop).AsTask();

        /// <summary>Reads the client's handshake and answers with <paramref name="answerHash"/> (default: the hash it asked for).</summary>
        internal async Task<byte[]> HandshakeAsync(byte[]? answerHash = null, byte reserved5 = 0x10, byte reserved7 = 0x04)
        {
            byte[] theirs = await ReadAsync(68);
            await SendAsync(Handshake(answerHash ?? theirs[28..48], reserved5, reserved7));
            return theirs;
        }

        internal static byte[] Message(byte id, byte[] payload)
        {
            byte[] bytes = new byte[5 + payload.Length];
            BinaryPrimitives.WriteInt32BigEndian(bytes, payload.Length + 1);
            bytes[4] = id;
            payload.CopyTo(bytes, 5);
            return bytes;
        }

        internal static byte[] Extended(byte extendedId, string dictionary, byte[]? trailer = null) =>
            Message(20, new[] { extendedId }.Concat(Encoding.ASCII.GetBytes(dictionary)).Concat(trailer ?? Array.Empty<byte>()).ToArray());

        /// <summary>Sends the BEP 10 handshake announcing ut_metadata (unless null) and a metadata_size (unless null).</summary>
        internal Task SendExtensionHandshakeAsync(long? metadataSize, bool utMetadata = true)
        {
            string m = utMetadata ? $"d11:ut_metadatai{FakeMetadataId}ee" : "de";
            string size = metadataSize is null ? string.Empty : $"13:metadata_sizei{metadataSize}e";
            return SendAsync(Extended(0, $"d1:m{m}{size}1:v8:FakePeere"));
        }

        /// <summary>Reads one message after its length prefix: its id and payload, or nothing for a keep-alive.</summary>
        internal async Task<byte[]> ReadFrameAsync()
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(await ReadAsync(4));
            return length == 0 ? Array.Empty<byte>() : await ReadAsync(length);
        }

        internal async Task<(byte Id, byte[] Payload)> ReadMessageAsync()
        {
            while (true)
            {
                byte[] body = await ReadFrameAsync();
                if (body.Length > 0)
                {
                    return (body[0], body[1..]);
                }
            }
        }

        /// <summary>True once bytes from the client wait to be read; false if none came within <paramref name="within"/>.</summary>
        internal async Task<bool> WaitForDataAsync(TimeSpan within)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (!_stream.DataAvailable)
            {
                if (clock.Elapsed >= within)
                {
                    return false;
                }

                await Task.Delay(5, _stop);
            }

            return true;
        }

        /// <summary>The piece a frame from <see cref="ReadFrameAsync"/> requests, if it is a ut_metadata request.</summary>
        internal static int? RequestedPiece(byte[] frame)
        {
            if (frame.Length < 2 || frame[0] != 20 || frame[1] != FakeMetadataId)
            {
                return null;
            }

            string text = Encoding.ASCII.GetString(frame, 2, frame.Length - 2);
            return text.Contains("8:msg_typei0e", StringComparison.Ordinal)
                ? int.Parse(Regex.Match(text, "5:piecei(\\d+)e").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)
                : null;
        }

        /// <summary>Reads until a ut_metadata request; returns its piece and the id the client wants replies under.</summary>
        internal async Task<(int Piece, byte ReplyId)> ReadMetadataRequestAsync(byte replyId)
        {
            while (true)
            {
                if (RequestedPiece(await ReadFrameAsync()) is int piece)
                {
                    return (piece, replyId);
                }
            }
        }

        /// <summary>The client's ut_metadata id, from its extension handshake.</summary>
        internal async Task<byte> ReadClientMetadataIdAsync()
        {
            while (true)
            {
                (byte id, byte[] payload) = await ReadMessageAsync();
                string text = Encoding.ASCII.GetString(payload, 1, payload.Length - 1);
                Match match = Regex.Match(text, "11:ut_metadatai(\\d+)e");
                if (id == 20 && payload[0] == 0 && match.Success)
                {
                    return byte.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                }
            }
        }

        internal static byte[] Data(byte clientId, int piece, long totalSize, byte[] bytes) =>
            Extended(clientId, $"d8:msg_typei1e5:piecei{piece}e10:total_sizei{totalSize}ee", bytes);

        internal static byte[] Slice(byte[] info, int piece) => info.Skip(piece * 16384).Take(16384).ToArray();
    }
}
