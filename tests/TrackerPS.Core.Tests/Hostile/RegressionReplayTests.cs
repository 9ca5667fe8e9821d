using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using TrackerPS.Core.Bencode;
using TrackerPS.Core.Metainfo;
using TrackerPS.Core.Tests.Metainfo;
using TrackerPS.Core.Trackers;
using TrackerPS.Core.Trackers.Http;
using Xunit;

namespace TrackerPS.Core.Tests.Hostile
{
    /// <summary>
    /// Every input in tests/data/regression, read the way it arrives: a <c>.torrent</c> by the torrent reader, a
    /// <c>.bencode</c> as an HTTP announce reply. Each either parses or fails with its parser's documented exception.
    /// </summary>
    public sealed class RegressionReplayTests
    {
        public static IEnumerable<object[]> Inputs() =>
            Directory.GetFiles(Path.Combine(Oracle.DataDirectory, "regression")).Select(f => new object[] { Path.GetFileName(f) });

        [Theory]
        [MemberData(nameof(Inputs))]
        public void ParsesOrFailsWithTheDocumentedException(string name)
        {
            byte[] data = File.ReadAllBytes(Path.Combine(Oracle.DataDirectory, "regression", name));
            Action parse = Path.GetExtension(name) switch
            {
                ".torrent" => () => TorrentReader.Read(data, name),
                ".bencode" => () => HttpAnnounceResponseParser.Parse(data, new AnnounceRequest { Tracker = new Uri("http://t.example/announce"), InfoHash = new InfoHash(new byte[20]) }, 200, TimeSpan.Zero),
                _ => throw new InvalidOperationException($"No parser for {name}: add one here."),
            };

            try
            {
                parse();
            }
            catch (MetainfoException e)
            {
                // An inner exception is a failure the reader did not foresee, contained: a bug to fix, not an answer.
                Assert.Null(e.InnerException);
            }
            catch (Exception e) when (e is BencodeException || e is TrackerException)
            {
                Assert.NotEmpty(e.Message);
            }
        }
    }
}
