using System;
using System.Collections.Specialized;
using System.Management.Automation;
using System.Text;
using TrackerPS.Core.Bencode;

namespace TrackerPS.Commands
{
    /// <summary>
    /// <c>ConvertTo-Bencode</c>: encodes each input value as canonical bencode (BEP 3: keys sorted as raw bytes, strings as
    /// UTF-8) and writes it as one <c>byte[]</c>, or as text with <c>-AsString</c>. Takes hashtables, ordered dictionaries,
    /// custom objects, arrays, integers, strings and <c>byte[]</c>; anything else is an error naming its path.
    /// </summary>
    [Cmdlet(VerbsData.ConvertTo, "Bencode")]
    [OutputType(typeof(byte[]), typeof(string))]
    public sealed class ConvertToBencodeCommand : PSCmdlet
    {
        private BencodeValueBuilder? _builder;

        /// <summary>The value to encode.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [AllowNull]
        public object? InputObject { get; set; }

        /// <summary>Writes the bencode as text (UTF-8 decoded; bytes that are not UTF-8 become U+FFFD), for display.</summary>
        [Parameter]
        public SwitchParameter AsString { get; set; }

        /// <summary>Deepest nesting of lists and dictionaries accepted (it also stops an object that contains itself).</summary>
        [Parameter]
        [Alias("Depth")]
        [ValidateRange(1, int.MaxValue)]
        public int MaxDepth { get; set; } = BencodeLimits.DefaultMaxDepth;

        /// <inheritdoc />
        protected override void BeginProcessing()
        {
            _builder = new BencodeValueBuilder(Unwrap, MaxDepth);
        }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            byte[] bytes;
            try
            {
                bytes = BencodeEncoder.Encode(_builder!.Build(InputObject));
            }
            catch (ArgumentException e)
            {
                WriteError(new ErrorRecord(e, ErrorIds.BencodeUnsupportedValue, ErrorCategory.InvalidArgument, InputObject));
                return;
            }

            if (AsString.IsPresent)
            {
                WriteObject(Encoding.UTF8.GetString(bytes));
            }
            else
            {
                WriteObject(bytes, enumerateCollection: false);
            }
        }

        /// <summary>The value inside a PSObject; a custom object as an ordered dictionary of its properties.</summary>
        private static object Unwrap(object value)
        {
            if (value is not PSObject wrapped)
            {
                return value;
            }

            if (wrapped.BaseObject is not PSCustomObject)
            {
                return wrapped.BaseObject;
            }

            var properties = new OrderedDictionary();
            foreach (PSPropertyInfo property in wrapped.Properties)
            {
                properties[property.Name] = property.Value;
            }

            return properties;
        }
    }
}
