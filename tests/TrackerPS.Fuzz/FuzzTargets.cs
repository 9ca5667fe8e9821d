using System;
using System.Collections.Generic;
using System.Linq;
using TrackerPS.Fuzz.Targets;

namespace TrackerPS.Fuzz
{
    /// <summary>Every fuzz target, by name.</summary>
    public static class FuzzTargets
    {
        /// <summary>The targets, in the order the README lists them.</summary>
        public static IReadOnlyList<FuzzTarget> All { get; } = new FuzzTarget[]
        {
            new MetainfoTarget(),
            new BencodeTarget(),
            new HttpTarget(),
            new UdpTarget(),
            new MagnetTarget(),
        };

        /// <summary>The target named <paramref name="name"/> (case-insensitive).</summary>
        /// <exception cref="ArgumentException">No target has that name.</exception>
        public static FuzzTarget Get(string name) =>
            All.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"Unknown fuzz target '{name}'; the targets are {string.Join(", ", All.Select(t => t.Name))}.", nameof(name));
    }
}
