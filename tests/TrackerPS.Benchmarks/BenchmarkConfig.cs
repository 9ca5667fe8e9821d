using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace TrackerPS.Benchmarks
{
    /// <summary>
    /// One short job for every benchmark, so a full run takes a few minutes on 2 cores: 1 launch, 3 warm-up and
    /// 10 measured iterations, run in-process (no generated project to build, which the repository's
    /// TreatWarningsAsErrors props would also apply to). Allocations are measured; results are also written as
    /// JSON so run.sh can put them next to libtorrent's.
    /// </summary>
    public sealed class BenchmarkConfig : ManualConfig
    {
        public BenchmarkConfig()
        {
            AddJob(Job.Default
                .WithLaunchCount(1)
                .WithWarmupCount(3)
                .WithIterationCount(10)
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithId("Short"));
            AddDiagnoser(MemoryDiagnoser.Default);
            AddExporter(JsonExporter.Full);
        }
    }
}
