using System;
using System.IO;
using System.Text;
using System.Runtime.CompilerServices;
using TrackerPS.Core.Runtime;

namespace TrackerPS.Core.Bencode
{
    /// <summary>
    /// Writes bencode (BEP 3) straight onto a stream, token by token, with no value tree in memory: what a large
    /// <c>info</c> dictionary of many files is written with. The caller opens and ends containers and writes a
    /// dictionary's keys in sorted order (raw bytes); integers are written without leading zeros.
    /// </summary>
    internal sealed class BencodeWriter
    {
        private readonly Stream _stream;
        private readonly byte[] _digits = new byte[20];

        public BencodeWriter(Stream stream)
        {
            _stream = stream;
        }

        /// <summary>Opens a dictionary: <c>d</c>.</summary>
        [MethodImpl(HotPath.Optimized)]
        public void StartDictionary() => _stream.WriteByte((byte)'d');

        /// <summary>Opens a list: <c>l</c>.</summary>
        [MethodImpl(HotPath.Optimized)]
        public void StartList() => _stream.WriteByte((byte)'l');

        /// <summary>Ends the innermost container: <c>e</c>.</summary>
        [MethodImpl(HotPath.Optimized)]
        public void End() => _stream.WriteByte((byte)'e');

        /// <summary>Writes an integer: <c>i…e</c>.</summary>
        [MethodImpl(HotPath.Optimized)]
        public void Integer(long value)
        {
            _stream.WriteByte((byte)'i');
            Digits(value);
            _stream.WriteByte((byte)'e');
        }

        /// <summary>Writes a decoded integer, one beyond 64 bits included: <c>i…e</c>.</summary>
        public void Integer(BInteger value)
        {
            if (!value.IsBig)
            {
                Integer(value.Value);
                return;
            }

            _stream.WriteByte((byte)'i');
            byte[] digits = Encoding.ASCII.GetBytes(value.ToString());
            _stream.Write(digits, 0, digits.Length);
            _stream.WriteByte((byte)'e');
        }

        /// <summary>Writes a byte string: its length, <c>:</c>, its bytes.</summary>
        public void String(byte[] bytes) => String(bytes, 0, bytes.Length);

        /// <summary>Writes part of an array as a byte string.</summary>
        [MethodImpl(HotPath.Optimized)]
        public void String(byte[] bytes, int offset, int count)
        {
            Digits(count);
            _stream.WriteByte((byte)':');
            _stream.Write(bytes, offset, count);
        }

        /// <summary>Writes text as a UTF-8 byte string.</summary>
        public void String(string text) => String(Encoding.UTF8.GetBytes(text));

        [MethodImpl(HotPath.Optimized)]
        private void Digits(long value)
        {
            if (value < 0)
            {
                _stream.WriteByte((byte)'-');
            }

            // long.MinValue has no positive counterpart: its digits are taken from the negative value.
            int at = _digits.Length;
            do
            {
                _digits[--at] = (byte)('0' + Math.Abs(value % 10));
                value /= 10;
            }
            while (value != 0);

            _stream.Write(_digits, at, _digits.Length - at);
        }
    }
}
