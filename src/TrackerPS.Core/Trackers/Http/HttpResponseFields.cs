using System;
using System.Collections.Generic;
using TrackerPS.Core.Bencode;

namespace TrackerPS.Core.Trackers.Http
{
    /// <summary>Typed reads of optional response fields; a field of the wrong type is reported as a warning and treated as absent.</summary>
    internal static class HttpResponseFields
    {
        /// <summary>The BEP 31 <c>retry in</c> value meaning "do not retry".</summary>
        public const string RetryNever = "never";

        /// <summary>An integer field, or null when absent or not an integer.</summary>
        /// <param name="dictionary">The dictionary.</param>
        /// <param name="key">The key.</param>
        /// <param name="warnings">Receives a finding when the field has the wrong type.</param>
        /// <returns>The value, or null.</returns>
        public static long? Integer(BDictionary dictionary, string key, WarningList warnings)
        {
            BValue? value = dictionary[key];
            if (value is null)
            {
                return null;
            }

            if (value is BInteger integer)
            {
                return integer.Value;
            }

            warnings.Add($"'{key}' is {Describe(value)}, not an integer; ignored");
            return null;
        }

        /// <summary>A non-negative count of seconds as a TimeSpan, or null when absent, not an integer, or out of range.</summary>
        /// <param name="dictionary">The dictionary.</param>
        /// <param name="key">The key.</param>
        /// <param name="warnings">Receives a finding when the field is unusable.</param>
        /// <returns>The duration, or null.</returns>
        public static TimeSpan? Seconds(BDictionary dictionary, string key, WarningList warnings)
        {
            long? seconds = Integer(dictionary, key, warnings);
            if (seconds is null)
            {
                return null;
            }

            if (seconds < 0 || seconds > int.MaxValue)
            {
                warnings.Add($"'{key}' is {seconds} seconds, outside 0…{int.MaxValue}; ignored");
                return null;
            }

            return TimeSpan.FromSeconds(seconds.Value);
        }

        /// <summary>A byte string field, or null when absent or not a string.</summary>
        /// <param name="dictionary">The dictionary.</param>
        /// <param name="key">The key.</param>
        /// <param name="warnings">Receives a finding when the field has the wrong type.</param>
        /// <returns>The string, or null.</returns>
        public static BString? String(BDictionary dictionary, string key, WarningList warnings)
        {
            BValue? value = dictionary[key];
            if (value is null)
            {
                return null;
            }

            if (value is BString text)
            {
                return text;
            }

            warnings.Add($"'{key}' is {Describe(value)}, not a string; ignored");
            return null;
        }

        /// <summary>BEP 31 <c>retry in</c>: integer minutes, or the string <c>never</c> (<see cref="TimeSpan.MaxValue"/>).</summary>
        /// <param name="dictionary">The response dictionary.</param>
        /// <param name="warnings">Receives a finding when the field is unusable.</param>
        /// <returns>The delay, or null when absent or unusable.</returns>
        public static TimeSpan? RetryIn(BDictionary dictionary, WarningList warnings)
        {
            const string Key = "retry in";
            BValue? value = dictionary[Key];
            switch (value)
            {
                case null:
                    return null;
                case BString text when text.ContentEquals(RetryNever):
                    return TimeSpan.MaxValue;
                case BInteger minutes when minutes.Value >= 0 && minutes.Value <= int.MaxValue:
                    return TimeSpan.FromMinutes(minutes.Value);
                default:
                    warnings.Add($"'{Key}' is neither a count of minutes nor \"{RetryNever}\"; ignored");
                    return null;
            }
        }

        /// <summary>Any value as text for a message: a string as UTF-8, an integer in decimal, a container by kind.</summary>
        /// <param name="value">The value.</param>
        /// <returns>The text.</returns>
        public static string Text(BValue value) => value is BString or BInteger ? value.ToString()! : "(" + Describe(value) + ")";

        /// <summary>The value's kind with its article, for messages: "an integer", "a string", "a list", "a dictionary".</summary>
        /// <param name="value">The value.</param>
        /// <returns>The description.</returns>
        public static string Describe(BValue value) => value.Kind == BencodeKind.Integer ? "an integer" : "a " + value.Kind.ToString().ToLowerInvariant();
    }
}
