using System.Collections.Generic;
using System.Linq;

namespace TrackerPS.Core.Metainfo
{
    /// <summary>
    /// BEP 52 §upgrade path: a hybrid torrent's v1 <c>files</c> and v2 <c>file tree</c> must describe the same files in
    /// the same order (BEP 47 symlinks to the same targets), with pad files in the v1 list so that every v1 file starts on
    /// a piece boundary as in v2.
    /// A mismatch is reported as a warning: the two halves would download different data.
    /// </summary>
    internal static class HybridConsistencyChecker
    {
        /// <summary>Compares the two file lists; when they agree, copies each v2 <c>pieces root</c> onto the v1 file.</summary>
        /// <returns>True when consistent.</returns>
        public static bool Check(FileEntry[] v1Files, long[] v1Offsets, FileEntry[] v2Files, long pieceLength, MetainfoContext context)
        {
            List<int> real = Enumerable.Range(0, v1Files.Length).Where(i => !v1Files[i].IsPadding).ToList();
            if (real.Count != v2Files.Length)
            {
                Warn(context, $"v1 'files' has {real.Count} files but v2 'file tree' has {v2Files.Length}");
                return false;
            }

            for (int k = 0; k < real.Count; k++)
            {
                FileEntry v1 = v1Files[real[k]];
                FileEntry v2 = v2Files[k];
                // Lengths first, then the paths, a v2 one compared node by node (joined only for the message).
                if (v1.PathLength != v2.PathLength || v1.Length != v2.Length || !v1.SamePath(v2))
                {
                    Warn(context, $"file {k} is '{v1.Path}' ({v1.Length} bytes) in v1 'files' but '{v2.Path}' ({v2.Length} bytes) in v2 'file tree'");
                    return false;
                }

                if (v1.Symlink?.Path != v2.Symlink?.Path)
                {
                    Warn(context, $"'{v1.Path}' is {Target(v1)} in v1 'files' but {Target(v2)} in v2 'file tree'");
                    return false;
                }

                if (v1.Length > 0 && v1Offsets[real[k]] % pieceLength != 0)
                {
                    Warn(context, $"'{v1.Path}' starts at byte {v1Offsets[real[k]]} of the v1 data, not on a piece boundary (a pad file is missing or wrong)");
                    return false;
                }
            }

            for (int k = 0; k < real.Count; k++)
            {
                v1Files[real[k]].PiecesRoot = v2Files[k].PiecesRoot;
            }

            return true;
        }

        private static string Target(in FileEntry file) => file.Symlink is null ? "not a symlink" : $"a symlink to '{file.Symlink.Path}'";

        private static void Warn(MetainfoContext context, string message) =>
            context.Warnings.Add("hybrid torrent is inconsistent (BEP 52): " + message);
    }
}
