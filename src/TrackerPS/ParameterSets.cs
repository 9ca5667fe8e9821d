namespace TrackerPS
{
    /// <summary>Parameter set names shared by the cmdlets.</summary>
    internal static class ParameterSets
    {
        /// <summary>Paths with wildcards (<c>-Path</c>).</summary>
        internal const string Path = "Path";

        /// <summary>Paths taken as typed (<c>-LiteralPath</c>, or <c>PSPath</c> from <c>Get-ChildItem</c>).</summary>
        internal const string LiteralPath = "LiteralPath";

        /// <summary>Objects from the pipeline (<c>-InputObject</c>).</summary>
        internal const string InputObject = "InputObject";
    }
}
