using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using System.Runtime.CompilerServices;
using TrackerPS.Core.Runtime;

namespace TrackerPS.Core.Authoring
{
    /// <summary>
    /// The hashing shared by New-Torrent and Test-Torrent. Reader threads (one per core, at most <see cref="MaxReaders"/>)
    /// each take the next chunk of whole pieces (an aligned layout's pads take no room in them) and read it with a
    /// <see cref="ContentReader"/> of their own, so the opening of many small files is shared too; worker threads (one per
    /// core) hash each chunk's pieces, SHA-1 for v1 and SHA-256 for v2, so a hybrid hashes each block read once on two
    /// cores at the same time. Memory is bounded: at most <see cref="MaxBufferedBytes"/> of chunks are in memory at once
    /// (more only when one piece is larger); a buffer is made only for a chunk handed out and is no larger than the bytes
    /// to read, so a small torrent does not allocate the buffers of a large one. Cancellation stops readers and workers
    /// within one 1 MiB slice or one piece.
    /// </summary>
    public sealed class HashingPipeline
    {
        /// <summary>
        /// The chunk size aimed for: 2 MiB, or one piece when pieces are larger. With 4 MiB, on 2 cores, checking a
        /// hybrid of 20,000 small files and two of 100 MiB peaked about 10 MiB higher, and making it as v2 took as long.
        /// </summary>
        public const int ChunkTarget = 2 * 1024 * 1024;

        /// <summary>The most bytes of chunks in memory at once, unless a single piece is larger: 32 MiB.</summary>
        public const long MaxBufferedBytes = 32L * 1024 * 1024;

        /// <summary>The most reader threads: 4.</summary>
        public const int MaxReaders = 4;

        private readonly ContentLayout _layout;
        private readonly bool _v1;
        private readonly bool _v2;
        private readonly int _workers;
        private long _hashed;

        /// <summary>Sets up hashing of a layout.</summary>
        /// <param name="layout">The layout; it must be aligned when <paramref name="v2"/> is set.</param>
        /// <param name="v1">Compute the v1 SHA-1 piece hashes.</param>
        /// <param name="v2">Compute the v2 SHA-256 roots and piece hashes.</param>
        /// <param name="workers">Hashing threads, and reader threads up to <see cref="MaxReaders"/>; 0 for one per core.</param>
        /// <exception cref="ArgumentException">v2 was asked of a layout that is not aligned.</exception>
        public HashingPipeline(ContentLayout layout, bool v1, bool v2, int workers = 0)
        {
            _layout = layout ?? throw new ArgumentNullException(nameof(layout));
            if (v2 && !layout.IsAligned)
            {
                throw new ArgumentException("v2 hashes need a layout where every file starts on a piece boundary.", nameof(layout));
            }

            _v1 = v1;
            _v2 = v2;
            _workers = workers > 0 ? workers : Math.Max(1, Environment.ProcessorCount);
        }

        /// <summary>Bytes of the stream hashed so far (pads included); safe to read from any thread.</summary>
        public long BytesHashed => Interlocked.Read(ref _hashed);

        /// <summary>
        /// Reads and hashes the whole stream on reader and worker threads; the calling thread waits. <paramref name="reader"/>
        /// is one of the readers, and when the run ends its <see cref="ContentReader.States"/> hold what every reader found.
        /// </summary>
        /// <param name="reader">A reader over the same layout, at the stream's start; the other readers take its mode.</param>
        /// <param name="cancellationToken">Stops the run.</param>
        /// <returns>The hashes.</returns>
        /// <exception cref="ContentReadException">A reader failed (Create mode).</exception>
        /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
        public PieceHashes Run(ContentReader reader, CancellationToken cancellationToken)
        {
            long pieceLength = _layout.PieceLength;
            long chunkBytes = Math.Max(1, ChunkTarget / pieceLength) * pieceLength;
            int slots = (int)Math.Max(2, Math.Min(_workers + 2, MaxBufferedBytes / chunkBytes));
            var work = new PieceWork(_layout, _v1, _v2);
            var chunks = new ChunkSequence(_layout, work, chunkBytes);
            // A chunk stores at most chunkBytes (or one piece, which fits in chunkBytes), and never more than the stream.
            long bufferBytes = Math.Min(chunkBytes, work.TotalStoredLength());
            var readers = new ContentReader[Math.Min(_workers, MaxReaders)];
            readers[0] = reader;
            for (int i = 1; i < readers.Length; i++)
            {
                readers[i] = new ContentReader(_layout, reader.Mode);
            }

            using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            using var queue = new BlockingCollection<WorkItem>();
            using var free = new SemaphoreSlim(slots, slots);
            var pool = new ConcurrentBag<byte[]>();
            var tasks = new Task[readers.Length + _workers];
            int reading = readers.Length;
            try
            {
                for (int i = 0; i < readers.Length; i++)
                {
                    ContentReader own = readers[i];
                    tasks[i] = Task.Factory.StartNew(() => ReadChunks(own, chunks, work, queue, pool, free, bufferBytes, failed, ref reading), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
                }

                for (int i = readers.Length; i < tasks.Length; i++)
                {
                    tasks[i] = Task.Factory.StartNew(() => Work(queue, work, pool, free, failed), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
                }

                WaitAll(tasks);
                cancellationToken.ThrowIfCancellationRequested();
                for (int i = 1; i < readers.Length; i++)
                {
                    reader.MergeStates(readers[i]);
                }
            }
            finally
            {
                for (int i = 1; i < readers.Length; i++)
                {
                    readers[i].Dispose();
                }
            }

            return work.Finish();
        }

        /// <summary>Waits for every task; then throws the first failure that is not a cancellation (readers come first).</summary>
        private static void WaitAll(Task[] tasks)
        {
            try
            {
                Task.WaitAll(tasks);
            }
            catch (AggregateException e)
            {
                foreach (Exception inner in e.InnerExceptions)
                {
                    if (inner is not OperationCanceledException)
                    {
                        throw inner;
                    }
                }
            }
        }

        /// <summary>One reader thread: takes chunks until none are left, reads each and queues its work items.</summary>
        [MethodImpl(HotPath.Optimized)]
        private void ReadChunks(ContentReader reader, ChunkSequence chunks, PieceWork work, BlockingCollection<WorkItem> queue, ConcurrentBag<byte[]> pool, SemaphoreSlim free, long bufferBytes, CancellationTokenSource failed, ref int reading)
        {
            try
            {
                while (true)
                {
                    free.Wait(failed.Token);
                    if (!chunks.TryTake(out long first, out int count, out long length))
                    {
                        free.Release();
                        return;
                    }

                    byte[] buffer = pool.TryTake(out byte[]? reused) ? reused : new byte[bufferBytes];
                    reader.Seek(first * _layout.PieceLength);
                    reader.Fill(buffer, length, failed.Token);
                    var chunk = new Chunk(buffer, first, count, length);
                    List<WorkItem> items = work.Split(chunk, _workers);
                    chunk.Pending = items.Count;
                    if (items.Count == 0)
                    {
                        Release(chunk, pool, free);
                    }

                    foreach (WorkItem item in items)
                    {
                        queue.Add(item, failed.Token);
                    }
                }
            }
            catch
            {
                failed.Cancel();
                throw;
            }
            finally
            {
                if (Interlocked.Decrement(ref reading) == 0)
                {
                    queue.CompleteAdding();
                }
            }
        }

        [MethodImpl(HotPath.Optimized)]
        private void Work(BlockingCollection<WorkItem> queue, PieceWork work, ConcurrentBag<byte[]> pool, SemaphoreSlim free, CancellationTokenSource failed)
        {
            using SHA1 sha1 = SHA1.Create();
            using SHA256 sha256 = SHA256.Create();
            try
            {
                foreach (WorkItem item in queue.GetConsumingEnumerable(failed.Token))
                {
                    work.Hash(item, sha1, sha256, failed.Token);
                    if (Interlocked.Decrement(ref item.Chunk.Pending) == 0)
                    {
                        Release(item.Chunk, pool, free);
                    }
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failed.Cancel();
                throw;
            }
        }

        private void Release(Chunk chunk, ConcurrentBag<byte[]> pool, SemaphoreSlim free)
        {
            Interlocked.Add(ref _hashed, chunk.Length);
            pool.Add(chunk.Buffer);
            free.Release();
        }
    }
}
