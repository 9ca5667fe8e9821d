using System;
using System.Threading;
using TrackerPS.Core.Magnet;
using TrackerPS.Core.Metainfo;

namespace TrackerPS
{
    /// <summary>
    /// A parsed .torrent file (BEP 3, 12, 17, 19, 27, 47, 52): what <c>Get-TorrentInfo</c> emits. Flat enough for
    /// <c>Export-Csv</c>; <see cref="InfoHash"/>, <see cref="InfoHashV2"/>, <see cref="Tracker"/> and
    /// <see cref="TotalSize"/> bind by property name to <c>Invoke-TrackerAnnounce</c>.
    /// </summary>
    public sealed class TorrentInfo
    {
        // Null only when the reader left the magnet link to be formatted on first read (MagnetUriOnDemand).
        private string? _magnetUri = string.Empty;

        // Set only by the reader (InfoHashesOnDemand): then it gives all three hashes.
        private readonly OnDemandInfoHashes? _onDemandHashes;
        private readonly string _infoHash = string.Empty;
        private readonly string? _infoHashV1;
        private readonly string? _infoHashV2;

        // Null only while the reader's files wait to be built on first read (FilesOnDemand).
        private TorrentFile[]? _files = new TorrentFile[0];
        private OnDemandFiles? _onDemandFiles;

        /// <summary>Full path of the .torrent file, or null when parsed from bytes.</summary>
        public string? Path { get; init; }

        /// <summary>The torrent's name (<c>name.utf-8</c> preferred over <c>name</c>).</summary>
        public string Name { get; init; } = string.Empty;

        /// <summary>The raw bytes of the <c>name</c> value as stored, before any decoding.</summary>
        public byte[] NameBytes { get; init; } = new byte[0];

        /// <summary>The hash trackers know the torrent by, lower-case hex: the v1 SHA-1, or for a v2-only torrent the SHA-256 truncated to 20 bytes.</summary>
        public string InfoHash
        {
            get => _onDemandHashes?.InfoHash ?? _infoHash;
            init => _infoHash = value;
        }

        /// <summary>SHA-1 of the raw <c>info</c> bytes (40 hex), or null for a v2-only torrent.</summary>
        public string? InfoHashV1
        {
            get => _onDemandHashes is null ? _infoHashV1 : _onDemandHashes.InfoHashV1;
            init => _infoHashV1 = value;
        }

        /// <summary>SHA-256 of the raw <c>info</c> bytes (64 hex), or null for a v1-only torrent.</summary>
        public string? InfoHashV2
        {
            get => _onDemandHashes is null ? _infoHashV2 : _onDemandHashes.InfoHashV2;
            init => _infoHashV2 = value;
        }

        /// <summary>V1, V2 or Hybrid, from the keys present.</summary>
        public TorrentVersion Version { get; init; }

        /// <summary>Total size in bytes of the real files (pad files excluded).</summary>
        public long TotalSize { get; init; }

        /// <summary>Piece length in bytes.</summary>
        public long PieceLength { get; init; }

        /// <summary>Number of pieces: v1 <c>pieces</c> length / 20; for a v2-only torrent the sum over files of ceil(length / piece length) (BEP 52).</summary>
        public long PieceCount { get; init; }

        /// <summary>Number of real files (pad files excluded).</summary>
        public int FileCount { get; init; }

        /// <summary>The files, in torrent order; pad files only when asked for. A read torrent builds them on first read.</summary>
        public TorrentFile[] Files
        {
            get => _files ?? CreateFiles();
            init
            {
                _files = value;
                _onDemandFiles = null;
            }
        }

        /// <summary>Every tracker URI of every tier, flattened in tier order, de-duplicated.</summary>
        public Uri[] Tracker { get; init; } = new Uri[0];

        /// <summary>BEP 12 tiers: <c>announce-list</c> when present, otherwise one tier holding <c>announce</c>.</summary>
        public Uri[][] TrackerTiers { get; init; } = new Uri[0][];

        /// <summary>BEP 19 web seeds (<c>url-list</c>, a string or a list).</summary>
        public Uri[] WebSeeds { get; init; } = new Uri[0];

        /// <summary>BEP 17 HTTP seeds (<c>httpseeds</c>).</summary>
        public Uri[] HttpSeeds { get; init; } = new Uri[0];

        /// <summary>BEP 27: <c>private</c> is 1.</summary>
        public bool IsPrivate { get; init; }

        /// <summary><c>creation date</c> (seconds since the Unix epoch; a value in milliseconds is recognised), or null.</summary>
        public DateTimeOffset? CreationDate { get; init; }

        /// <summary><c>created by</c>, or null.</summary>
        public string? CreatedBy { get; init; }

        /// <summary><c>comment</c> (<c>comment.utf-8</c> preferred), or null.</summary>
        public string? Comment { get; init; }

        /// <summary><c>source</c> in the info dictionary (private trackers), or null.</summary>
        public string? Source { get; init; }

        /// <summary>Top-level <c>encoding</c>, used to decode legacy names, or null.</summary>
        public string? Encoding { get; init; }

        /// <summary>True when any name or path element is unsafe to write to disk (see <see cref="TorrentFile.HasUnsafePath"/>).</summary>
        public bool HasUnsafePath { get; init; }

        /// <summary>A BEP 9 magnet link: <c>xt=urn:btih</c>, and for v2 <c>urn:btmh:1220…</c> (BEP 52), <c>dn</c>, <c>tr</c>, <c>ws</c>.</summary>
        public string MagnetUri
        {
            get => _magnetUri ??= MagnetUriFormatter.Format(this);
            init => _magnetUri = value;
        }

        /// <summary>
        /// Set by the reader: <see cref="MagnetUri"/> is formatted from the hashes, name, trackers and web seeds on first
        /// read, as <see cref="MagnetUriFormatter.Format(TorrentInfo)"/> does. Formatting it for every torrent read was
        /// about a quarter of a small torrent's allocations, and most reads never look at it.
        /// </summary>
        internal bool MagnetUriOnDemand
        {
            get => _magnetUri is null;
            init => _magnetUri = value ? null : _magnetUri;
        }

        /// <summary>
        /// Set by the reader: <see cref="InfoHash"/>, <see cref="InfoHashV1"/> and <see cref="InfoHashV2"/> come from these
        /// hashes, computed on first read (<see cref="OnDemandInfoHashes"/>), and set aside any hash given directly.
        /// </summary>
        internal OnDemandInfoHashes? InfoHashesOnDemand
        {
            get => _onDemandHashes;
            init => _onDemandHashes = value;
        }

        /// <summary>
        /// Set by the reader: <see cref="Files"/> is built from the files as read and checked on first read
        /// (<see cref="OnDemandFiles"/>), so a torrent whose files are never looked at does not pay for one object per file.
        /// </summary>
        internal OnDemandFiles? FilesOnDemand
        {
            init
            {
                _onDemandFiles = value;
                _files = value is null ? _files : null;
            }
        }

        /// <summary>Non-fatal findings: non-canonical bencode, unsafe paths, hybrid inconsistencies, ignored values. At most 100 (WarningList.MaxWarnings), then one line saying how many more were dropped.</summary>
        public string[] Warnings { get; init; } = new string[0];

        /// <summary>
        /// The files as <see cref="Files"/> gives them, built afresh and not stored when they have not been built yet, so a
        /// caller that reads them once (the verifier's layout) does not keep one object per file alive with the torrent.
        /// </summary>
        internal TorrentFile[] ReadFilesOnce() => Volatile.Read(ref _onDemandFiles)?.Create() ?? Files;

        /// <summary>Builds the files on first read; threads racing all get the first array stored.</summary>
        private TorrentFile[] CreateFiles()
        {
            OnDemandFiles? source = Volatile.Read(ref _onDemandFiles);
            if (source is null)
            {
                // Another thread built them and let the source go after storing them.
                return Volatile.Read(ref _files)!;
            }

            TorrentFile[] files = source.Create();
            TorrentFile[] stored = Interlocked.CompareExchange(ref _files, files, null) ?? files;
            Volatile.Write(ref _onDemandFiles, null);
            return stored;
        }
    }
}
