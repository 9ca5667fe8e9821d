using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;

namespace TrackerPS.Core.Authoring
{
    /// <summary>
    /// The hashing shared by New-Torrent and Test-Torrent. One reader thread reads the layout's stream once, in chunks of
    /// whole pieces (an aligned layout's pads take no room in them); worker threads (one per core) hash each chunk's pieces, SHA-1 for v1 and SHA-256 for v2, so a hybrid
    /// hashes each block read once on two cores at the same time. Memory is bounded: at most <see cref="MaxBufferedBytes"/>
    /// of chunks are read ahead (more only when one piece is larger). Cancellation stops reader and workers within one
    /// 1 MiB slice or one piece.
    /// </summary>
    public sealed class HashingPipeline
    {
        /// <summary>The chunk size aimed for: 4 MiB, or one piece when pieces are larger.</summary>
        public const int ChunkTarget = 4 * 1024 * 1024;

        /// <summary>The most bytes of chunks in memory at once, unless a single piece is larger: 32 MiB.</summary>
        public const long MaxBufferedBytes = 32L * 1024 * 1024;

        /// <summary>The most pieces in one chunk, which bounds the work of one chunk when its pieces are mostly pad.</summary>
        private const int MaxChunkPieces = 4096;

        private readonly ContentLayout _layout;
        private readonly bool _v1;
        private readonly bool _v2;
        private readonly int _workers;
        private long _hashed;

        /// <summary>Sets up hashing of a layout.</summary>
        /// <param name="layout">The layout; it must be aligned when <paramref name="v2"/> is set.</param>
        /// <param name="v1">Compute the v1 SHA-1 piece hashes.</param>
        /// <param name="v2">Compute the v2 SHA-256 roots and piece hashes.</param>
        /// <param name="workers">Hashing threads; 0 for one per core.</param>
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

        /// <summary>Reads and hashes the whole stream on the calling thread and the workers.</summary>
        /// <param name="reader">The reader over the same layout.</param>
        /// <param name="cancellationToken">Stops the run.</param>
        /// <returns>The hashes.</returns>
        /// <exception cref="ContentReadException">The reader failed (Create mode).</exception>
        /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
        public PieceHashes Run(ContentReader reader, CancellationToken cancellationToken)
        {
            long pieceLength = _layout.PieceLength;
            int chunkPieces = (int)Math.Max(1, ChunkTarget / pieceLength);
            long chunkBytes = chunkPieces * pieceLength;
            int slots = (int)Math.Max(2, Math.Min(_workers + 2, MaxBufferedBytes / chunkBytes));
            var work = new PieceWork(_layout, _v1, _v2);
            using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            using var queue = new BlockingCollection<WorkItem>();
            using var free = new SemaphoreSlim(slots, slots);
            var pool = new ConcurrentBag<byte[]>();
            var workers = new Task[_workers];
            for (int i = 0; i < workers.Length; i++)
            {
                workers[i] = Task.Factory.StartNew(() => Work(queue, work, pool, free, failed), failed.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            }

            try
            {
                ReadAll(reader, work, queue, pool, free, chunkBytes, failed.Token);
            }
            catch
            {
                failed.Cancel();
                throw;
            }
            finally
            {
                queue.CompleteAdding();
                WaitAll(workers);
            }

            cancellationToken.ThrowIfCancellationRequested();
            return work.Finish();
        }

        private static void WaitAll(Task[] workers)
        {
            try
            {
                Task.WaitAll(workers);
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

        private void ReadAll(ContentReader reader, PieceWork work, BlockingCollection<WorkItem> queue, ConcurrentBag<byte[]> pool, SemaphoreSlim free, long chunkBytes, CancellationToken token)
        {
            long piece = 0;
            while (piece < _layout.PieceCount)
            {
                int count = PiecesThatFit(work, piece, chunkBytes);
                long length = Math.Min(count * _layout.PieceLength, _layout.StreamLength - (piece * _layout.PieceLength));
                free.Wait(token);
                byte[] buffer = pool.TryTake(out byte[]? reused) ? reused : new byte[chunkBytes];
                reader.Fill(buffer, length, token);
                var chunk = new Chunk(buffer, piece, count, length);
                List<WorkItem> items = work.Split(chunk, _workers);
                chunk.Pending = items.Count;
                if (items.Count == 0)
                {
                    Release(chunk, pool, free);
                }

                foreach (WorkItem item in items)
                {
                    queue.Add(item, token);
                }

                piece += count;
            }
        }

        /// <summary>
        /// How many pieces from <paramref name="first"/> one chunk takes: as many as their stored bytes fit in a buffer
        /// (at least one, at most <see cref="MaxChunkPieces"/>). Pads are not stored, so a chunk of small files in an
        /// aligned layout holds many of them, not two.
        /// </summary>
        private int PiecesThatFit(PieceWork work, long first, long chunkBytes)
        {
            long stored = work.StoredLength(first);
            int count = 1;
            while (count < MaxChunkPieces && first + count < _layout.PieceCount)
            {
                int next = work.StoredLength(first + count);
                if (stored + next > chunkBytes)
                {
                    break;
                }

                stored += next;
                count++;
            }

            return count;
        }

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
