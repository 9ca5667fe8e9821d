using System.Globalization;
using TrackerPS.Core.Bencode;

namespace TrackerPS.Core.Metainfo
{
    /// <summary>
    /// State shared by the metainfo readers while one torrent is read: its name for errors, the options, and the
    /// warnings collected so far. Also the typed key look-ups, so every "missing" and "wrong type" error reads alike.
    /// </summary>
    internal sealed class MetainfoContext
    {
        public MetainfoContext(string? sourceName, TorrentReadOptions options)
        {
            SourceName = sourceName;
            Options = options;
        }

        public string? SourceName { get; }

        public TorrentReadOptions Options { get; }

        /// <summary>
        /// What the decoder was given to measure the files list with, or null. It describes the list only when the decoder left
        /// the list to it (<see cref="Bencode.BList.IsDeferred"/>).
        /// </summary>
        public PlainFileList? PlainFiles { get; init; }

        /// <summary>
        /// The input is a <see cref="IO.FileReadBuffer"/>'s, overwritten by the next read: what the torrent keeps of it (a
        /// v1 files list's encoded paths, a v2 file tree's keys) is copied out.
        /// </summary>
        public bool InputIsBorrowed { get; init; }

        /// <summary>The warnings so far, capped (see <see cref="WarningList"/>).</summary>
        public WarningList Warnings { get; } = new WarningList();

        public void Warn(int offset, string message)
        {
            if (Warnings.HasRoom)
            {
                Warnings.Add($"byte {offset}: {message}");
            }
            else
            {
                Warnings.Drop(1);
            }
        }

        public MetainfoException Error(string reason, BValue? at) =>
            new MetainfoException(reason, SourceName, at is null || at.Offset < 0 ? null : at.Offset);

        public MetainfoException Error(string reason, int offset) => new MetainfoException(reason, SourceName, offset);

        /// <summary>The value of a required key, which must be of type <typeparamref name="T"/>.</summary>
        /// <param name="dictionary">The dictionary holding the key.</param>
        /// <param name="key">The key.</param>
        /// <param name="label">The key's full name for messages, e.g. <c>info.files[2].length</c>.</param>
        public T Require<T>(BDictionary dictionary, string key, MetainfoLabel label)
            where T : BValue
        {
            return Optional<T>(dictionary, key, label) ?? throw Error($"'{label}' is missing", dictionary);
        }

        /// <summary>The value of an optional key, or null when absent; an error when present with another type.</summary>
        public T? Optional<T>(BDictionary dictionary, string key, MetainfoLabel label)
            where T : BValue
        {
            BValue? value = dictionary[key];
            if (value is null || value is T)
            {
                return (T?)value;
            }

            throw Error($"'{label}' must be {Describe(typeof(T))}, found {Describe(value.Kind)}", value);
        }

        /// <summary>The value of an optional key when it has type <typeparamref name="T"/>; otherwise a warning and null.</summary>
        public T? Lenient<T>(BDictionary dictionary, string key, MetainfoLabel label)
            where T : BValue
        {
            BValue? value = dictionary[key];
            if (value is null || value is T)
            {
                return (T?)value;
            }

            Warn(value.Offset, $"'{label}' ignored: expected {Describe(typeof(T))}, found {Describe(value.Kind)}");
            return null;
        }

        /// <summary>A required size in bytes (BEP 3 <c>length</c>): an integer that is not negative.</summary>
        public long RequireLength(BDictionary dictionary, string key, MetainfoLabel label)
        {
            BInteger length = Require<BInteger>(dictionary, key, label);
            if (length.Value < 0)
            {
                throw Error($"'{label}' is {length.Value.ToString(CultureInfo.InvariantCulture)}; a length cannot be negative", length);
            }

            return length.Value;
        }

        private static string Describe(System.Type type) => Describe(type == typeof(BInteger) ? BencodeKind.Integer
            : type == typeof(BString) ? BencodeKind.String
            : type == typeof(BList) ? BencodeKind.List
            : BencodeKind.Dictionary);

        /// <summary>The kind with its article, for messages: "an integer", "a list".</summary>
        public static string Describe(BencodeKind kind) => kind switch
        {
            BencodeKind.Integer => "an integer",
            BencodeKind.String => "a string",
            BencodeKind.List => "a list",
            _ => "a dictionary",
        };
    }
}
