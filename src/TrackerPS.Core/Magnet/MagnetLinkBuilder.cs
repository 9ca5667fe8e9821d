using System;
using System.Collections.Generic;
using System.Globalization;
using TrackerPS.Core.Metainfo;

namespace TrackerPS.Core.Magnet
{
    /// <summary>
    /// Collects decoded magnet link parameters (BEP 9 <c>xt dn xl tr ws as x.pe</c>, BEP 52 <c>urn:btmh</c>, BEP 53
    /// <c>so</c>) into a <see cref="MagnetLink"/>. Single-valued parameters keep their first usable value; every value
    /// that is dropped leaves a warning.
    /// </summary>
    internal sealed class MagnetLinkBuilder
    {
        private const string TrackerIndexedPrefix = "tr.";

        private readonly List<Uri> _trackers = new List<Uri>();
        private readonly List<Uri> _webSeeds = new List<Uri>();
        private readonly List<string> _peers = new List<string>();
        private readonly List<MagnetParameter> _parameters = new List<MagnetParameter>();
        private InfoHash? _v1;
        private InfoHash? _v2;
        private string? _name;
        private long? _exactLength;
        private string? _selectOnly;

        /// <summary>Warnings so far (capped, see <see cref="WarningList"/>); the percent decoder adds to it too.</summary>
        internal WarningList Warnings { get; } = new WarningList();

        /// <summary>True once a usable <c>urn:btih</c> or <c>urn:btmh</c> has been added.</summary>
        internal bool HasInfoHash => _v1 is not null || _v2 is not null;

        /// <summary>Adds one decoded parameter. Names are matched in any case; unknown names are kept as <see cref="MagnetParameter"/>.</summary>
        /// <param name="name">The decoded name.</param>
        /// <param name="value">The decoded value.</param>
        internal void Add(string name, string value)
        {
            switch (name.ToLowerInvariant())
            {
                case "xt":
                    AddExactTopic(value);
                    break;
                case "dn":
                    _name = First(_name, value, name, value);
                    break;
                case "xl":
                    AddExactLength(name, value);
                    break;
                case "tr":
                    AddUri(_trackers, name, value);
                    break;
                case "ws":
                case "as":
                    AddUri(_webSeeds, name, value);
                    break;
                case "x.pe":
                    AddPeer(name, value);
                    break;
                case "so":
                    AddSelectOnly(name, value);
                    break;
                default:
                    AddOther(name, value);
                    break;
            }
        }

        /// <summary>Builds the link; call only when <see cref="HasInfoHash"/> is true.</summary>
        /// <param name="magnetUri">The link text, for <see cref="MagnetLink.MagnetUri"/>.</param>
        /// <returns>The parsed link.</returns>
        internal MagnetLink Build(string magnetUri)
        {
            var tiers = new Uri[_trackers.Count][];
            for (int i = 0; i < tiers.Length; i++)
            {
                tiers[i] = new[] { _trackers[i] };
            }

            return new MagnetLink
            {
                InfoHash = (_v1 ?? _v2!.Truncated).ToHex(),
                InfoHashV1 = _v1?.ToHex(),
                InfoHashV2 = _v2?.ToHex(),
                Name = _name,
                Tracker = _trackers.ToArray(),
                TrackerTiers = tiers,
                WebSeeds = _webSeeds.ToArray(),
                ExactLength = _exactLength,
                Peers = _peers.ToArray(),
                SelectOnly = _selectOnly,
                Parameters = _parameters.ToArray(),
                Warnings = Warnings.ToArray(),
                MagnetUri = magnetUri,
            };
        }

        // Several xt are allowed (BEP 52 hybrid links carry one btih and one btmh); the first of each kind wins.
        private void AddExactTopic(string value)
        {
            InfoHash? hash = MagnetExactTopic.Parse(value);
            if (hash is null)
            {
                Warnings.Add($"Ignored xt '{value}': not a BitTorrent info-hash ({MagnetExactTopic.ExpectedForms}).");
            }
            else if (hash.Length == 20)
            {
                _v1 = First(_v1, hash, "urn:btih", value);
            }
            else
            {
                _v2 = First(_v2, hash, "urn:btmh", value);
            }
        }

        private void AddExactLength(string name, string value)
        {
            if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out long length))
            {
                _exactLength = First(_exactLength, length, name, value);
            }
            else
            {
                Warnings.Add($"Ignored {name} '{value}': not a non-negative whole number of bytes.");
            }
        }

        private void AddUri(List<Uri> target, string name, string value)
        {
            // Uri alone would read a bare "/path" as an absolute file URI on Unix: require an explicit scheme (not a drive letter).
            int colon = value.IndexOf(':');
            bool hasScheme = colon > 1 && Uri.CheckSchemeName(value.Substring(0, colon));
            if (hasScheme && Uri.TryCreate(value, UriKind.Absolute, out Uri? uri))
            {
                target.Add(uri);
            }
            else
            {
                Warnings.Add($"Ignored {name} '{value}': not an absolute URI.");
            }
        }

        private void AddPeer(string name, string value)
        {
            if (MagnetPeerAddress.IsValid(value))
            {
                _peers.Add(value);
            }
            else
            {
                Warnings.Add($"Ignored {name} '{value}': expected host:port (an IPv6 address in brackets).");
            }
        }

        private void AddSelectOnly(string name, string value)
        {
            if (MagnetSelectOnly.IsValid(value))
            {
                _selectOnly = First(_selectOnly, value, name, value);
            }
            else
            {
                Warnings.Add($"Ignored {name} '{value}': expected file indexes and ranges such as 0,2,4-6 (BEP 53).");
            }
        }

        // BEP 9 §magnet URI format: "tr.1", "tr.2"... are numbered trackers; they join "tr" in order of appearance.
        private void AddOther(string name, string value)
        {
            bool indexedTracker = name.Length > TrackerIndexedPrefix.Length
                && name.StartsWith(TrackerIndexedPrefix, StringComparison.OrdinalIgnoreCase)
                && uint.TryParse(name.Substring(TrackerIndexedPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out _);
            if (indexedTracker)
            {
                AddUri(_trackers, name, value);
            }
            else
            {
                _parameters.Add(new MagnetParameter { Name = name, Value = value });
            }
        }

        private T First<T>(T current, T candidate, string what, string value)
        {
            if (current is null)
            {
                return candidate;
            }

            Warnings.Add($"Ignored {what} '{value}': only the first {what} is used.");
            return current;
        }
    }
}
