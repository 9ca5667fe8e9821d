using System;
using System.Collections.Generic;
using System.Linq;
using TrackerPS.Core.Authoring;

namespace TrackerPS.Commands
{
    /// <summary>Turns <c>Edit-Torrent</c>'s bound parameters into a <see cref="TorrentEdit"/>: a parameter not given changes nothing.</summary>
    internal static class TorrentEditParameters
    {
        /// <exception cref="ArgumentException"><c>-ReplaceTracker</c> holds an odd number of URLs.</exception>
        public static TorrentEdit ToEdit(EditTorrentCommand command, IDictionary<string, object> bound)
        {
            if (command.ReplaceTracker.Length % 2 != 0)
            {
                throw new ArgumentException("-ReplaceTracker takes pairs of URLs, each old tracker followed by its new one; an odd number was given.");
            }

            bool Has(string name) => bound.ContainsKey(name);
            return new TorrentEdit
            {
                Clear = command.Clear.Aggregate(TorrentField.None, (all, field) => all | field),
                ReplaceTracker = Enumerable.Range(0, command.ReplaceTracker.Length / 2)
                    .Select(i => new KeyValuePair<Uri, Uri>(command.ReplaceTracker[2 * i], command.ReplaceTracker[(2 * i) + 1]))
                    .ToArray(),
                RemoveTracker = command.RemoveTracker,
                AddTracker = command.AddTracker,
                Tier = Has(nameof(command.Tier)) ? command.Tier : null,
                OldPasskey = Has(nameof(command.ReplacePasskey)) ? command.ReplacePasskey[0] : null,
                NewPasskey = Has(nameof(command.ReplacePasskey)) ? command.ReplacePasskey[1] : null,
                WebSeed = Has(nameof(command.WebSeed)) ? command.WebSeed : null,
                HttpSeed = Has(nameof(command.HttpSeed)) ? command.HttpSeed : null,
                Comment = Has(nameof(command.Comment)) ? command.Comment : null,
                CreatedBy = Has(nameof(command.CreatedBy)) ? command.CreatedBy : null,
                CreationDate = Has(nameof(command.CreationDate)) ? command.CreationDate : null,
                Private = Has(nameof(command.Private)) ? command.Private.IsPresent : null,
                Source = Has(nameof(command.Source)) ? command.Source : null,
                Name = Has(nameof(command.Name)) ? command.Name : null,
                AllowInfoChange = command.ChangeInfoHash.IsPresent,
            };
        }
    }
}
