using System;
using System.Collections.Generic;
using System.Linq;
using TrackerPS.Core.Bencode;

namespace TrackerPS.Core.Tests.Trackers.Http
{
    /// <summary>Terse bencode bodies for tests: <c>Body(("interval", 1800), ("peers", bytes))</c>.</summary>
    internal static class BencodeBuilder
    {
        public static BDictionary Dict(params (string Key, object Value)[] entries) =>
            new BDictionary(entries.Select(e => new KeyValuePair<BString, BValue>(new BString(e.Key), Value(e.Value))));

        public static BDictionary Dict(params (byte[] Key, object Value)[] entries) =>
            new BDictionary(entries.Select(e => new KeyValuePair<BString, BValue>(new BString(e.Key), Value(e.Value))));

        public static byte[] Body(params (string Key, object Value)[] entries) => BencodeEncoder.Encode(Dict(entries));

        public static BValue Value(object value) => value switch
        {
            BValue b => b,
            int i => new BInteger(i),
            long l => new BInteger(l),
            string s => new BString(s),
            byte[] bytes => new BString(bytes),
            object[] items => new BList(items.Select(Value)),
            _ => throw new ArgumentException($"No bencode form for {value.GetType()}."),
        };
    }
}
