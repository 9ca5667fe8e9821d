using System;
using System.Collections.Generic;

namespace TrackerPS.Core
{
    /// <summary>An equality comparer whose hash is a <see cref="SeededHash"/> of the key (see <see cref="SeededComparer"/>).</summary>
    /// <typeparam name="T">The key type.</typeparam>
    internal sealed class SeededComparer<T> : IEqualityComparer<T>
    {
        private readonly SeededHash _hash;
        private readonly Func<T, T, bool> _equals;
        private readonly Func<SeededHash, T, int> _hashOf;

        public SeededComparer(SeededHash hash, Func<T, T, bool> equals, Func<SeededHash, T, int> hashOf)
        {
            _hash = hash;
            _equals = equals;
            _hashOf = hashOf;
        }

        public bool Equals(T? x, T? y) => x is null || y is null ? x is null && y is null : _equals(x, y);

        public int GetHashCode(T obj) => obj is null ? 0 : _hashOf(_hash, obj);
    }
}
