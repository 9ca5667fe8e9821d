using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using TrackerPS.Core.Threading;
using Xunit;

namespace TrackerPS.Core.Tests.Threading
{
    /// <summary>The pump performs queued writes on the calling thread and, when a write is refused, awaits the cancelled work's last step.</summary>
    public sealed class WritePumpTests
    {
        [Fact]
        public void PerformsTheWritesInOrderOnTheCallingThreadThenReturns()
        {
            var sink = new FakeSink();
            using var pump = new WritePump<FakeSink>();
            using var stopping = new CancellationTokenSource();

            pump.Run(sink, async _ =>
            {
                await Task.Yield();
                pump.Enqueue(s => s.Log("object 1"));
                pump.EnqueueDiagnostic(s => s.Log("verbose"));
                pump.Enqueue(s => s.Log("object 2"));
            }, stopping);

            Assert.Equal(new[] { "object 1", "verbose", "object 2" }, sink.Lines);
            Assert.All(sink.Threads, id => Assert.Equal(Environment.CurrentManagedThreadId, id));
        }

        [Fact]
        public void ARefusedWriteCancelsTheWorkButAwaitsItsStoppedAnnouncesBeforeRethrowing()
        {
            // Like -Repeat | Select-Object -First 1: the first peer is refused (the pipeline stopped downstream); the
            // repeat is cancelled and sends stopped, which it says in a verbose line and which is answered only once that
            // line was written (so a pump that returned at once would leave it unanswered).
            var sink = new FakeSink { RefuseObjects = true };
            var stoppedAnswered = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            using var pump = new WritePump<FakeSink>();
            using var stopping = new CancellationTokenSource();
            bool workEnded = false;

            Assert.Throws<RefusedException>(() => pump.Run(sink, async cancellationToken =>
            {
                try
                {
                    pump.Enqueue(s => s.Log("peer"));
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                }
                finally
                {
                    pump.EnqueueDiagnostic(s =>
                    {
                        s.Log("sending stopped");
                        stoppedAnswered.SetResult(true);
                    });
                    pump.Enqueue(s => s.Log("an object after the refusal"));
                    await stoppedAnswered.Task;
                    workEnded = true;
                }
            }, stopping));

            Assert.True(stopping.IsCancellationRequested);
            Assert.True(workEnded);
            Assert.Equal(new[] { "sending stopped" }, sink.Lines);
        }

        [Fact]
        public void SurfacesTheWorksException()
        {
            using var pump = new WritePump<FakeSink>();
            using var stopping = new CancellationTokenSource();

            Assert.Throws<InvalidOperationException>(() => pump.Run(new FakeSink(), _ => Task.FromException(new InvalidOperationException()), stopping));
        }

        private sealed class RefusedException : Exception
        {
        }

        private sealed class FakeSink
        {
            public bool RefuseObjects { get; set; }

            public List<string> Lines { get; } = new List<string>();

            public List<int> Threads { get; } = new List<int>();

            public void Log(string line)
            {
                if (RefuseObjects && line != "sending stopped")
                {
                    throw new RefusedException();
                }

                Lines.Add(line);
                Threads.Add(Environment.CurrentManagedThreadId);
            }
        }
    }
}
