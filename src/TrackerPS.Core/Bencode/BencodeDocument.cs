using System.Collections.Generic;

namespace TrackerPS.Core.Bencode
{
    /// <summary>The result of decoding: the root value, the decoder's warnings and any bytes after the root.</summary>
    public sealed class BencodeDocument
    {
        internal BencodeDocument(BValue root, IReadOnlyList<BencodeDiagnostic> warnings, int trailingBytes)
        {
            Root = root;
            Warnings = warnings;
            TrailingBytes = trailingBytes;
        }

        /// <summary>The root value.</summary>
        public BValue Root { get; }

        /// <summary>Non-canonical encodings accepted in lenient mode, in input order (at most 100); empty for canonical input.</summary>
        public IReadOnlyList<BencodeDiagnostic> Warnings { get; }

        /// <summary>Warnings found beyond the first 100 (<c>WarningList.MaxWarnings</c>), counted but not kept in <see cref="Warnings"/>.</summary>
        public int DroppedWarnings { get; internal init; }

        /// <summary>Number of bytes after the root value (only non-zero with <see cref="BencodeLimits.AllowTrailingBytes"/>).</summary>
        public int TrailingBytes { get; }
    }
}
