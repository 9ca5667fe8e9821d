using BenchmarkDotNet.Running;

namespace TrackerPS.Benchmarks
{
    /// <summary>Entry point: <c>dotnet run -c Release --project tests/TrackerPS.Benchmarks -- --filter '*'</c> (see run.sh).</summary>
    public static class Program
    {
        public static void Main(string[] args)
        {
            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        }
    }
}
