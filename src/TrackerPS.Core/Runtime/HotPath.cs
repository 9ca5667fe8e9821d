using System.Runtime.CompilerServices;

namespace TrackerPS.Core.Runtime
{
    /// <summary>
    /// The JIT option for the loops that run once per block, per file or per bencode token while a torrent is made,
    /// checked or read. New-Torrent, Test-Torrent and the read of one large torrent usually run once in a process, so
    /// under tiered compilation these loops would spend much of the run as unoptimized or instrumented code, and a
    /// background thread would compile them again on one of the cores the hashing needs. Small methods marked so are
    /// still inlined into their callers. The value is .NET Core 3.0's <c>MethodImplOptions.AggressiveOptimization</c>
    /// (512), which netstandard2.0 does not name; .NET Framework ignores it.
    /// </summary>
    internal static class HotPath
    {
        /// <summary>Compile fully optimized at once, with no tiers (<c>MethodImplOptions.AggressiveOptimization</c>).</summary>
        public const MethodImplOptions Optimized = (MethodImplOptions)512;
    }
}
