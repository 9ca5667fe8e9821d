using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace TrackerPS.Benchmarks
{
    /// <summary>
    /// For operations that take seconds (waiting for timeouts): each iteration runs the operation once, with no
    /// pilot stage; 1 warm-up and 5 measured iterations, in-process.
    /// </summary>
    public sealed class WallClockBenchmarkConfig : ManualConfig
    {
        public WallClockBenchmarkConfig()
        {
            AddJob(Job.Default
                .WithStrategy(RunStrategy.Monitoring)
                .WithLaunchCount(1)
                .WithWarmupCount(1)
                .WithIterationCount(5)
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithId("WallClock"));
            AddDiagnoser(MemoryDiagnoser.Default);
            AddExporter(JsonExporter.Full);
        }
    }
}
