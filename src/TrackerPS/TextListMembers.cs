using System;
using System.Globalization;
using System.Management.Automation;
using System.Reflection;

namespace TrackerPS
{
    /// <summary>
    /// The code properties of TrackerPS.Types.ps1xml: each stands in for an array property of an output type with a
    /// <see cref="TextList{T}"/> (or <see cref="HexBytes"/>) over the same items, so that <c>Export-Csv</c>, which writes a
    /// value with <c>ToString()</c>, writes the items rather than <c>System.Uri[]</c>. Code properties, not script
    /// properties: a script property's value comes back wrapped in a PSObject, whose text is the items joined by
    /// <c>$OFS</c>, which would lose the separators between tiers. Each setter sets the .NET property, so that
    /// <c>[TrackerPS.AnnounceResponse] @{ Peers = ... }</c> still builds an object. The getters return
    /// <see cref="object"/> because PowerShell requires a setter's value parameter to have the getter's type, and a
    /// value to set is an array or anything else that converts to the .NET property's type.
    /// </summary>
    public static class TextListMembers
    {
        /// <summary><see cref="TorrentInfo.NameBytes"/> as <see cref="HexBytes"/>.</summary>
        /// <param name="instance">The TorrentInfo.</param>
        /// <returns>The name's bytes.</returns>
        public static object TorrentInfoNameBytes(PSObject instance) => new HexBytes(Base<TorrentInfo>(instance).NameBytes);

        /// <summary>Sets <see cref="TorrentInfo.NameBytes"/>.</summary>
        /// <param name="instance">The TorrentInfo.</param>
        /// <param name="value">A value that converts to the property's type.</param>
        public static void SetTorrentInfoNameBytes(PSObject instance, object value) => Set(instance, nameof(TorrentInfo.NameBytes), value);

        /// <summary><see cref="TorrentInfo.Files"/> as a text list of paths.</summary>
        /// <param name="instance">The TorrentInfo.</param>
        /// <returns>The files.</returns>
        public static object TorrentInfoFiles(PSObject instance) => Items(Base<TorrentInfo>(instance).Files);

        /// <summary>Sets <see cref="TorrentInfo.Files"/>.</summary>
        /// <param name="instance">The TorrentInfo.</param>
        /// <param name="value">A value that converts to the property's type.</param>
        public static void SetTorrentInfoFiles(PSObject instance, object value) => Set(instance, nameof(TorrentInfo.Files), value);

        /// <summary><see cref="TorrentInfo.Tracker"/> as a text list.</summary>
        /// <param name="instance">The TorrentInfo.</param>
        /// <returns>The trackers.</returns>
        public static object TorrentInfoTracker(PSObject instance) => Items(Base<TorrentInfo>(instance).Tracker);

        /// <summary>Sets <see cref="TorrentInfo.Tracker"/>.</summary>
        /// <param name="instance">The TorrentInfo.</param>
        /// <param name="value">A value that converts to the property's type.</param>
        public static void SetTorrentInfoTracker(PSObject instance, object value) => Set(instance, nameof(TorrentInfo.Tracker), value);

        /// <summary><see cref="TorrentInfo.TrackerTiers"/> as a text list of tiers.</summary>
        /// <param name="instance">The TorrentInfo.</param>
        /// <returns>The tiers.</returns>
        public static object TorrentInfoTrackerTiers(PSObject instance) => TextLists.Tiers(Base<TorrentInfo>(instance).TrackerTiers);

        /// <summary>Sets <see cref="TorrentInfo.TrackerTiers"/>.</summary>
        /// <param name="instance">The TorrentInfo.</param>
        /// <param name="value">A value that converts to the property's type.</param>
        public static void SetTorrentInfoTrackerTiers(PSObject instance, object value) => Set(instance, nameof(TorrentInfo.TrackerTiers), value);

        /// <summary><see cref="TorrentInfo.WebSeeds"/> as a text list.</summary>
        /// <param name="instance">The TorrentInfo.</param>
        /// <returns>The web seeds.</returns>
        public static object TorrentInfoWebSeeds(PSObject instance) => Items(Base<TorrentInfo>(instance).WebSeeds);

        /// <summary>Sets <see cref="TorrentInfo.WebSeeds"/>.</summary>
        /// <param name="instance">The TorrentInfo.</param>
        /// <param name="value">A value that converts to the property's type.</param>
        public static void SetTorrentInfoWebSeeds(PSObject instance, object value) => Set(instance, nameof(TorrentInfo.WebSeeds), value);

        /// <summary><see cref="TorrentInfo.HttpSeeds"/> as a text list.</summary>
        /// <param name="instance">The TorrentInfo.</param>
        /// <returns>The HTTP seeds.</returns>
        public static object TorrentInfoHttpSeeds(PSObject instance) => Items(Base<TorrentInfo>(instance).HttpSeeds);

        /// <summary>Sets <see cref="TorrentInfo.HttpSeeds"/>.</summary>
        /// <param name="instance">The TorrentInfo.</param>
        /// <param name="value">A value that converts to the property's type.</param>
        public static void SetTorrentInfoHttpSeeds(PSObject instance, object value) => Set(instance, nameof(TorrentInfo.HttpSeeds), value);

        /// <summary><see cref="TorrentInfo.Warnings"/> as a text list of sentences.</summary>
        /// <param name="instance">The TorrentInfo.</param>
        /// <returns>The warnings.</returns>
        public static object TorrentInfoWarnings(PSObject instance) => Sentences(Base<TorrentInfo>(instance).Warnings);

        /// <summary>Sets <see cref="TorrentInfo.Warnings"/>.</summary>
        /// <param name="instance">The TorrentInfo.</param>
        /// <param name="value">A value that converts to the property's type.</param>
        public static void SetTorrentInfoWarnings(PSObject instance, object value) => Set(instance, nameof(TorrentInfo.Warnings), value);

        /// <summary><see cref="TorrentFile.RawPath"/> as its elements in hex, joined by <c>/</c>.</summary>
        /// <param name="instance">The TorrentFile.</param>
        /// <returns>The raw path.</returns>
        public static object TorrentFileRawPath(PSObject instance) => TextLists.RawPath(Base<TorrentFile>(instance).RawPath);

        /// <summary>Sets <see cref="TorrentFile.RawPath"/>.</summary>
        /// <param name="instance">The TorrentFile.</param>
        /// <param name="value">A value that converts to the property's type.</param>
        public static void SetTorrentFileRawPath(PSObject instance, object value) => Set(instance, nameof(TorrentFile.RawPath), value);

        /// <summary><see cref="TorrentFile.RawSymlinkPath"/> as its elements in hex, joined by <c>/</c>; null when the file is not a symlink.</summary>
        /// <param name="instance">The TorrentFile.</param>
        /// <returns>The raw symlink target, or null.</returns>
        public static object? TorrentFileRawSymlinkPath(PSObject instance)
        {
            byte[][]? target = Base<TorrentFile>(instance).RawSymlinkPath;
            return target is null ? null : TextLists.RawPath(target);
        }

        /// <summary>Sets <see cref="TorrentFile.RawSymlinkPath"/>.</summary>
        /// <param name="instance">The TorrentFile.</param>
        /// <param name="value">A value that converts to the property's type.</param>
        public static void SetTorrentFileRawSymlinkPath(PSObject instance, object value) => Set(instance, nameof(TorrentFile.RawSymlinkPath), value);

        /// <summary><see cref="AnnounceResponse.Peers"/> as a text list of endpoints.</summary>
        /// <param name="instance">The AnnounceResponse.</param>
        /// <returns>The peers.</returns>
        public static object AnnounceResponsePeers(PSObject instance) => Items(Base<AnnounceResponse>(instance).Peers);

        /// <summary>Sets <see cref="AnnounceResponse.Peers"/>.</summary>
        /// <param name="instance">The AnnounceResponse.</param>
        /// <param name="value">A value that converts to the property's type.</param>
        public static void SetAnnounceResponsePeers(PSObject instance, object value) => Set(instance, nameof(AnnounceResponse.Peers), value);

        /// <summary><see cref="AnnounceResponse.Warnings"/> as a text list of sentences.</summary>
        /// <param name="instance">The AnnounceResponse.</param>
        /// <returns>The warnings.</returns>
        public static object AnnounceResponseWarnings(PSObject instance) => Sentences(Base<AnnounceResponse>(instance).Warnings);

        /// <summary>Sets <see cref="AnnounceResponse.Warnings"/>.</summary>
        /// <param name="instance">The AnnounceResponse.</param>
        /// <param name="value">A value that converts to the property's type.</param>
        public static void SetAnnounceResponseWarnings(PSObject instance, object value) => Set(instance, nameof(AnnounceResponse.Warnings), value);

        /// <summary><see cref="MagnetLink.Tracker"/> as a text list.</summary>
        /// <param name="instance">The MagnetLink.</param>
        /// <returns>The tracker.</returns>
        public static object MagnetLinkTracker(PSObject instance) => Items(Base<MagnetLink>(instance).Tracker);

        /// <summary>Sets <see cref="MagnetLink.Tracker"/>.</summary>
        /// <param name="instance">The MagnetLink.</param>
        /// <param name="value">A value that converts to the property's type.</param>
        public static void SetMagnetLinkTracker(PSObject instance, object value) => Set(instance, nameof(MagnetLink.Tracker), value);

        /// <summary><see cref="MagnetLink.TrackerTiers"/> as a text list of tiers.</summary>
        /// <param name="instance">The MagnetLink.</param>
        /// <returns>The trackertiers.</returns>
        public static object MagnetLinkTrackerTiers(PSObject instance) => TextLists.Tiers(Base<MagnetLink>(instance).TrackerTiers);

        /// <summary>Sets <see cref="MagnetLink.TrackerTiers"/>.</summary>
        /// <param name="instance">The MagnetLink.</param>
        /// <param name="value">A value that converts to the property's type.</param>
        public static void SetMagnetLinkTrackerTiers(PSObject instance, object value) => Set(instance, nameof(MagnetLink.TrackerTiers), value);

        /// <summary><see cref="MagnetLink.WebSeeds"/> as a text list.</summary>
        /// <param name="instance">The MagnetLink.</param>
        /// <returns>The webseeds.</returns>
        public static object MagnetLinkWebSeeds(PSObject instance) => Items(Base<MagnetLink>(instance).WebSeeds);

        /// <summary>Sets <see cref="MagnetLink.WebSeeds"/>.</summary>
        /// <param name="instance">The MagnetLink.</param>
        /// <param name="value">A value that converts to the property's type.</param>
        public static void SetMagnetLinkWebSeeds(PSObject instance, object value) => Set(instance, nameof(MagnetLink.WebSeeds), value);

        /// <summary><see cref="MagnetLink.Peers"/> as a text list of <c>host:port</c>.</summary>
        /// <param name="instance">The MagnetLink.</param>
        /// <returns>The peers.</returns>
        public static object MagnetLinkPeers(PSObject instance) => Items(Base<MagnetLink>(instance).Peers);

        /// <summary>Sets <see cref="MagnetLink.Peers"/>.</summary>
        /// <param name="instance">The MagnetLink.</param>
        /// <param name="value">A value that converts to the property's type.</param>
        public static void SetMagnetLinkPeers(PSObject instance, object value) => Set(instance, nameof(MagnetLink.Peers), value);

        /// <summary><see cref="PeerProbe.ExtensionMessages"/> as a text list.</summary>
        /// <param name="instance">The PeerProbe.</param>
        /// <returns>The extension names.</returns>
        public static object PeerProbeExtensionMessages(PSObject instance) => Items(Base<PeerProbe>(instance).ExtensionMessages);

        /// <summary>Sets <see cref="PeerProbe.ExtensionMessages"/>.</summary>
        /// <param name="instance">The PeerProbe.</param>
        /// <param name="value">A value that converts to the property's type.</param>
        public static void SetPeerProbeExtensionMessages(PSObject instance, object value) => Set(instance, nameof(PeerProbe.ExtensionMessages), value);

        /// <summary><see cref="MagnetLink.Parameters"/> as a text list of <c>name=value</c> joined by <c>"; "</c> (a value may hold commas).</summary>
        /// <param name="instance">The MagnetLink.</param>
        /// <returns>The parameters.</returns>
        public static object MagnetLinkParameters(PSObject instance) => new TextList<MagnetParameter>(Base<MagnetLink>(instance).Parameters, TextLists.SentenceSeparator);

        /// <summary>Sets <see cref="MagnetLink.Parameters"/>.</summary>
        /// <param name="instance">The MagnetLink.</param>
        /// <param name="value">A value that converts to the property's type.</param>
        public static void SetMagnetLinkParameters(PSObject instance, object value) => Set(instance, nameof(MagnetLink.Parameters), value);

        /// <summary><see cref="MagnetLink.Warnings"/> as a text list of sentences.</summary>
        /// <param name="instance">The MagnetLink.</param>
        /// <returns>The warnings.</returns>
        public static object MagnetLinkWarnings(PSObject instance) => Sentences(Base<MagnetLink>(instance).Warnings);

        /// <summary>Sets <see cref="MagnetLink.Warnings"/>.</summary>
        /// <param name="instance">The MagnetLink.</param>
        /// <param name="value">A value that converts to the property's type.</param>
        public static void SetMagnetLinkWarnings(PSObject instance, object value) => Set(instance, nameof(MagnetLink.Warnings), value);

        /// <summary><see cref="FileCheck.BadPieces"/> as a text list.</summary>
        /// <param name="instance">The FileCheck.</param>
        /// <returns>The piece indexes.</returns>
        public static object FileCheckBadPieces(PSObject instance) => Items(Base<FileCheck>(instance).BadPieces);

        /// <summary>Sets <see cref="FileCheck.BadPieces"/>.</summary>
        /// <param name="instance">The FileCheck.</param>
        /// <param name="value">A value that converts to the property's type.</param>
        public static void SetFileCheckBadPieces(PSObject instance, object value) => Set(instance, nameof(FileCheck.BadPieces), value);

        /// <summary><see cref="TorrentCheck.BadPieces"/> as a text list.</summary>
        /// <param name="instance">The TorrentCheck.</param>
        /// <returns>The piece indexes.</returns>
        public static object TorrentCheckBadPieces(PSObject instance) => Items(Base<TorrentCheck>(instance).BadPieces);

        /// <summary>Sets <see cref="TorrentCheck.BadPieces"/>.</summary>
        /// <param name="instance">The TorrentCheck.</param>
        /// <param name="value">A value that converts to the property's type.</param>
        public static void SetTorrentCheckBadPieces(PSObject instance, object value) => Set(instance, nameof(TorrentCheck.BadPieces), value);

        /// <summary><see cref="TorrentCheck.DisagreeingPieces"/> as a text list.</summary>
        /// <param name="instance">The TorrentCheck.</param>
        /// <returns>The piece indexes.</returns>
        public static object TorrentCheckDisagreeingPieces(PSObject instance) => Items(Base<TorrentCheck>(instance).DisagreeingPieces);

        /// <summary>Sets <see cref="TorrentCheck.DisagreeingPieces"/>.</summary>
        /// <param name="instance">The TorrentCheck.</param>
        /// <param name="value">A value that converts to the property's type.</param>
        public static void SetTorrentCheckDisagreeingPieces(PSObject instance, object value) => Set(instance, nameof(TorrentCheck.DisagreeingPieces), value);

        private static T Base<T>(PSObject instance) => (T)instance.BaseObject;

        private static TextList<T> Items<T>(T[] items) => new TextList<T>(items, TextLists.ItemSeparator);

        private static TextList<string> Sentences(string[] sentences) => new TextList<string>(sentences, TextLists.SentenceSeparator);

        private static void Set(PSObject instance, string name, object value)
        {
            // The output types' properties are init-only, which C# allows only in an initializer; reflection sets them
            // as PowerShell does when it builds an object from a hashtable.
            PropertyInfo property = instance.BaseObject.GetType().GetProperty(name)!;
            property.SetValue(instance.BaseObject, LanguagePrimitives.ConvertTo(value, property.PropertyType, CultureInfo.InvariantCulture));
        }
    }
}
