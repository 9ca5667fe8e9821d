using System;
using System.Collections.Generic;

namespace TrackerPS.Core.Bencode
{
    /// <summary>
    /// Decodes bencode (BEP 3 §bencoding) from bytes. The decoder is iterative (an explicit stack, so no input can
    /// overflow the call stack), copies no string bytes, and records each value's exact byte range.
    /// Always errors: a truncated value, a length prefix past the end, a missing <c>e</c>, integer overflow,
    /// a non-string dictionary key, a duplicate key, and any <see cref="BencodeLimits"/> limit exceeded.
    /// Warnings in lenient mode, errors in strict mode: unsorted keys, leading zeros, <c>-0</c>.
    /// </summary>
    public sealed class BencodeDecoder
    {
        private readonly byte[] _data;
        private readonly BencodeLimits _limits;
        private readonly string? _sourceName;
        private readonly List<BencodeDiagnostic> _warnings = new List<BencodeDiagnostic>();
        private readonly Stack<ContainerFrame> _stack = new Stack<ContainerFrame>();
        // One frame per nesting depth, reused by every container opened at that depth: a torrent with 50,000 files
        // opens 100,000 containers, and a fresh frame (with its two lists) for each was half the decoder's allocations.
        private readonly List<ContainerFrame> _frames = new List<ContainerFrame>();
        private int _position;
        private int _tokens;

        private BencodeDecoder(byte[] data, BencodeLimits limits, string? sourceName)
        {
            _data = data;
            _limits = limits;
            _sourceName = sourceName;
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

            limits ??= BencodeLimits.Default;
            limits.Validate();
            return new BencodeDecoder(data, limits, sourceName).DecodeDocument();
        }

        private BencodeDocument DecodeDocument()
        {
            if (_data.Length > _limits.MaxInputSize)
            {
                throw Error(0, $"input is {_data.Length} bytes, more than the limit of {_limits.MaxInputSize} bytes");
            }

            if (_data.Length == 0)
            {
                throw Error(0, "input is empty");
            }

            BValue root = DecodeRoot();
            int trailing = _data.Length - _position;
            if (trailing > 0 && !_limits.AllowTrailingBytes)
            {
                throw Error(_position, $"{trailing} unexpected byte(s) after the root value");
            }

            return new BencodeDocument(root, _warnings.ToArray(), trailing);
        }

        private BValue DecodeRoot()
        {
            while (true)
            {
                BValue? completed = Step();
                if (completed is null)
                {
                    continue;
                }

                if (_stack.Count == 0)
                {
                    return completed;
                }

                _stack.Peek().Add(completed, this);
            }
        }

        /// <summary>Reads one token; returns a completed value, or null when a container was opened or a key read.</summary>
        private BValue? Step()
        {
            if (_position >= _data.Length)
            {
                throw _stack.Count == 0
                    ? Error(_position, "unexpected end of input")
                    : Error(_position, $"unexpected end of input: missing 'e' for the {_stack.Peek().Describe()} starting at byte {_stack.Peek().Offset}");
            }

            byte b = _data[_position];
            if (b == (byte)'e' && _stack.Count > 0)
            {
                ContainerFrame frame = _stack.Pop();
                _position++;
                return frame.Complete(_data, _position, this);
            }

            if (_stack.Count > 0 && _stack.Peek().ExpectsKey)
            {
                if (b < (byte)'0' || b > (byte)'9')
                {
                    throw Error(_position, $"dictionary key must be a byte string, found {Describe(b)}");
                }

                _stack.Peek().SetKey(ReadString(), this);
                return null;
            }

            switch (b)
            {
                case (byte)'i':
                    return ReadInteger();
                case (byte)'l':
                case (byte)'d':
                    OpenContainer(b == (byte)'d');
                    return null;
                default:
                    if (b >= (byte)'0' && b <= (byte)'9')
                    {
                        return ReadString();
                    }

                    throw Error(_position, $"expected a value, found {Describe(b)}");
            }
        }

        private void OpenContainer(bool isDictionary)
        {
            if (_stack.Count >= _limits.MaxDepth)
            {
                throw Error(_position, $"nesting is deeper than the limit of {_limits.MaxDepth}");
            }

            CountToken();
            if (_frames.Count == _stack.Count)
            {
                _frames.Add(new ContainerFrame());
            }

            ContainerFrame frame = _frames[_stack.Count];
            frame.Open(_position, isDictionary);
            _stack.Push(frame);
            _position++;
        }

        private BInteger ReadInteger()
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
            long value = ReadDigits(negative, "integer");
            if (_position == digitsStart)
            {
                throw Error(_position, "expected a digit in integer");
            }

            if (Peek() != (byte)'e')
            {
                throw Error(_position, _position >= _data.Length ? "unexpected end of input: missing 'e' after integer" : $"expected 'e' after integer, found {Describe(_data[_position])}");
            }

            _position++;
            if (negative && value == 0)
            {
                NonCanonical(start, "integer is negative zero (-0)");
            }
            else if (_data[digitsStart] == (byte)'0' && _position - digitsStart > 2)
            {
                NonCanonical(start, "integer has a leading zero");
            }

            return new BInteger(_data, start, _position - start, value);
        }

        private BString ReadString()
        {
            int start = _position;
            CountToken();
            long length = ReadDigits(false, "string length");
            if (Peek() != (byte)':')
            {
                throw Error(_position, _position >= _data.Length ? "unexpected end of input: expected ':' after string length" : $"expected ':' after string length, found {Describe(_data[_position])}");
            }

            if (_data[start] == (byte)'0' && _position - start > 1)
            {
                NonCanonical(start, "string length has a leading zero");
            }

            _position++;
            int remaining = _data.Length - _position;
            if (length > remaining)
            {
                throw Error(start, $"string length {length} exceeds the {remaining} byte(s) left in the input");
            }

            int contentStart = _position;
            _position += (int)length;
            return new BString(_data, start, _position - start, contentStart, (int)length);
        }

        /// <summary>Reads decimal digits into a 64-bit value, as negative when asked, failing on overflow.</summary>
        private long ReadDigits(bool negative, string what)
        {
            long value = 0;
            int start = _position;
            while (_position < _data.Length && _data[_position] >= (byte)'0' && _data[_position] <= (byte)'9')
            {
                int digit = _data[_position] - '0';
                // Accumulate as a negative number so that long.MinValue itself fits.
                if (value < (long.MinValue + digit) / 10)
                {
                    throw Error(start, $"{what} overflows a 64-bit integer");
                }

                value = (value * 10) - digit;
                _position++;
            }

            if (negative)
            {
                return value;
            }

            if (value == long.MinValue)
            {
                throw Error(start, $"{what} overflows a 64-bit integer");
            }

            return -value;
        }

        private int Peek() => _position < _data.Length ? _data[_position] : -1;

        private void CountToken()
        {
            if (++_tokens > _limits.MaxTokens)
            {
                throw Error(_position, $"more than the limit of {_limits.MaxTokens} values");
            }
        }

        private void NonCanonical(int offset, string message)
        {
            if (_limits.Strict)
            {
                throw Error(offset, message + " (not allowed in strict mode)");
            }

            _warnings.Add(new BencodeDiagnostic(offset, message));
        }

        private BencodeException Error(int offset, string reason) => new BencodeException(offset, reason, _sourceName);

        private static string Describe(byte b) => b >= 0x21 && b < 0x7F ? $"'{(char)b}'" : $"byte 0x{b:X2}";

        /// <summary>An open list or dictionary: its items so far and, for a dictionary, key order bookkeeping.</summary>
        private sealed class ContainerFrame
        {
            private readonly List<BValue> _items = new List<BValue>();
            private readonly List<KeyValuePair<BString, BValue>> _entries = new List<KeyValuePair<BString, BValue>>();
            private bool _isDictionary;
            private BString? _pendingKey;
            private BString? _previousKey;
            private HashSet<BString>? _seenKeys;

            public int Offset { get; private set; }

            /// <summary>Starts a new container at <paramref name="offset"/>, forgetting the previous one's state.</summary>
            public void Open(int offset, bool isDictionary)
            {
                Offset = offset;
                _isDictionary = isDictionary;
                _items.Clear();
                _entries.Clear();
                _pendingKey = null;
                _previousKey = null;
                _seenKeys = null;
            }

            public bool ExpectsKey => _isDictionary && _pendingKey is null;

            public string Describe() => _isDictionary ? "dictionary" : "list";

            public void SetKey(BString key, BencodeDecoder decoder)
            {
                if (_previousKey is not null && _seenKeys is null)
                {
                    int order = _previousKey.CompareBytes(key);
                    if (order > 0)
                    {
                        decoder.NonCanonical(key.Offset, $"dictionary keys are not sorted: '{key}' after '{_previousKey}'");
                        // Unsorted: a duplicate need not be adjacent any more, so track every key from here on.
                        _seenKeys = new HashSet<BString>();
                        foreach (KeyValuePair<BString, BValue> entry in _entries)
                        {
                            _seenKeys.Add(entry.Key);
                        }
                    }
                    else if (order == 0)
                    {
                        throw decoder.Error(key.Offset, $"duplicate dictionary key '{key}'");
                    }
                }

                if (_seenKeys is not null && !_seenKeys.Add(key))
                {
                    throw decoder.Error(key.Offset, $"duplicate dictionary key '{key}'");
                }

                _pendingKey = key;
                _previousKey = key;
            }

            public void Add(BValue value, BencodeDecoder decoder)
            {
                if (!_isDictionary)
                {
                    _items.Add(value);
                    return;
                }

                _entries.Add(new KeyValuePair<BString, BValue>(_pendingKey!, value));
                _pendingKey = null;
            }

            public BValue Complete(byte[] data, int end, BencodeDecoder decoder)
            {
                if (_pendingKey is not null)
                {
                    throw decoder.Error(end - 1, $"dictionary key '{_pendingKey}' has no value");
                }

                return _isDictionary
                    ? new BDictionary(data, Offset, end - Offset, _entries.ToArray())
                    : new BList(data, Offset, end - Offset, _items.ToArray());
            }
        }
    }
}
