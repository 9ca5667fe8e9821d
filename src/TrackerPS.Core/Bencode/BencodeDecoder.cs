using System;
using System.Runtime.CompilerServices;
using System.Collections.Generic;
using TrackerPS.Core.Runtime;

namespace TrackerPS.Core.Bencode
{
    /// <summary>
    /// Decodes bencode (BEP 3 §bencoding) from bytes. The decoder is iterative (an explicit stack, so no input can
    /// overflow the call stack), copies no string bytes, and records each value's exact byte range. It writes a flat
    /// token list (<see cref="BencodeTokenList"/>); value objects are created from it only when read.
    /// Always errors: a truncated value, a length prefix past the end, a missing <c>e</c>, integer overflow (unless <see cref="BencodeLimits.AllowBigIntegers"/>),
    /// a non-string dictionary key, a duplicate key, and any <see cref="BencodeLimits"/> limit exceeded.
    /// Warnings in lenient mode, errors in strict mode: unsorted keys, leading zeros, <c>-0</c>; the first
    /// <see cref="WarningList.MaxWarnings"/> are kept and the rest counted in <see cref="BencodeDocument.DroppedWarnings"/>.
    /// Time and memory are linear in the input (duplicate keys of an unsorted dictionary: O(n log n) comparisons).
    /// </summary>
    public sealed class BencodeDecoder
    {
        private const int InitialFrames = 4;
        private readonly byte[] _data;
        // The input is _data[_start.._end]; positions and token offsets index _data, errors and warnings are relative to _start.
        private readonly int _start;
        private readonly int _end;
        private readonly BencodeLimits _limits;
        private readonly string? _sourceName;
        private readonly List<BencodeDiagnostic> _warnings = new List<BencodeDiagnostic>();
        private readonly BencodeTokenList _tokens;
        private readonly IDeferredList? _deferred;
        // The open containers, innermost last: structs in one array, reused by every container opened at that depth.
        private ContainerFrame[] _frames = new ContainerFrame[InitialFrames];
        private int _depth;
        private int _position;
        private int _tokenCount;
        private int _droppedWarnings;

        private BencodeDecoder(ArraySegment<byte> data, BencodeLimits limits, string? sourceName, IDeferredList? deferred)
        {
            _deferred = deferred;
            _data = data.Array!;
            _start = data.Offset;
            _end = data.Offset + data.Count;
            _position = _start;
            _limits = limits;
            _sourceName = sourceName;
            _tokens = new BencodeTokenList(_data);
        }

        /// <summary>Decodes one bencoded value from <paramref name="data"/>.</summary>
        /// <param name="data">The input; it is kept (not copied) by the decoded values.</param>
        /// <param name="limits">Limits and strictness, or null for <see cref="BencodeLimits.Default"/>.</param>
        /// <param name="sourceName">The input's name for error messages (a file path or URL), or null.</param>
        /// <returns>The decoded document.</returns>
        /// <exception cref="BencodeException">The input is not valid bencode or breaks a limit.</exception>
        public static BencodeDocument Decode(byte[] data, BencodeLimits? limits = null, string? sourceName = null)
        {
            if (data is null)
            {
                throw new ArgumentNullException(nameof(data));
            }

            return Decode(new ArraySegment<byte>(data), limits, sourceName);
        }

        /// <summary>
        /// Decodes one bencoded value from a part of an array, without copying it: a peer message read into a connection's
        /// buffer. Error and warning offsets count from the segment's start.
        /// </summary>
        /// <param name="data">The input; its array is kept (not copied) by the decoded values.</param>
        /// <param name="limits">Limits and strictness, or null for <see cref="BencodeLimits.Default"/>.</param>
        /// <param name="sourceName">The input's name for error messages, or null.</param>
        /// <returns>The decoded document.</returns>
        /// <exception cref="BencodeException">The input is not valid bencode or breaks a limit.</exception>
        public static BencodeDocument Decode(ArraySegment<byte> data, BencodeLimits? limits = null, string? sourceName = null)
        {
            if (data.Array is null)
            {
                throw new ArgumentNullException(nameof(data));
            }

            return Decode(data, limits, sourceName, deferred: null);
        }

        /// <summary>Decodes as <see cref="Decode(byte[], BencodeLimits?, string?)"/> does, leaving one list to <paramref name="deferred"/> when it accepts it.</summary>
        internal static BencodeDocument Decode(ArraySegment<byte> data, BencodeLimits? limits, string? sourceName, IDeferredList? deferred)
        {
            limits ??= BencodeLimits.Default;
            limits.Validate();
            return new BencodeDecoder(data, limits, sourceName, deferred).DecodeDocument();
        }

        [MethodImpl(HotPath.Optimized)]
        private BencodeDocument DecodeDocument()
        {
            if (_end - _start > _limits.MaxInputSize)
            {
                throw Error(_start, $"input is {_end - _start} bytes, more than the limit of {_limits.MaxInputSize} bytes");
            }

            if (_end == _start)
            {
                throw Error(_start, "input is empty");
            }

            do
            {
                Step();
            }
            while (_depth > 0);

            int trailing = _end - _position;
            if (trailing > 0 && !_limits.AllowTrailingBytes)
            {
                throw Error(_position, $"{trailing} unexpected byte(s) after the root value");
            }

            return new BencodeDocument(_tokens.Create(0), _warnings.ToArray(), trailing) { DroppedWarnings = _droppedWarnings };
        }

        /// <summary>Reads one token: a scalar, a container's start or end, or a dictionary key.</summary>
        [MethodImpl(HotPath.Optimized)]
        private void Step()
        {
            if (_position >= _end)
            {
                throw _depth == 0
                    ? Error(_position, "unexpected end of input")
                    : Error(_position, $"unexpected end of input: missing 'e' for the {Top.Describe()} starting at byte {_tokens.Offset(Top.Index) - _start}");
            }

            byte b = _data[_position];
            if (b == (byte)'e' && _depth > 0)
            {
                _position++;
                CloseContainer();
                return;
            }

            if (_depth > 0 && Top.ExpectsKey)
            {
                if (b < (byte)'0' || b > (byte)'9')
                {
                    throw Error(_position, $"dictionary key must be a byte string, found {Describe(b)}");
                }

                SetKey(ReadString());
                return;
            }

            switch (b)
            {
                case (byte)'i':
                    ReadInteger();
                    AddToParent();
                    return;
                case (byte)'l':
                case (byte)'d':
                    if (b == (byte)'l' && _deferred is not null && TryDefer(_deferred))
                    {
                        return;
                    }

                    OpenContainer(b == (byte)'d');
                    return;
                default:
                    if (b >= (byte)'0' && b <= (byte)'9')
                    {
                        ReadString();
                        AddToParent();
                        return;
                    }

                    throw Error(_position, $"expected a value, found {Describe(b)}");
            }
        }

        private ref ContainerFrame Top => ref _frames[_depth - 1];

        [MethodImpl(HotPath.Optimized)]
        private void OpenContainer(bool isDictionary)
        {
            if (_depth >= _limits.MaxDepth)
            {
                throw Error(_position, $"nesting is deeper than the limit of {_limits.MaxDepth}");
            }

            CountToken();
            if (_depth == _frames.Length)
            {
                Array.Resize(ref _frames, _frames.Length * 2);
            }

            _frames[_depth++] = new ContainerFrame(_tokens.OpenContainer(_position), isDictionary);
            _position++;
        }

        /// <summary>
        /// Leaves the list about to be read to <paramref name="deferred"/> when it sits at its key path and it accepts it
        /// within the depth and token limits: one token, no children, counted as all the values it holds. Otherwise the
        /// list is decoded as usual, so any error or limit is met where it always was.
        /// </summary>
        private bool TryDefer(IDeferredList deferred)
        {
            IReadOnlyList<string> path = deferred.KeyPath;
            if (_depth != path.Count || _depth + deferred.Depth > _limits.MaxDepth)
            {
                return false;
            }

            for (int i = 0; i < _depth; i++)
            {
                int key = _frames[i].PendingKey;
                if (!_frames[i].IsDictionary || key < 0 || !_tokens.StringEquals(key, path[i]))
                {
                    return false;
                }
            }

            if (!deferred.TryMeasure(_data, _position, _end, out int listEnd, out int tokenCount) || tokenCount > _limits.MaxTokens - _tokenCount)
            {
                return false;
            }

            _tokenCount += tokenCount;
            int index = _tokens.OpenContainer(_position);
            _tokens.CloseContainer(index, listEnd);
            _tokens.Defer(index);
            _position = listEnd;
            AddToParent();
            return true;
        }

        /// <summary>Ends the innermost container at the 'e' just read, then counts it as a child of its parent.</summary>
        [MethodImpl(HotPath.Optimized)]
        private void CloseContainer()
        {
            ref ContainerFrame frame = ref Top;
            if (frame.PendingKey >= 0)
            {
                throw Error(_position - 1, $"dictionary key '{_tokens.StringText(frame.PendingKey)}' has no value");
            }

            if (frame.Unsorted)
            {
                RejectDuplicateKeys(frame.Index, frame.ChildCount / 2);
            }

            _tokens.CloseContainer(frame.Index, _position);
            _depth--;
            AddToParent();
        }

        /// <summary>Counts a completed value as a child of the innermost container, if any.</summary>
        [MethodImpl(HotPath.Optimized)]
        private void AddToParent()
        {
            if (_depth > 0)
            {
                ref ContainerFrame frame = ref Top;
                frame.ChildCount++;
                frame.PendingKey = -1;
            }
        }

        /// <summary>
        /// Records a dictionary key: keys must differ; out of order they are a warning (or a strict error). While the keys
        /// are sorted a duplicate is the previous key; once they are not, the dictionary is checked for duplicates when it
        /// closes (<see cref="RejectDuplicateKeys"/>).
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        private void SetKey(int key)
        {
            ref ContainerFrame frame = ref Top;
            if (frame.PreviousKey >= 0 && !frame.Unsorted)
            {
                int order = _tokens.CompareStrings(frame.PreviousKey, key);
                if (order > 0)
                {
                    frame.Unsorted = true;
                    if (KeepsNextWarning)
                    {
                        NonCanonical(_tokens.Offset(key), $"dictionary keys are not sorted: '{_tokens.StringText(key)}' after '{_tokens.StringText(frame.PreviousKey)}'");
                    }
                    else
                    {
                        _droppedWarnings++;
                    }
                }
                else if (order == 0)
                {
                    throw Error(_tokens.Offset(key), $"duplicate dictionary key '{_tokens.StringText(key)}'");
                }
            }

            frame.ChildCount++;
            frame.PendingKey = key;
            frame.PreviousKey = key;
        }

        /// <summary>Fails on the first key (in input order) of the dictionary at <paramref name="dictionary"/> that repeats an earlier one (<see cref="DuplicateKeys"/>).</summary>
        private void RejectDuplicateKeys(int dictionary, int keyCount)
        {
            int duplicate = DuplicateKeys.FindFirst(_tokens, dictionary, keyCount);
            if (duplicate >= 0)
            {
                throw Error(_tokens.Offset(duplicate), $"duplicate dictionary key '{_tokens.StringText(duplicate)}'");
            }
        }

        [MethodImpl(HotPath.Optimized)]
        private int ReadInteger()
        {
            int start = _position;
            CountToken();
            _position++;
            bool negative = Peek() == (byte)'-';
            if (negative)
            {
                _position++;
            }

            int digitsStart = _position;
            long value = _limits.AllowBigIntegers ? ReadBigDigits(negative) : ReadDigits(negative, "integer");
            if (_position == digitsStart)
            {
                throw Error(_position, "expected a digit in integer");
            }

            if (Peek() != (byte)'e')
            {
                throw Error(_position, _position >= _end ? "unexpected end of input: missing 'e' after integer" : $"expected 'e' after integer, found {Describe(_data[_position])}");
            }

            _position++;
            if (negative && value == 0 && _data[digitsStart] == (byte)'0')
            {
                NonCanonical(start, "integer is negative zero (-0)");
            }
            else if (_data[digitsStart] == (byte)'0' && _position - digitsStart > 2)
            {
                NonCanonical(start, "integer has a leading zero");
            }

            return _tokens.AddInteger(start, _position - start, value);
        }

        [MethodImpl(HotPath.Optimized)]
        private int ReadString()
        {
            int start = _position;
            CountToken();
            long length = ReadDigits(false, "string length");
            if (Peek() != (byte)':')
            {
                throw Error(_position, _position >= _end ? "unexpected end of input: expected ':' after string length" : $"expected ':' after string length, found {Describe(_data[_position])}");
            }

            if (_data[start] == (byte)'0' && _position - start > 1)
            {
                NonCanonical(start, "string length has a leading zero");
            }

            _position++;
            int remaining = _end - _position;
            if (length > remaining)
            {
                throw Error(start, $"string length {length} exceeds the {remaining} byte(s) left in the input");
            }

            int contentStart = _position;
            _position += (int)length;
            return _tokens.AddString(start, _position - start, contentStart);
        }

        /// <summary>Reads decimal digits into a 64-bit value, as negative when asked, failing on overflow.</summary>
        [MethodImpl(HotPath.Optimized)]
        private long ReadDigits(bool negative, string what)
        {
            int start = _position;
            return DecimalDigits.TryRead(_data, ref _position, _end, negative, out long value)
                ? value
                : throw Error(start, $"{what} overflows a 64-bit integer");
        }

        /// <summary>Reads an integer's digits of any length: the 64-bit value, or 0 when it does not fit (<see cref="BInteger"/> reads the digits again).</summary>
        private long ReadBigDigits(bool negative)
        {
            if (DecimalDigits.TryRead(_data, ref _position, _end, negative, out long value))
            {
                return value;
            }

            // An overflow stops part-way through the digits: skip the rest.
            while (_position < _end && _data[_position] >= (byte)'0' && _data[_position] <= (byte)'9')
            {
                _position++;
            }

            return 0;
        }

        private int Peek() => _position < _end ? _data[_position] : -1;

        [MethodImpl(HotPath.Optimized)]
        private void CountToken()
        {
            if (++_tokenCount > _limits.MaxTokens)
            {
                throw Error(_position, $"more than the limit of {_limits.MaxTokens} values");
            }
        }

        /// <summary>False once <see cref="WarningList.MaxWarnings"/> warnings are kept (lenient mode): the next is only counted.</summary>
        private bool KeepsNextWarning => _limits.Strict || _warnings.Count < WarningList.MaxWarnings;

        private void NonCanonical(int offset, string message)
        {
            if (_limits.Strict)
            {
                throw Error(offset, message + " (not allowed in strict mode)");
            }

            if (KeepsNextWarning)
            {
                _warnings.Add(new BencodeDiagnostic(offset - _start, message));
            }
            else
            {
                _droppedWarnings++;
            }
        }

        private BencodeException Error(int offset, string reason) => new BencodeException(offset - _start, reason, _sourceName);

        private static string Describe(byte b) => b >= 0x21 && b < 0x7F ? $"'{(char)b}'" : $"byte 0x{b:X2}";
    }
}
