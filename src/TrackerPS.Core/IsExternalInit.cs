namespace System.Runtime.CompilerServices
{
    /// <summary>Lets netstandard2.0 code use <c>init</c> accessors (the type ships in .NET 5 and later).</summary>
    internal static class IsExternalInit
    {
    }
}
