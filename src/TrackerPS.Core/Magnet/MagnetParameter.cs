namespace TrackerPS
{
    /// <summary>One magnet link parameter kept as text because the parser does not interpret it (BEP 9 allows extensions).</summary>
    public sealed class MagnetParameter
    {
        /// <summary>The parameter name, percent-decoded, case kept (e.g. <c>xs</c>, <c>kt</c>).</summary>
        public string Name { get; init; } = string.Empty;

        /// <summary>The value, percent-decoded as UTF-8; empty when the parameter had no <c>=</c>.</summary>
        public string Value { get; init; } = string.Empty;

        /// <summary>Returns <c>name=value</c>.</summary>
        /// <returns>The decoded parameter text.</returns>
        public override string ToString() => Name + "=" + Value;
    }
}
