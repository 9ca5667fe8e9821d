using System.Globalization;
using System.Text;

namespace TrackerPS.Core.Metainfo
{
    /// <summary>
    /// A key's full name for messages, such as <c>info.files[12].path[2]</c>, kept in parts and joined only when a
    /// message is written. Joining eagerly cost about ten strings per file that no message ever used: on a 50,000-file
    /// torrent that was 30 MB, a third of everything the reader allocated (see tests/TrackerPS.Benchmarks).
    /// Shape: <c>prefix[index].key[item]</c>, each part after the prefix optional (so <c>prefix[index][item]</c> too); longer
    /// names fall back to one string.
    /// </summary>
    internal readonly struct MetainfoLabel
    {
        private const int None = -1;
        private readonly string _prefix;
        private readonly FileTreePath? _tree;
        private readonly int _index;
        private readonly string? _key;
        private readonly int _item;

        /// <summary>The label of a v2 <c>file tree</c> node: <c>info.file tree/</c> and the node's keys, joined when written.</summary>
        public MetainfoLabel(FileTreePath tree)
            : this(string.Empty, None, null, None)
        {
            _tree = tree;
        }

        private MetainfoLabel(string prefix, int index, string? key, int item, FileTreePath? tree = null)
        {
            _prefix = prefix;
            _tree = tree;
            _index = index;
            _key = key;
            _item = item;
        }

        /// <summary>A label that is already a whole name, such as <c>info.piece length</c>.</summary>
        public static implicit operator MetainfoLabel(string name) => new MetainfoLabel(name, None, null, None);

        /// <summary>This name followed by <c>[index]</c>.</summary>
        public MetainfoLabel Index(int index)
        {
            if (_key is null && _index == None)
            {
                return new MetainfoLabel(_prefix, index, null, None, _tree);
            }

            if (_item == None)
            {
                return new MetainfoLabel(_prefix, _index, _key, index, _tree);
            }

            return new MetainfoLabel(ToString(), index, null, None);
        }

        /// <summary>This name followed by <c>.key</c>.</summary>
        public MetainfoLabel Key(string key) => _key is null && _item == None
            ? new MetainfoLabel(_prefix, _index, key, None, _tree)
            : new MetainfoLabel(ToString(), None, key, None);

        /// <summary>The joined name.</summary>
        public override string ToString()
        {
            var name = new StringBuilder(_tree is null ? _prefix : "info.file tree/" + _tree.KeyText());
            AppendIndex(name, _index);
            if (_key is not null)
            {
                name.Append('.').Append(_key);
            }

            AppendIndex(name, _item);
            return name.ToString();
        }

        private static void AppendIndex(StringBuilder name, int index)
        {
            if (index != None)
            {
                name.Append('[').Append(index.ToString(CultureInfo.InvariantCulture)).Append(']');
            }
        }
    }
}
