using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading;
using TrackerPS.Core.Bencode;
using System.Runtime.CompilerServices;
using TrackerPS.Core.Runtime;

namespace TrackerPS.Core.Authoring
{
    /// <summary>
    /// Makes a .torrent from scanned content: lays it out (pads for a hybrid of several files), hashes it once through
    /// <see cref="HashingPipeline"/>, and writes the metainfo with <see cref="MetainfoWriter"/>. For the same content, name,
    /// piece length and flags, the <c>info</c> dictionary is byte for byte the one libtorrent 2.0.8 makes.
    /// </summary>
    public sealed class TorrentCreator
    {
        private readonly ContentSet _content;
        private readonly TorrentCreateOptions _options;
        private PieceHashes? _hashes;

        /// <summary>Prepares a torrent of <paramref name="content"/>.</summary>
        /// <param name="content">The files.</param>
        /// <param name="options">Version, piece length and the other fields.</param>
        /// <exception cref="ArgumentException">The content is empty (all files have length 0), or the name is empty.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The piece length is not accepted for the version (<see cref="PieceLengthRule.Validate"/>).</exception>
        [MethodImpl(HotPath.Optimized)]
        public TorrentCreator(ContentSet content, TorrentCreateOptions options)
        {
            _content = content ?? throw new ArgumentNullException(nameof(content));
            _options = options ?? throw new ArgumentNullException(nameof(options));
            long total = 0;
            foreach (ContentFile file in content.Files)
            {
                total = checked(total + file.Length);
            }

            if (total == 0)
            {
                throw new ArgumentException($"'{content.Name}' has no data: every file is empty, and a torrent needs at least one piece.", nameof(content));
            }

            Name = options.Name ?? content.Name;
            if (Name.Length == 0)
            {
                throw new ArgumentException("The torrent's name cannot be empty.", nameof(options));
            }

            long pieceLength = options.PieceLength > 0 ? options.PieceLength : PieceLengthRule.Choose(total);
            PieceLengthRule.Validate(pieceLength, options.Version == TorrentVersion.V1);
            // libtorrent 2.0.8 pads only a hybrid of more than one file: a folder holding one file gets no pad either.
            bool pads = options.Version == TorrentVersion.Hybrid && content.Files.Count > 1;
            bool aligned = pads || (options.Version == TorrentVersion.V2 && content.Files.Count > 1);
            Layout = ContentLayout.Create(content.Files, pieceLength, aligned);
            Pipeline = new HashingPipeline(Layout, options.Version != TorrentVersion.V2, options.Version != TorrentVersion.V1);
        }

        /// <summary>The torrent's <c>name</c>.</summary>
        public string Name { get; }

        /// <summary>The layout hashed (v2-only layouts have their pads only in the stream, never in the torrent).</summary>
        public ContentLayout Layout { get; }

        /// <summary>The pipeline; its <see cref="HashingPipeline.BytesHashed"/> is the progress.</summary>
        public HashingPipeline Pipeline { get; }

        /// <summary>Names that are not in Unicode normalization form C, which clients on other systems may show or match differently.</summary>
        /// <returns>One message per such name.</returns>
        [MethodImpl(HotPath.Optimized)]
        public IReadOnlyList<string> NameWarnings()
        {
            var warnings = new List<string>();
            var seen = new HashSet<string>(SeededComparer.Ordinal);
            var names = new List<string> { Name };
            foreach (ContentFile file in _content.Files)
            {
                names.AddRange(file.PathElements);
            }

            foreach (string name in names)
            {
                if (!name.IsNormalized(NormalizationForm.FormC) && seen.Add(name))
                {
                    warnings.Add($"The name '{name}' is not in Unicode normalization form C (NFC); other systems may show or match it differently.");
                }
            }

            return warnings;
        }

        /// <summary>Hashes the content and returns the .torrent's bytes (<see cref="Hash"/>, then <see cref="WriteTo"/>).</summary>
        /// <param name="cancellationToken">Stops hashing.</param>
        /// <returns>The bencoded metainfo.</returns>
        /// <exception cref="ContentReadException">A file changed size while hashed, or could not be read.</exception>
        /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
        public byte[] Create(CancellationToken cancellationToken)
        {
            Hash(cancellationToken);
            using var stream = new MemoryStream();
            WriteTo(stream);
            return stream.ToArray();
        }

        /// <summary>Reads and hashes the content, once; <see cref="WriteTo"/> then writes the torrent.</summary>
        /// <param name="cancellationToken">Stops hashing.</param>
        /// <exception cref="ContentReadException">A file changed size while hashed, or could not be read.</exception>
        /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
        public void Hash(CancellationToken cancellationToken)
        {
            using var reader = new ContentReader(Layout, ContentReadMode.Create);
            _hashes = Pipeline.Run(reader, cancellationToken);
        }

        /// <summary>
        /// Writes the .torrent onto a stream, as it goes: the <c>info</c> dictionary and <c>piece layers</c>, which grow
        /// with the files, are never held in memory whole.
        /// </summary>
        /// <param name="stream">Where to write the bencoded metainfo.</param>
        /// <exception cref="InvalidOperationException"><see cref="Hash"/> has not run.</exception>
        public void WriteTo(Stream stream)
        {
            PieceHashes hashes = _hashes ?? throw new InvalidOperationException("The content is not hashed yet: call Hash first.");
            var written = new List<KeyValuePair<BString, Action<Stream>>>
            {
                new KeyValuePair<BString, Action<Stream>>(new BString("info"), s => InfoDictionaryWriter.Info(s, _content, Name, Layout, hashes, _options)),
            };
            if (_options.Version != TorrentVersion.V1)
            {
                written.Add(new KeyValuePair<BString, Action<Stream>>(new BString("piece layers"), s => InfoDictionaryWriter.PieceLayers(s, Layout, hashes)));
            }

            var root = new MetainfoEntries(new BDictionary(Array.Empty<KeyValuePair<BString, BValue>>()));
            WriteTrackers(root);
            if (_options.WebSeeds.Count > 0)
            {
                root.Set("url-list", new BList(ToStrings(_options.WebSeeds)));
            }

            SetText(root, "comment", _options.Comment);
            SetText(root, "created by", _options.CreatedBy);
            if (_options.CreationDate is DateTimeOffset date)
            {
                root.Set("creation date", new BInteger(date.ToUnixTimeSeconds()));
            }

            root.WriteTo(stream, written);
        }

        private void WriteTrackers(MetainfoEntries root)
        {
            TrackerTierList tiers = TrackerTierList.Read(new BDictionary(Array.Empty<KeyValuePair<BString, BValue>>()));
            var changes = new List<string>();
            foreach (IReadOnlyList<string> tier in _options.Trackers)
            {
                int index = tiers.TierCount;
                foreach (string url in tier)
                {
                    tiers.Add(url, Math.Min(index, tiers.TierCount), changes);
                }
            }

            tiers.WriteTo(root);
        }

        private static void SetText(MetainfoEntries root, string key, string? text)
        {
            if (!string.IsNullOrEmpty(text))
            {
                root.Set(key, new BString(text!));
            }
        }

        private static IEnumerable<BValue> ToStrings(IEnumerable<string> items)
        {
            foreach (string item in items)
            {
                yield return new BString(item);
            }
        }
    }
}
