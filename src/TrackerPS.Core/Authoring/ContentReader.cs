using System;
using System.IO;
using System.Threading;
using TrackerPS.Core.IO;
using System.Runtime.CompilerServices;
using TrackerPS.Core.Runtime;

namespace TrackerPS.Core.Authoring
{
    /// <summary>
    /// Reads a layout's byte stream in order, file after file, pads as zeros. Files are opened for reading only, shared
    /// for reading, writing and deletion and not locked (<see cref="ReadOnlyFile"/>), so a running client is never locked out. In <see cref="ContentReadMode.Create"/>
    /// mode a file that is shorter or longer than its layout entry (it changed while hashed) is a
    /// <see cref="ContentReadException"/>; in <see cref="ContentReadMode.Verify"/> mode missing bytes read as zeros and
    /// what was found is kept in <see cref="States"/>. Files are read unbuffered (the reads are large), so a file costs
    /// no buffer of its own. <see cref="Seek"/> moves to a piece boundary, so several readers over one layout can each read
    /// their own chunks (<see cref="HashingPipeline"/>).
    /// </summary>
    public sealed class ContentReader : IDisposable
    {
        /// <summary>The most bytes read between two checks of the cancellation token: 1 MiB.</summary>
        public const int SliceSize = 1024 * 1024;

        private readonly ContentLayout _layout;
        private readonly ContentReadMode _mode;
        private readonly bool _zeroPads;
        private int _entry;
        private long _position;
        private Stream? _stream;
        private bool _ended;

        /// <summary>Starts at the beginning of the stream.</summary>
        /// <param name="layout">The layout.</param>
        /// <param name="mode">How mismatches are treated.</param>
        /// <remarks>
        /// The zeros of pads are written into the buffer only for a layout that is not aligned (a v1 torrent with pad
        /// files). In an aligned layout a pad only ends a file's last piece, and the hashing adds its zeros itself
        /// (<see cref="HashingPipeline"/>), so a torrent of many small files costs no time and no buffer room for its
        /// pads, which can be far larger than the data.
        /// </remarks>
        public ContentReader(ContentLayout layout, ContentReadMode mode)
        {
            _layout = layout ?? throw new ArgumentNullException(nameof(layout));
            _mode = mode;
            _zeroPads = !layout.IsAligned;
            States = new FileReadState[layout.Entries.Count];
        }

        /// <summary>Per layout entry, what was found (Verify mode: in Create mode a mismatch throws, and lengths are not read; null for pads and entries not reached yet).</summary>
        public FileReadState?[] States { get; }

        /// <summary>How mismatches are treated.</summary>
        public ContentReadMode Mode => _mode;

        /// <summary>
        /// Moves to <paramref name="offset"/> in the stream: the next <see cref="Fill"/> reads from there. The empty files
        /// at that offset are left to the read that ends there (<see cref="Fill"/> takes them), except at offset 0.
        /// </summary>
        /// <param name="offset">Where to read next, in bytes from the stream's start; at most its length.</param>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="offset"/> is outside the stream.</exception>
        public void Seek(long offset)
        {
            if (offset < 0 || offset > _layout.StreamLength)
            {
                throw new ArgumentOutOfRangeException(nameof(offset), offset, $"The stream is {_layout.StreamLength} bytes.");
            }

            int entry = offset == 0 ? 0 : FirstEndingAfter(offset);
            if (entry != _entry)
            {
                Dispose();
                _entry = entry;
                _ended = false;
            }

            _position = entry < _layout.Entries.Count ? offset - _layout.Entries[entry].Offset : 0;
            if (_stream is not null)
            {
                _stream.Position = _position;
            }
        }

        /// <summary>
        /// Takes in what another reader over the same layout found, for the files both read part of: the file counts as
        /// there only if both found it, with the larger length and the first error.
        /// </summary>
        /// <param name="other">The other reader.</param>
        internal void MergeStates(ContentReader other)
        {
            for (int i = 0; i < States.Length; i++)
            {
                FileReadState? theirs = other.States[i];
                FileReadState? mine = States[i];
                if (theirs is null)
                {
                    continue;
                }

                if (mine is null)
                {
                    States[i] = theirs;
                    continue;
                }

                mine.Exists &= theirs.Exists;
                mine.ActualLength = Math.Max(mine.ActualLength, theirs.ActualLength);
                mine.Error ??= theirs.Error;
            }
        }

        /// <summary>
        /// Reads the next <paramref name="count"/> bytes of the stream into <paramref name="buffer"/>. In an aligned
        /// layout pads take no room: the buffer gets the files' bytes back to back, so a chunk of small padded files holds
        /// as many of them as fit.
        /// </summary>
        /// <param name="buffer">Where to put them.</param>
        /// <param name="count">How many bytes of the stream to read; fewer only at the end of the stream.</param>
        /// <param name="cancellationToken">Checked between slices.</param>
        /// <returns>The number of bytes written to <paramref name="buffer"/>: the stream bytes read, less the pads of an aligned layout.</returns>
        /// <exception cref="ContentReadException">Create mode: a file changed size, or could not be opened or read.</exception>
        [MethodImpl(HotPath.Optimized)]
        public int Fill(byte[] buffer, long count, CancellationToken cancellationToken)
        {
            long consumed = 0;
            int stored = 0;
            // Empty files right after the bytes asked for are taken too, so those at the stream's end are checked.
            while (_entry < _layout.Entries.Count && (consumed < count || _layout.Entries[_entry].Length == 0))
            {
                cancellationToken.ThrowIfCancellationRequested();
                LayoutEntry entry = _layout.Entries[_entry];
                int want = (int)Math.Min(Math.Min(count - consumed, entry.Length - _position), SliceSize);
                if (want > 0)
                {
                    bool kept = entry.File is not null || _zeroPads;
                    ReadSlice(entry, buffer, stored, want);
                    consumed += want;
                    stored += kept ? want : 0;
                    _position += want;
                }

                if (_position == entry.Length)
                {
                    FinishEntry(entry);
                }
            }

            return stored;
        }

        /// <summary>Closes the file being read.</summary>
        public void Dispose()
        {
            _stream?.Dispose();
            _stream = null;
        }

        [MethodImpl(HotPath.Optimized)]
        private void ReadSlice(LayoutEntry entry, byte[] buffer, int offset, int count)
        {
            if (entry.File is null)
            {
                if (_zeroPads)
                {
                    Array.Clear(buffer, offset, count);
                }

                return;
            }

            if ((_stream is null && !_ended && !Open(entry)) || _ended)
            {
                Array.Clear(buffer, offset, count);
                return;
            }

            int read = 0;
            try
            {
                while (read < count)
                {
                    int n = _stream!.Read(buffer, offset + read, count - read);
                    if (n == 0)
                    {
                        break;
                    }

                    read += n;
                }
            }
            catch (IOException e)
            {
                Fail(entry.File, $"Cannot read '{entry.File.FullPath}': {e.Message}", e);
            }

            if (read < count)
            {
                if (_mode == ContentReadMode.Create)
                {
                    throw new ContentReadException(entry.File.FullPath, $"'{entry.File.FullPath}' changed size while it was hashed: it was {entry.File.Length} bytes, it now ends at {_position + read}.");
                }

                _ended = true;
                Array.Clear(buffer, offset + read, count - read);
            }
        }

        [MethodImpl(HotPath.Optimized)]
        private bool Open(LayoutEntry entry)
        {
            ContentFile file = entry.File!;
            var state = new FileReadState();
            States[_entry] = state;
            try
            {
                // A buffer size of 1 is no buffer: the reads are large, and 20,000 small files would otherwise each cost one.
                _stream = ReadOnlyFile.Open(file.FullPath, 1, FileOptions.SequentialScan);
                state.Exists = true;
                // Only a check reports lengths; each asks the system (an fstat), which 20,000 small files notice.
                state.ActualLength = _mode == ContentReadMode.Verify ? _stream.Length : 0;
                _stream.Position = _position;
                return true;
            }
            catch (Exception e) when (e is FileNotFoundException || e is DirectoryNotFoundException)
            {
                Fail(file, $"'{file.FullPath}' is missing.", e);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                Fail(file, $"Cannot open '{file.FullPath}': {e.Message}", e);
                state.Error = e.Message;
            }

            _ended = true;
            return false;
        }

        [MethodImpl(HotPath.Optimized)]
        private void FinishEntry(LayoutEntry entry)
        {
            if (entry.File is not null && _stream is not null)
            {
                if (_mode == ContentReadMode.Create && _stream.ReadByte() != -1)
                {
                    throw new ContentReadException(entry.File.FullPath, $"'{entry.File.FullPath}' changed size while it was hashed: it was {entry.File.Length} bytes and has grown.");
                }

                if (_mode == ContentReadMode.Verify && States[_entry] is FileReadState state)
                {
                    state.ActualLength = Math.Max(state.ActualLength, _stream.Length);
                }
            }
            else if (entry.File is not null && entry.Length == 0 && !entry.File.IsSymlink)
            {
                // An empty file must be there; a BEP 47 symlink holds no data and is not opened (its target may be missing).
                Open(entry);
            }

            Dispose();
            _entry++;
            _position = 0;
            _ended = false;
        }

        /// <summary>The first entry that ends after <paramref name="offset"/> (binary search; entries are back to back).</summary>
        private int FirstEndingAfter(long offset)
        {
            int low = 0;
            int high = _layout.Entries.Count;
            while (low < high)
            {
                int middle = low + ((high - low) / 2);
                if (_layout.Entries[middle].End > offset)
                {
                    high = middle;
                }
                else
                {
                    low = middle + 1;
                }
            }

            return low;
        }

        private void Fail(ContentFile file, string message, Exception inner)
        {
            if (_mode == ContentReadMode.Create)
            {
                throw new ContentReadException(file.FullPath, message, inner);
            }
        }
    }
}
