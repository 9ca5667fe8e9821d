using System.Runtime.CompilerServices;
using System.Collections.Generic;
using System.Linq;
using TrackerPS.Core.Bencode;
using TrackerPS.Core.Runtime;

namespace TrackerPS.Core.Metainfo
{
    /// <summary>
    /// Checks the top-level v2 <c>piece layers</c> (BEP 52 §piece layers): for every file larger than one piece, the
    /// concatenated SHA-256 piece hashes keyed by its <c>pieces root</c>. Problems are warnings: the metadata is usable
    /// (a client could fetch the layers from peers), but the file cannot be verified from the .torrent alone.
    /// </summary>
    internal static class PieceLayersValidator
    {
        /// <summary>Length of one v2 piece hash: a SHA-256.</summary>
        public const int HashLength = 32;

        [MethodImpl(HotPath.Optimized)]
        public static void Check(BDictionary root, FileEntry[] files, long pieceLength, MetainfoContext context)
        {
            // A file of at most one piece has its pieces root as its only hash, so it needs no layer.
            List<FileEntry> needLayers = files.Where(f => f.Length > pieceLength && f.PiecesRoot is not null).ToList();
            BDictionary? layers = context.Lenient<BDictionary>(root, "piece layers", "piece layers");
            if (needLayers.Count == 0)
            {
                return;
            }

            if (layers is null)
            {
                context.Warnings.Add("'piece layers' is missing (BEP 52); v2 pieces cannot be verified from this file");
                return;
            }

            var byRoot = new Dictionary<string, BValue>(SeededComparer.Ordinal);
            foreach (KeyValuePair<BString, BValue> layer in layers.Entries)
            {
                if (layer.Key.Count == V2FileTreeReader.PiecesRootLength)
                {
                    byRoot[new InfoHash(layer.Key.ToArray()).ToHex()] = layer.Value;
                }
            }

            foreach (FileEntry file in needLayers)
            {
                long expected = FileLayout.CeilingDivide(file.Length, pieceLength) * HashLength;
                if (!byRoot.TryGetValue(file.PiecesRoot!, out BValue? layer))
                {
                    context.Warn(layers.Offset, $"'piece layers' has no entry for '{file.Path}' (pieces root {file.PiecesRoot})");
                }
                else if (layer is not BString hashes || hashes.Count != expected)
                {
                    context.Warn(layer.Offset, $"'piece layers' entry for '{file.Path}' must be a string of {expected} bytes");
                }
            }
        }
    }
}
