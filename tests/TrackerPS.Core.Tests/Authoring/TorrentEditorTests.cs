using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using TrackerPS.Core.Authoring;
using TrackerPS.Core.Bencode;
using TrackerPS.Core.Metainfo;
using TrackerPS.Core.Tests.Metainfo;
using Xunit;

namespace TrackerPS.Core.Tests.Authoring
{
    public sealed class TorrentEditorTests
    {
        private static readonly Uri s_backup = new Uri("udp://backup.example:6969/announce");

        public static TheoryData<string> Fixtures => new TheoryData<string>(Oracle.Fixtures.Keys);

        [Theory]
        [MemberData(nameof(Fixtures))]
        public void Edit_KeepsInfoBytesAndBothHashes(string fixture)
        {
            byte[] data = File.ReadAllBytes(Oracle.FixturePath(fixture));
            var edit = new TorrentEdit { AddTracker = new[] { s_backup }, Comment = "mirror", WebSeed = new[] { new Uri("http://ws.example/") } };

            TorrentEditResult result = TorrentEditor.Edit(data, fixture, edit);

            Assert.Equal(Oracle.Fixtures[fixture].InfoHashV1, result.After.InfoHashV1);
            Assert.Equal(Oracle.Fixtures[fixture].InfoHashV2, result.After.InfoHashV2);
            Assert.True(Contains(result.Bytes, InfoBytes(data)), "The info dictionary's bytes are not in the output.");
            Assert.Contains(s_backup, result.After.Tracker);
            Assert.Equal("mirror", result.After.Comment);
            Assert.False(result.InfoHashChanged);
        }

        [Fact]
        public void Edit_NonCanonicalInfo_LeadingZerosAndUnsortedKeys_KeepsHash()
        {
            // 'piece length' with a leading zero, and 'name' before 'length' (unsorted): re-encoding would change both.
            byte[] data = Ascii("d4:infod4:name3:a.b6:lengthi1e12:piece lengthi016384e6:pieces20:" + new string('\0', 20) + "ee");
            string before = TorrentReader.Read(data, null).InfoHashV1!;

            TorrentEditResult result = TorrentEditor.Edit(data, null, new TorrentEdit { AddTracker = new[] { s_backup } });

            Assert.Equal(before, result.After.InfoHashV1);
            Assert.True(Contains(result.Bytes, InfoBytes(data)));
        }

        [Fact]
        public void Edit_WritesTopLevelKeysSorted_KeepingUnknownKeys()
        {
            byte[] data = Ascii("d7:x-extrai7e4:infod6:lengthi1e4:name1:a12:piece lengthi16384e6:pieces20:" + new string('\0', 20) + "e7:comment3:olde");

            byte[] bytes = TorrentEditor.Edit(data, null, new TorrentEdit { Comment = "new" }).Bytes;

            var root = (BDictionary)BencodeDecoder.Decode(bytes, new BencodeLimits { Strict = true }).Root;
            Assert.Equal(new[] { "comment", "info", "x-extra" }, root.Entries.Select(e => e.Key.ToString()));
            Assert.Equal(7, ((BInteger)root["x-extra"]!).Value);
        }

        [Fact]
        public void AddTracker_ToSingleAnnounce_WritesAnnounceListWithBothTiers()
        {
            TorrentInfo after = Edit("mktorrent-single.torrent", new TorrentEdit { AddTracker = new[] { s_backup } }).After;

            Assert.Equal(new[] { "http://127.0.0.1:6969/announce", s_backup.OriginalString }, after.TrackerTiers.Select(t => Assert.Single(t).OriginalString));
        }

        [Fact]
        public void AddTracker_ToExistingTier_AppendsThere()
        {
            TorrentInfo after = Edit("v1-multi.torrent", new TorrentEdit { AddTracker = new[] { s_backup }, Tier = 0 }).After;

            Assert.Equal(2, after.TrackerTiers.Length);
            Assert.Equal(s_backup, after.TrackerTiers[0].Last());
        }

        [Fact]
        public void AddTracker_TierPastTheEnd_Throws()
        {
            var edit = new TorrentEdit { AddTracker = new[] { s_backup }, Tier = 3 };

            var e = Assert.Throws<TorrentEditException>(() => TorrentEditor.Edit(Fixture("v1-multi.torrent"), "v1-multi.torrent", edit));

            Assert.Contains("tier 3 does not exist", e.Message, StringComparison.Ordinal);
            Assert.Contains("v1-multi.torrent", e.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void ReplaceTracker_KeepsTierAndPosition_AndAnnounceFollows()
        {
            var edit = new TorrentEdit { ReplaceTracker = new[] { Pair("http://a.example/announce", "https://new.example/announce") } };

            TorrentEditResult result = Edit("v1-multi.torrent", edit);

            Assert.Equal("https://new.example/announce", result.After.TrackerTiers[0][0].OriginalString);
            Assert.Equal("udp://b.example:6969/announce", result.After.TrackerTiers[0][1].OriginalString);
            var root = (BDictionary)BencodeDecoder.Decode(result.Bytes).Root;
            Assert.Equal("https://new.example/announce", root["announce"]!.ToString());
        }

        [Fact]
        public void RemoveTracker_DropsEmptyTier_AndClearingAllRemovesBothKeys()
        {
            TorrentInfo removed = Edit("v1-multi.torrent", new TorrentEdit { RemoveTracker = new[] { new Uri("http://c.example/announce?passkey=abc") } }).After;
            byte[] cleared = Edit("v1-multi.torrent", new TorrentEdit { Clear = TorrentField.Tracker }).Bytes;

            Assert.Single(removed.TrackerTiers);
            var root = (BDictionary)BencodeDecoder.Decode(cleared).Root;
            Assert.Null(root["announce"]);
            Assert.Null(root["announce-list"]);
        }

        [Fact]
        public void RemoveTracker_NotListed_IsAWarning()
        {
            TorrentEditResult result = Edit("v1-single.torrent", new TorrentEdit { RemoveTracker = new[] { s_backup } });

            Assert.True(result.IsUnchanged);
            Assert.Contains(result.Warnings, w => w.Contains("not listed", StringComparison.Ordinal));
        }

        [Fact]
        public void ReplacePasskey_ChangesEveryUrl_AndNoChangeTextShowsEitherPasskey()
        {
            const string oldKey = "a1b2c3d4e5f60718293a4b5c6d7e8f90";
            const string newKey = "0f9e8d7c6b5a49382716f5e4d3c2b1a0";
            string path = $"http://t.example/{oldKey}/announce";
            string query = $"udp://u.example:1/announce?passkey={oldKey}";
            byte[] data = BencodeEncoder.Encode(TestTorrent.Dict(
                ("announce", TestTorrent.Str(path)),
                ("announce-list", TestTorrent.List(TestTorrent.List(TestTorrent.Str(path)), TestTorrent.List(TestTorrent.Str(query)))),
                ("info", TestTorrent.SingleFileInfo())));

            TorrentEditResult result = TorrentEditor.Edit(data, null, new TorrentEdit { OldPasskey = oldKey, NewPasskey = newKey });

            Assert.All(result.After.Tracker, t => Assert.Contains(newKey, t.OriginalString, StringComparison.Ordinal));
            Assert.DoesNotContain(oldKey, Encoding.ASCII.GetString(result.Bytes), StringComparison.Ordinal);
            Assert.NotEmpty(result.Changes);
            Assert.All(result.Changes.Concat(result.Warnings), c => Assert.DoesNotContain(oldKey, c, StringComparison.Ordinal));
            Assert.All(result.Changes, c => Assert.DoesNotContain(newKey, c, StringComparison.Ordinal));
        }

        [Fact]
        public void ReplaceTracker_ChangeText_RedactsPasskeys()
        {
            var edit = new TorrentEdit { ReplaceTracker = new[] { Pair("http://c.example/announce?passkey=abc", "http://c.example/announce?passkey=SECRET") } };

            TorrentEditResult result = Edit("v1-multi.torrent", edit);

            Assert.Equal(2, result.Changes.Count);
            Assert.All(result.Changes, c => Assert.DoesNotContain("SECRET", c, StringComparison.Ordinal));
            Assert.All(result.Changes, c => Assert.DoesNotContain("=abc", c, StringComparison.Ordinal));
        }

        [Fact]
        public void SetAndClearOutsideFields()
        {
            var date = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero);
            var set = new TorrentEdit { HttpSeed = new[] { new Uri("http://hs.example/seed") }, CreatedBy = "me", CreationDate = date };
            var clear = new TorrentEdit { Clear = TorrentField.WebSeed | TorrentField.HttpSeed | TorrentField.Comment | TorrentField.CreatedBy | TorrentField.CreationDate };

            TorrentInfo setInfo = Edit("v1-single.torrent", set).After;
            TorrentInfo cleared = Edit("webseeds.torrent", clear).After;

            Assert.Equal("http://hs.example/seed", Assert.Single(setInfo.HttpSeeds).OriginalString);
            Assert.Equal("me", setInfo.CreatedBy);
            Assert.Equal(date, setInfo.CreationDate);
            Assert.Empty(cleared.WebSeeds);
            Assert.Empty(cleared.HttpSeeds);
            Assert.Null(cleared.Comment);
            Assert.Null(cleared.CreatedBy);
            Assert.Null(cleared.CreationDate);
        }

        [Fact]
        public void InfoChange_WithoutPermission_IsRefused()
        {
            var e = Assert.Throws<ArgumentException>(() => Edit("v1-single.torrent", new TorrentEdit { Private = true }));

            Assert.Contains("different torrent", e.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void InfoChange_WithPermission_ChangesHashAndFields()
        {
            var edit = new TorrentEdit { Private = true, Source = "SRC", Name = "renamed.bin", AllowInfoChange = true };

            TorrentEditResult result = Edit("v1-single.torrent", edit);

            Assert.True(result.InfoHashChanged);
            Assert.NotEqual(result.Before.InfoHashV1, result.After.InfoHashV1);
            Assert.True(result.After.IsPrivate);
            Assert.Equal("SRC", result.After.Source);
            Assert.Equal("renamed.bin", result.After.Name);
            Assert.Equal(result.Before.TotalSize, result.After.TotalSize);
        }

        [Theory]
        [InlineData("..")]
        [InlineData("a/b")]
        [InlineData("")]
        public void Name_Unsafe_IsRefused(string name)
        {
            Assert.Throws<ArgumentException>(() => TorrentEditValidator.Validate(new TorrentEdit { Name = name, AllowInfoChange = true }));
        }

        [Theory]
        [InlineData("ftp://t.example/announce")]
        [InlineData("file:///etc/passwd")]
        public void AddTracker_WithUnusableScheme_IsRefused(string url)
        {
            Assert.Throws<ArgumentException>(() => TorrentEditValidator.Validate(new TorrentEdit { AddTracker = new[] { new Uri(url) } }));
        }

        [Fact]
        public void Tier_WithoutTrackersToAdd_IsRefused()
        {
            Assert.Throws<ArgumentException>(() => TorrentEditValidator.Validate(new TorrentEdit { Tier = 0, Comment = "x" }));
        }

        [Fact]
        public void SetAndClearSameField_IsRefused()
        {
            Assert.Throws<ArgumentException>(() => TorrentEditValidator.Validate(new TorrentEdit { Comment = "x", Clear = TorrentField.Comment }));
        }

        private static TorrentEditResult Edit(string fixture, TorrentEdit edit) => TorrentEditor.Edit(Fixture(fixture), fixture, edit);

        private static byte[] Fixture(string name) => File.ReadAllBytes(Oracle.FixturePath(name));

        private static KeyValuePair<Uri, Uri> Pair(string oldUrl, string newUrl) => new KeyValuePair<Uri, Uri>(new Uri(oldUrl), new Uri(newUrl));

        private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

        private static byte[] InfoBytes(byte[] data) => ((BDictionary)BencodeDecoder.Decode(data, new BencodeLimits { AllowTrailingBytes = true }).Root)["info"]!.RawBytes.ToArray();

        private static bool Contains(byte[] haystack, byte[] needle)
        {
            for (int i = 0; i + needle.Length <= haystack.Length; i++)
            {
                if (haystack.AsSpan(i, needle.Length).SequenceEqual(needle))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
