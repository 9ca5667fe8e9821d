using System;
using System.Collections.Generic;
using TrackerPS.Core.Bencode;

namespace TrackerPS.Core.Metainfo
{
    /// <summary>
    /// Turns a decoded metainfo document into a <see cref="TorrentInfo"/>: detects the version (BEP 3 v1, BEP 52 v2 or
    /// hybrid) from the keys present, reads and checks the info dictionary, and gathers the descriptive top-level keys.
    /// </summary>
    internal static class MetainfoParser
    {
        /// <summary>The smallest v2 piece length: one 16 KiB block (BEP 52 §info dictionary).</summary>
        public const long MinV2PieceLength = 16 * 1024;

        /// <exception cref="MetainfoException">The document is not a valid torrent.</exception>
        public static TorrentInfo Parse(BencodeDocument document, MetainfoContext context, string? path)
        {
            if (document.Root is not BDictionary root)
            {
                throw context.Error($"the root value must be a dictionary, found {MetainfoContext.Describe(document.Root.Kind)}", document.Root);
            }

            BDictionary info = context.Require<BDictionary>(root, "info", "info");
            bool hasV2 = DetectV2(info, context);
            AddDecoderWarnings(document, hasV2, context);
            bool hasV1 = info["pieces"] is not null;
            if (!hasV1 && !hasV2)
            {
                throw context.Error("'info' has neither 'pieces' (v1, BEP 3) nor 'meta version' 2 with 'file tree' (v2, BEP 52)", info);
            }

            BString? encoding = context.Lenient<BString>(root, "encoding", "encoding");
            NameDecoder names = NameDecoder.Create(encoding, context);
            BString nameValue = context.Require<BString>(info, "name", "info.name");
            string name = names.Decode(nameValue, context.Lenient<BString>(info, "name.utf-8", "info.name.utf-8"), "info.name");
            bool unsafeName = PathSafety.Check(new[] { name }, "info.name", nameValue, context);
            long pieceLength = ReadPieceLength(info, hasV2, context);

            OnDemandFiles files = ReadFiles(root, info, hasV1, hasV2, nameValue, name, pieceLength, names, context, out FileTotals totals, out long pieceCount);
            if (totals.Size == 0)
            {
                // Nothing to download or seed; libtorrent rejects it too ("invalid length of torrent").
                throw context.Error("the files add up to 0 bytes; a torrent must hold at least one byte", info);
            }

            var hashes = new OnDemandInfoHashes(info.RawBytes, hasV1, hasV2);
            Uri[][] tiers = TrackerListReader.ReadTiers(root, context);
            Uri[] trackers = TrackerListReader.Flatten(tiers);
            Uri[] webSeeds = MetainfoUri.ReadList(root, "url-list", MetainfoUri.WebSeedSchemes, context);
            return new TorrentInfo
            {
                Path = path,
                Name = name,
                NameBytes = nameValue.ToArray(),
                InfoHashesOnDemand = hashes,
                Version = hasV1 && hasV2 ? TorrentVersion.Hybrid : hasV2 ? TorrentVersion.V2 : TorrentVersion.V1,
                TotalSize = totals.Size,
                PieceLength = pieceLength,
                PieceCount = pieceCount,
                FileCount = totals.Count,
                FilesOnDemand = files,
                Tracker = trackers,
                TrackerTiers = tiers,
                WebSeeds = webSeeds,
                HttpSeeds = MetainfoUri.ReadList(root, "httpseeds", MetainfoUri.HttpSeedSchemes, context),
                IsPrivate = context.Lenient<BInteger>(info, "private", "info.private")?.Value == 1,
                CreationDate = CreationDateReader.Read(root, context),
                CreatedBy = ReadText(root, "created by", "created by.utf-8", "created by", names, context),
                Comment = ReadText(root, "comment", "comment.utf-8", "comment", names, context),
                Source = ReadText(info, "source", "source.utf-8", "info.source", names, context),
                Encoding = encoding?.ToString(),
                HasUnsafePath = unsafeName || totals.HasUnsafePath,
                MagnetUriOnDemand = true,
                Warnings = context.Warnings.ToArray(),
            };
        }

        /// <summary>
        /// The files, what they add up to and the piece count: from v1 <c>files</c>/<c>length</c> when present (checked
        /// against <c>pieces</c>, and for a hybrid against the v2 tree), otherwise from the v2 <c>file tree</c> laid out on
        /// piece boundaries. A v1 torrent's plain files list is only added up here (<see cref="PlainFileList"/>).
        /// </summary>
        private static OnDemandFiles ReadFiles(
            BDictionary root, BDictionary info, bool hasV1, bool hasV2, BString nameValue, string name, long pieceLength,
            NameDecoder names, MetainfoContext context, out FileTotals totals, out long pieceCount)
        {
            bool includePadFiles = context.Options.IncludePadFiles;
            PlainFileList? plain = hasV1 && !hasV2 ? V1FileListReader.TryReadPlain(info, names, context) : null;
            if (plain is not null)
            {
                pieceCount = PiecesValidator.Validate(context.Require<BString>(info, "pieces", "info.pieces"), plain.TotalSize, pieceLength, context);
                totals = plain.Totals;
                return new OnDemandFiles(plain, includePadFiles);
            }

            FileEntry[]? v2Files = hasV2 ? V2FileTreeReader.Read(info, names, context) : null;
            if (v2Files is not null)
            {
                PieceLayersValidator.Check(root, v2Files, pieceLength, context);
            }

            FileEntry[] files;
            long[] offsets;
            if (!hasV1)
            {
                files = v2Files!;
                offsets = FileLayout.V2Offsets(files, pieceLength, context, out pieceCount);
            }
            else
            {
                files = V1FileListReader.Read(info, nameValue, name, names, context);
                offsets = FileLayout.V1Offsets(files, context, out long totalWithPads);
                pieceCount = PiecesValidator.Validate(context.Require<BString>(info, "pieces", "info.pieces"), totalWithPads, pieceLength, context);
                if (v2Files is not null)
                {
                    HybridConsistencyChecker.Check(files, offsets, v2Files, pieceLength, context);
                }
            }

            totals = FileTotals.Of(files);
            return new OnDemandFiles(files, offsets, includePadFiles, totals.Count);
        }

        /// <summary>True for BEP 52 <c>meta version</c> 2; any other version is an error.</summary>
        private static bool DetectV2(BDictionary info, MetainfoContext context)
        {
            BInteger? metaVersion = context.Optional<BInteger>(info, "meta version", "info.meta version");
            if (metaVersion is null)
            {
                BValue? tree = info["file tree"];
                if (tree is not null)
                {
                    context.Warn(tree.Offset, "'info.file tree' is ignored: 'info.meta version' 2 is missing (BEP 52)");
                }

                return false;
            }

            if (metaVersion.Value != 2)
            {
                throw context.Error($"'info.meta version' is {metaVersion.Value}; only version 2 is defined (BEP 52)", metaVersion);
            }

            return true;
        }

        /// <summary>
        /// Lenient decoding accepts non-canonical bencode with warnings, but BEP 52 requires v2 metainfo to be canonical
        /// (so the SHA-256 info-hash is reproducible), so in a torrent declaring meta version 2 the first finding is an error.
        /// Trailing bytes are a warning for any version.
        /// </summary>
        private static void AddDecoderWarnings(BencodeDocument document, bool hasV2, MetainfoContext context)
        {
            if (hasV2 && document.Warnings.Count > 0)
            {
                BencodeDiagnostic first = document.Warnings[0];
                throw context.Error($"a v2 torrent must be canonical bencode (BEP 52), but {first.Message}", first.Offset);
            }

            foreach (BencodeDiagnostic warning in document.Warnings)
            {
                context.Warn(warning.Offset, warning.Message);
            }

            context.Warnings.Drop(document.DroppedWarnings);

            // Only lenient reading lets them through (strict decoding rejects them); they are outside 'info', so no hash changes.
            if (document.TrailingBytes > 0)
            {
                int offset = document.Root.Offset + document.Root.Length;
                context.Warn(offset, $"{document.TrailingBytes} bytes after the top-level dictionary are ignored");
            }
        }

        /// <summary><c>piece length</c>: positive; for v2 a power of two of at least 16 KiB (BEP 52).</summary>
        private static long ReadPieceLength(BDictionary info, bool hasV2, MetainfoContext context)
        {
            BInteger pieceLength = context.Require<BInteger>(info, "piece length", "info.piece length");
            if (pieceLength.Value <= 0)
            {
                throw context.Error($"'info.piece length' is {pieceLength.Value}; it must be positive", pieceLength);
            }

            bool powerOfTwo = (pieceLength.Value & (pieceLength.Value - 1)) == 0;
            if (hasV2 && (!powerOfTwo || pieceLength.Value < MinV2PieceLength))
            {
                throw context.Error($"'info.piece length' is {pieceLength.Value}; v2 requires a power of two of at least {MinV2PieceLength} (BEP 52)", pieceLength);
            }

            return pieceLength.Value;
        }

        /// <summary>
        /// A free-text key, preferring its <c>.utf-8</c> twin (<paramref name="twinKey"/>, spelled out so that no key name is
        /// built per torrent); a non-string is ignored with a warning.
        /// </summary>
        private static string? ReadText(BDictionary dictionary, string key, string twinKey, string label, NameDecoder names, MetainfoContext context)
        {
            BString? value = context.Lenient<BString>(dictionary, key, label);
            BString? twin = context.Lenient<BString>(dictionary, twinKey, ((MetainfoLabel)label).Key("utf-8"));
            if (value is null && twin is null)
            {
                return null;
            }

            return names.Decode(value ?? twin!, twin, label);
        }
    }
}
