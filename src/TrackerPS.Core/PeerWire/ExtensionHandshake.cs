using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using TrackerPS.Core.Bencode;

namespace TrackerPS.Core.PeerWire
{
    /// <summary>
    /// The BEP 10 extension handshake: extended message 0, a bencoded dictionary with <c>m</c> (extension name → the
    /// message id the sender wants to receive it under; 0 disables), <c>v</c> (client name and version), <c>reqq</c>,
    /// <c>yourip</c>, <c>p</c> (listen port) and, from BEP 9, <c>metadata_size</c>. Values of the wrong type are ignored.
    /// </summary>
    public sealed class ExtensionHandshake
    {
        /// <summary>The extended message id of the handshake itself: 0 (BEP 10).</summary>
        public const byte HandshakeId = 0;

        /// <summary>Extension names and the ids the sender receives them under, in the order sent; disabled (0) ones left out.</summary>
        public IReadOnlyDictionary<string, byte> Messages { get; init; } = new Dictionary<string, byte>();

        /// <summary>The <c>v</c> client name and version, e.g. <c>libtorrent/2.0.8.0</c>, or null.</summary>
        public string? Client { get; init; }

        /// <summary>The <c>reqq</c> number of outstanding requests the sender accepts, or null.</summary>
        public long? RequestQueueLength { get; init; }

        /// <summary>The <c>yourip</c> address the sender sees us at, or null.</summary>
        public IPAddress? YourIP { get; init; }

        /// <summary>The <c>metadata_size</c> in bytes (BEP 9), as sent (it may be 0, negative or huge), or null.</summary>
        public long? MetadataSize { get; init; }

        /// <summary>The <c>p</c> TCP listen port, or null.</summary>
        public long? ListenPort { get; init; }

        /// <summary>Encodes the handshake as an extended message (BEP 10): id 20, extended id 0, the dictionary.</summary>
        /// <returns>The peer message.</returns>
        public PeerMessage Encode()
        {
            var entries = new List<KeyValuePair<BString, BValue>>
            {
                Entry("m", new BDictionary(Messages.Select(m => new KeyValuePair<BString, BValue>(new BString(m.Key), new BInteger(m.Value))))),
            };
            if (MetadataSize is long size)
            {
                entries.Add(Entry("metadata_size", new BInteger(size)));
            }

            if (ListenPort is long port)
            {
                entries.Add(Entry("p", new BInteger(port)));
            }

            if (RequestQueueLength is long reqq)
            {
                entries.Add(Entry("reqq", new BInteger(reqq)));
            }

            if (Client is not null)
            {
                entries.Add(Entry("v", new BString(Client)));
            }

            if (YourIP is not null)
            {
                entries.Add(Entry("yourip", new BString(YourIP.GetAddressBytes())));
            }

            return ExtendedMessage.Encode(HandshakeId, BencodeEncoder.Encode(new BDictionary(entries)), default);
        }

        /// <summary>Decodes the dictionary of an extension handshake.</summary>
        /// <param name="dictionary">The bencoded dictionary (the extended message's payload after its id).</param>
        /// <returns>The handshake.</returns>
        /// <exception cref="PeerWireException">The payload is not a bencoded dictionary.</exception>
        public static ExtensionHandshake Decode(ArraySegment<byte> dictionary)
        {
            BDictionary root = ExtendedMessage.DecodeDictionary(dictionary, "extension handshake", out _);
            var messages = new Dictionary<string, byte>(SeededComparer.Ordinal);
            if (root["m"] is BDictionary m)
            {
                foreach (KeyValuePair<BString, BValue> entry in m.Entries)
                {
                    // An id outside 1–255 cannot be sent in the one-byte extended id; 0 disables the extension.
                    if (entry.Value is BInteger id && id.Value > 0 && id.Value <= byte.MaxValue && entry.Key.TryGetUtf8(out string? name))
                    {
                        messages[name!] = (byte)id.Value;
                    }
                }
            }

            return new ExtensionHandshake
            {
                Messages = messages,
                Client = root["v"] is BString v && v.TryGetUtf8(out string? client) ? client : null,
                RequestQueueLength = (root["reqq"] as BInteger)?.Value,
                YourIP = root["yourip"] is BString ip && (ip.Count == 4 || ip.Count == 16) ? new IPAddress(ip.ToArray()) : null,
                MetadataSize = (root["metadata_size"] as BInteger)?.Value,
                ListenPort = (root["p"] as BInteger)?.Value,
            };
        }

        private static KeyValuePair<BString, BValue> Entry(string key, BValue value) => new KeyValuePair<BString, BValue>(new BString(key), value);
    }
}
