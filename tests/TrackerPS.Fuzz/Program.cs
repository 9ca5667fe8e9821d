using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using SharpFuzz;

namespace TrackerPS.Fuzz
{
    /// <summary>
    /// The fuzz harness. <c>fuzz TARGET</c> runs under afl-fuzz (tests/TrackerPS.Fuzz/fuzz.sh starts it);
    /// <c>replay TARGET PATH...</c> runs every file in the paths (files or folders, recursively) in this process and
    /// prints the ones that break the target's contract, with exit code 1 if any did.
    /// </summary>
    public static class Program
    {
        /// <summary>A replayed input slower than this is reported as slow (afl-fuzz counts it as a hang when it exceeds -t).</summary>
        private static readonly TimeSpan s_slow = TimeSpan.FromSeconds(1);

        /// <summary>Entry point.</summary>
        /// <param name="args">The mode and its arguments.</param>
        /// <returns>0 on success, 1 when a replayed input failed, 2 for a usage error.</returns>
        public static int Main(string[] args)
        {
            if (args.Length == 2 && args[0] == "fuzz")
            {
                FuzzTarget target = FuzzTargets.Get(args[1]);
                Fuzzer.OutOfProcess.Run(stream => target.Run(ReadAll(stream)));
                return 0;
            }

            if (args.Length >= 3 && args[0] == "replay")
            {
                return Replay(FuzzTargets.Get(args[1]), args.Skip(2).ToArray());
            }

            Console.Error.WriteLine("usage: TrackerPS.Fuzz fuzz TARGET | replay TARGET PATH...");
            foreach (FuzzTarget target in FuzzTargets.All)
            {
                Console.Error.WriteLine($"  {target.Name,-9} {target.Contract}");
            }

            return 2;
        }

        private static int Replay(FuzzTarget target, string[] paths)
        {
            string[] files = paths
                .SelectMany(p => Directory.Exists(p) ? Directory.GetFiles(p, "*", SearchOption.AllDirectories) : new[] { p })
                .OrderBy(f => f, StringComparer.Ordinal)
                .ToArray();
            int failed = 0;
            foreach (string file in files)
            {
                var watch = Stopwatch.StartNew();
                try
                {
                    target.Run(File.ReadAllBytes(file));
                }
                catch (Exception e)
                {
                    failed++;
                    for (Exception? level = e; level is not null; level = level.InnerException)
                    {
                        Console.WriteLine($"{(level == e ? "FAIL " + file : "     inner")}: {level.GetType().FullName}: {level.Message}");
                        Console.WriteLine("     " + level.StackTrace?.Split('\n').FirstOrDefault()?.Trim());
                    }
                }

                if (watch.Elapsed > s_slow)
                {
                    Console.WriteLine($"SLOW {file}: {watch.Elapsed.TotalSeconds:F1} s");
                }
            }

            Console.WriteLine($"{target.Name}: {files.Length} inputs, {failed} failed");
            return failed == 0 ? 0 : 1;
        }

        private static byte[] ReadAll(Stream stream)
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            return buffer.ToArray();
        }
    }
}
