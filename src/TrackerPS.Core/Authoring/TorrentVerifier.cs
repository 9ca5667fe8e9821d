using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using TrackerPS.Core.Bencode;
using TrackerPS.Core.Metainfo;

namespace TrackerPS.Core.Authoring
{
    /// <summary>
    /// Checks content on disk against a torrent, reading only (files opened for reading and shared for reading, writing
    /// and deletion; nothing created, truncated or locked). Hashes through the same <see cref="HashingPipeline"/> as
    /// New-Torrent, once, against the v1 piece hashes (BEP 3), the v2 <c>pieces root</c> and <c>piece layers</c> (BEP 52),
    /// or both for a hybrid, where a piece that one version passes and the other fails is reported as a disagreement.
    /// Pad files are hashed as zeros without being looked for on disk.
    /// </summary>
    public sealed class TorrentVerifier
    {
        /// <summary>
        /// From this many layout entries (files, pads and gaps), <see cref="Verify"/> starts with one blocking full garbage
        /// collection. Preparing a check allocates about 2.2 KiB of short-lived data per entry (the decode's tokens, the
        /// parse, the files read once); past a few thousand entries the GC promotes part of it while the constructor runs,
        /// and hashing then runs for seconds with no full collection, so that data would stay in the working set (issue 13:
        /// checking 20,000 small files and two of 100 MiB peaked at 67 to 68 MiB beyond the baseline, 53 to 57 with the
        /// collection). Below it a collection per torrent (a folder of small torrents piped in) is not worth its cost.
        /// </summary>
        internal const int CollectFromEntries = 4096;

        private static readonly string s_separator = Path.DirectorySeparatorChar.ToString();
        private readonly TorrentInfo _torrent;
        private readonly BString? _pieces;
        private readonly string _contentPath;
        private readonly bool _singleFile;
        // The piece layers (BEP 52) by their pieces root as hex, taken out of the document so it is not kept for them.
        private readonly Dictionary<string, BString> _layers;
        // Per layout entry: the file's v2 pieces root as hex, or null (a pad, a gap, a v1 torrent).
        private readonly List<string?> _entryRoots = new List<string?>();

        /// <summary>Prepares a check.</summary>
        /// <param name="torrentBytes">The .torrent file's bytes.</param>
        /// <param name="sourceName">Its path, for messages.</param>
        /// <param name="contentPath">The content: the folder named by the torrent's name for a multi-file torrent, the file for a single-file one.</param>
        /// <exception cref="MetainfoException">The torrent is invalid, or has a file path that would leave the content folder.</exception>
        /// <exception cref="BencodeException">The file is not bencode.</exception>
        public TorrentVerifier(byte[] torrentBytes, string? sourceName, string contentPath)
        {
            // One decode: the parsed torrent and the pieces and layers compared below come from the same document.
            _torrent = TorrentReader.Read(torrentBytes, sourceName, new TorrentReadOptions { IncludePadFiles = true }, out BencodeDocument document);
            if (_torrent.HasUnsafePath)
            {
                throw new MetainfoException("a file path would leave the content folder; not checking it", sourceName);
            }

            var root = (BDictionary)document.Root;
            var info = (BDictionary)root["info"]!;
            _pieces = _torrent.Version == TorrentVersion.V2 ? null : info["pieces"] as BString;
            _layers = MapLayers(_torrent.Version == TorrentVersion.V1 ? null : root["piece layers"] as BDictionary);
            _contentPath = contentPath ?? throw new ArgumentNullException(nameof(contentPath));
            _singleFile = info["length"] is BInteger || (info["file tree"] is BDictionary tree && tree.Entries.Count == 1 && tree.Entries[0].Value is BDictionary top && top[string.Empty] is BDictionary);
            Layout = BuildLayout();
            Pipeline = new HashingPipeline(Layout, _pieces is not null, _torrent.Version != TorrentVersion.V1);
        }

        /// <summary>The torrent as read (pad files included).</summary>
        public TorrentInfo Torrent => _torrent;

        /// <summary>The layout checked.</summary>
        public ContentLayout Layout { get; }

        /// <summary>The pipeline; its <see cref="HashingPipeline.BytesHashed"/> is the progress.</summary>
        public HashingPipeline Pipeline { get; }

        /// <summary>Reads and hashes the content and compares.</summary>
        /// <param name="cancellationToken">Stops the check.</param>
        /// <returns>The per-file results and the summary.</returns>
        /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
        public TorrentVerification Verify(CancellationToken cancellationToken)
        {
            if (Layout.Entries.Count >= CollectFromEntries)
            {
                GC.Collect();
            }

            PieceHashes hashes;
            FileReadState?[] states;
            using (var reader = new ContentReader(Layout, ContentReadMode.Verify))
            {
                hashes = Pipeline.Run(reader, cancellationToken);
                states = reader.States;
            }

            bool[]? badV1 = hashes.V1 is null ? null : CompareV1(hashes.V1);
            bool[]? badV2 = hashes.V2 is null ? null : CompareV2(hashes);
            var bad = new bool[Layout.PieceCount];
            var disagreeing = new List<long>();
            for (long p = 0; p < bad.Length; p++)
            {
                bool v1 = badV1 is not null && badV1[p];
                bool v2 = badV2 is not null && badV2[p];
                bad[p] = v1 || v2;
                if (badV1 is not null && badV2 is not null && v1 != v2)
                {
                    disagreeing.Add(p);
                }
            }

            return Summarise(bad, states, disagreeing);
        }

        private ContentLayout BuildLayout()
        {
            // The files are read once and not kept: after this the layout and the roots are all the check needs of them.
            TorrentFile[] files = _torrent.ReadFilesOnce();
            var entries = new List<LayoutEntry>(files.Length);
            long position = 0;
            // Torrent order is stream order: the reader lays each file out after the one before it (FileLayout).
            foreach (TorrentFile file in files)
            {
                if (file.Offset > position)
                {
                    // v2 only: the gap up to the next piece boundary, hashed as zeros.
                    entries.Add(new LayoutEntry(null, file.Offset - position, position));
                    _entryRoots.Add(null);
                }

                _entryRoots.Add(file.PiecesRoot);
                entries.Add(new LayoutEntry(file.IsPadding ? null : ToContentFile(file), file.Length, file.Offset));
                position = file.Offset + file.Length;
            }

            return ContentLayout.FromEntries(entries, _torrent.PieceLength, _torrent.Version != TorrentVersion.V1);
        }

        private ContentFile ToContentFile(TorrentFile file)
        {
            if (_singleFile)
            {
                return new ContentFile(_contentPath, Array.Empty<string>(), file.Length);
            }

            // No element is rooted or holds a separator (HasUnsafePath was refused above), so one join is the full path.
            string[] elements = file.EncodedUtf8Elements() ?? Utf8(file.RawPath);
            return new ContentFile(Path.Combine(_contentPath, string.Join(s_separator, elements)), elements, file.Length)
            {
                SymlinkTarget = file.RawSymlinkPath is null ? null : Utf8(file.RawSymlinkPath),
            };
        }

        private static string[] Utf8(byte[][] raw)
        {
            var text = new string[raw.Length];
            for (int i = 0; i < raw.Length; i++)
            {
                text[i] = Encoding.UTF8.GetString(raw[i]);
            }

            return text;
        }

        private bool[] CompareV1(byte[] computed)
        {
            var bad = new bool[Layout.PieceCount];
            for (long p = 0; p < bad.Length; p++)
            {
                bad[p] = !Same(_pieces!.Bytes, (int)(p * 20), computed, (int)(p * 20), 20);
            }

            return bad;
        }

        private bool[] CompareV2(PieceHashes hashes)
        {
            var bad = new bool[Layout.PieceCount];
            for (int i = 0; i < Layout.Entries.Count; i++)
            {
                LayoutEntry entry = Layout.Entries[i];
                if (entry.File is null || entry.Length == 0)
                {
                    continue;
                }

                long first = entry.Offset / Layout.PieceLength;
                long count = (entry.Length + Layout.PieceLength - 1) / Layout.PieceLength;
                string? expectedRoot = _entryRoots[i];
                if (count == 1)
                {
                    bad[first] = expectedRoot is null || !Hex.Matches(expectedRoot, hashes.Roots[i]!);
                    continue;
                }

                BString? layer = expectedRoot is null ? null : _layers.TryGetValue(expectedRoot, out BString? found) ? found : null;
                bool usable = layer is not null && layer.Count == count * MerkleTree.HashSize;
                for (long k = 0; k < count; k++)
                {
                    bad[first + k] = !usable || !Same(layer!.Bytes, (int)(k * MerkleTree.HashSize), hashes.V2!, (int)((first + k) * MerkleTree.HashSize), MerkleTree.HashSize);
                }
            }

            return bad;
        }

        /// <summary>
        /// The layers keyed by their pieces root's hex, as <see cref="TorrentFile.PiecesRoot"/> has it; a key that is not a
        /// 32-byte root or a value that is not a string is left out (the file's pieces are then bad).
        /// </summary>
        private static Dictionary<string, BString> MapLayers(BDictionary? layers)
        {
            var map = new Dictionary<string, BString>(SeededComparer.Ordinal);
            foreach (KeyValuePair<BString, BValue> entry in layers?.EnumerateEntries() ?? Array.Empty<KeyValuePair<BString, BValue>>())
            {
                if (entry.Key.Count == MerkleTree.HashSize && entry.Value is BString layer)
                {
                    // A decoded dictionary never holds two equal keys, so no hex is added twice.
                    ArraySegment<byte> key = entry.Key.Bytes;
                    map.Add(Hex.Encode(key.Array!, key.Offset, key.Count), layer);
                }
            }

            return map;
        }

        private static bool Same(ArraySegment<byte> a, int aOffset, byte[] b, int bOffset, int count)
        {
            for (int i = 0; i < count; i++)
            {
                if (a.Array![a.Offset + aOffset + i] != b[bOffset + i])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// A BEP 47 symlink holds no data: it is Complete when a symbolic link is at its path whose target is the torrent's
        /// (both from the content's root), Missing when nothing is there, and Incomplete when something else is.
        /// </summary>
        private FileCheck CheckLink(ContentFile link)
        {
            var item = new FileInfo(link.FullPath);
            string? target = SymbolicLinks.Target(item);
            string[]? found = target is null ? null : SymbolicLinks.FromRoot(_contentPath, Path.GetDirectoryName(link.FullPath)!, target);
            FileCheckStatus status = target is null && !item.Exists && !Directory.Exists(link.FullPath) ? FileCheckStatus.Missing
                : found is not null && found.SequenceEqual(link.SymlinkTarget!, StringComparer.Ordinal) ? FileCheckStatus.Complete
                : FileCheckStatus.Incomplete;
            return new FileCheck
            {
                Path = link.RelativePath,
                FullPath = link.FullPath,
                Status = status,
                InfoHash = _torrent.InfoHash,
            };
        }

        private TorrentVerification Summarise(bool[] bad, FileReadState?[] states, List<long> disagreeing)
        {
            var files = new List<FileCheck>();
            for (int i = 0; i < Layout.Entries.Count; i++)
            {
                LayoutEntry entry = Layout.Entries[i];
                if (entry.File is null)
                {
                    continue;
                }

                if (entry.File.IsSymlink)
                {
                    files.Add(CheckLink(entry.File));
                    continue;
                }

                FileReadState state = states[i] ?? new FileReadState();
                var badPieces = new List<long>();
                long verified = 0;
                if (entry.Length > 0)
                {
                    for (long p = entry.Offset / Layout.PieceLength; p <= (entry.End - 1) / Layout.PieceLength; p++)
                    {
                        long overlap = Math.Min(entry.End, (p + 1) * Layout.PieceLength) - Math.Max(entry.Offset, p * Layout.PieceLength);
                        if (bad[p] || !state.Exists)
                        {
                            badPieces.Add(p);
                        }
                        else
                        {
                            verified += overlap;
                        }
                    }
                }

                FileCheckStatus status = !state.Exists ? FileCheckStatus.Missing
                    : state.ActualLength != entry.Length ? FileCheckStatus.WrongSize
                    : badPieces.Count > 0 ? FileCheckStatus.Incomplete : FileCheckStatus.Complete;
                files.Add(new FileCheck
                {
                    Path = entry.File.PathElements.Length == 0 ? _torrent.Name : entry.File.RelativePath,
                    FullPath = entry.File.FullPath,
                    Status = status,
                    Length = entry.Length,
                    ActualLength = state.ActualLength,
                    BadPieces = badPieces.ToArray(),
                    BytesVerified = verified,
                    InfoHash = _torrent.InfoHash,
                });
            }

            var summary = new TorrentCheck
            {
                Name = _torrent.Name,
                InfoHash = _torrent.InfoHash,
                ContentPath = _contentPath,
                IsComplete = files.All(f => f.Status == FileCheckStatus.Complete),
                FileCount = files.Count,
                CompleteFiles = files.Count(f => f.Status == FileCheckStatus.Complete),
                BadPieces = files.SelectMany(f => f.BadPieces).Distinct().OrderBy(p => p).ToArray(),
                DisagreeingPieces = disagreeing.ToArray(),
                BytesVerified = files.Sum(f => f.BytesVerified),
                TotalSize = _torrent.TotalSize,
            };
            return new TorrentVerification(files, summary);
        }
    }
}
