namespace TrackerPS.Core.Bencode
{
    /// <summary>A non-fatal finding of the decoder: a non-canonical encoding it accepted (lenient mode).</summary>
    public sealed class BencodeDiagnostic
    {
        internal BencodeDiagnostic(int offset, string message)
        {
            Offset = offset;
            Message = message;
        }

        /// <summary>Byte offset in the input where the finding was made.</summary>
        public int Offset { get; }

        /// <summary>What was found, e.g. "dictionary keys are not sorted".</summary>
        public string Message { get; }

        /// <summary>The finding with its byte offset.</summary>
        /// <returns>E.g. <c>byte 42: integer has a leading zero</c>.</returns>
        public override string ToString() => $"byte {Offset}: {Message}";
    }
}
