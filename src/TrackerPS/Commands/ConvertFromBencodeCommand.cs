using System;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.IO;
using System.Management.Automation;
using System.Numerics;
using TrackerPS.Core.Bencode;
using TrackerPS.Core.Metainfo;

namespace TrackerPS.Commands
{
    /// <summary>
    /// <c>ConvertFrom-Bencode</c>: decodes bencode (BEP 3), from bytes or from files, into PowerShell values: ordered
    /// dictionaries, arrays, <see cref="long"/> (<see cref="BigInteger"/> past 64 bits), text (valid UTF-8) or <c>byte[]</c>. Bytes piped one by one (PowerShell
    /// unrolls a piped <c>byte[]</c>) are gathered and decoded as one input once the pipeline ends.
    /// </summary>
    [Cmdlet(VerbsData.ConvertFrom, "Bencode", DefaultParameterSetName = ParameterSets.InputObject)]
    [OutputType(typeof(OrderedDictionary), typeof(object[]), typeof(long), typeof(BigInteger), typeof(string), typeof(byte[]))]
    public sealed class ConvertFromBencodeCommand : TorrentFileCmdlet
    {
        private readonly List<byte> _pipedBytes = new List<byte>();
        private bool _sawInput;
        private bool _tooLarge;

        /// <summary>The bencoded bytes: one <c>byte[]</c> (<c>-InputObject $bytes</c>, or <c>,$bytes |</c>), or bytes from the pipeline, concatenated.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ParameterSets.InputObject, ValueFromPipeline = true)]
        [AllowEmptyCollection]
        public byte[] InputObject { get; set; } = Array.Empty<byte>();

        /// <summary>Every string value as <c>byte[]</c>, even when it is valid UTF-8.</summary>
        [Parameter]
        public SwitchParameter AsByteArray { get; set; }

        /// <summary>Every dictionary key as <c>byte[]</c> (raw) instead of text, or hex for a key that is not UTF-8.</summary>
        [Parameter]
        public SwitchParameter AsByteKeys { get; set; }

        /// <summary>Deepest nesting of lists and dictionaries accepted.</summary>
        [Parameter]
        [Alias("Depth")]
        [ValidateRange(1, int.MaxValue)]
        public int MaxDepth { get; set; } = BencodeLimits.DefaultMaxDepth;

        /// <summary>Largest input accepted, in bytes.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int MaxSize { get; set; } = BencodeLimits.DefaultMaxInputSize;

        /// <summary>Most values (integers, strings, lists, dictionaries, keys included) accepted.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int MaxTokens { get; set; } = BencodeLimits.DefaultMaxTokens;

        private BencodeLimits Limits => new BencodeLimits { MaxDepth = MaxDepth, MaxInputSize = MaxSize, MaxTokens = MaxTokens, AllowBigIntegers = true };

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            if (ParameterSetName == ParameterSets.InputObject)
            {
                _sawInput = true;
                // Past the limit, stop gathering (the decoder would refuse the input anyway) and report it once, at the end.
                _tooLarge |= _pipedBytes.Count + (long)InputObject.Length > MaxSize;
                if (!_tooLarge)
                {
                    _pipedBytes.AddRange(InputObject);
                }

                return;
            }

            foreach (string file in ResolveFiles())
            {
                byte[] data;
                try
                {
                    data = TorrentReader.ReadFileBytes(file, MaxSize);
                }
                catch (IOException e) when (e is FileNotFoundException || e is DirectoryNotFoundException)
                {
                    WriteError(ErrorRecords.FileNotFound(e, file));
                    continue;
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    WriteError(ErrorRecords.ReadFailed(e, file));
                    continue;
                }
                catch (MetainfoException e)
                {
                    WriteError(ParseError(new BencodeException(0, e.Reason, file), file));
                    continue;
                }

                Decode(data, file, file);
            }
        }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            if (_tooLarge)
            {
                WriteError(ParseError(new BencodeException(0, $"input is more than the limit of {MaxSize} bytes", null), "InputObject"));
            }
            else if (_sawInput)
            {
                Decode(_pipedBytes.ToArray(), null, "InputObject");
            }

            base.EndProcessing();
        }

        private void Decode(byte[] data, string? sourceName, object target)
        {
            object value;
            try
            {
                BencodeDocument document = BencodeDecoder.Decode(data, Limits, sourceName);
                value = BencodeObjectConverter.Convert(document.Root, AsByteArray.IsPresent, AsByteKeys.IsPresent);
            }
            catch (BencodeException e)
            {
                WriteError(ParseError(e, target));
                return;
            }

            // A list or byte string is one value: written whole, not enumerated into the pipeline.
            WriteObject(BencodeDictionaryView.Wrap(value), enumerateCollection: false);
        }

        private static ErrorRecord ParseError(BencodeException e, object target) =>
            new ErrorRecord(e, ErrorIds.BencodeParseFailed, ErrorCategory.InvalidData, target);
    }
}
