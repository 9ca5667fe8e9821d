using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using TrackerPS.Fuzz;
using Xunit;

namespace TrackerPS.Core.Tests.Fuzz
{
    /// <summary>
    /// Replays, on every test run, every input the fuzzer ever failed on (tests/TrackerPS.Fuzz/regression/TARGET/) and
    /// every seed (tests/TrackerPS.Fuzz/seeds/TARGET/) through that target's contract: each input parses or throws the
    /// documented error.
    /// </summary>
    public sealed class FuzzRegressionTests
    {
        private static readonly string s_root = Path.Combine(AppContext.BaseDirectory, "fuzz");

        public static IEnumerable<object[]> Inputs() =>
            from target in FuzzTargets.All
            from folder in new[] { "regression", "seeds" }
            let directory = Path.Combine(s_root, folder, target.Name)
            where Directory.Exists(directory)
            from file in Directory.GetFiles(directory).OrderBy(f => f, StringComparer.Ordinal)
            select new object[] { target.Name, folder + "/" + target.Name + "/" + Path.GetFileName(file) };

        [Theory]
        [MemberData(nameof(Inputs))]
        public void InputKeepsTheTargetsContract(string target, string input)
        {
            FuzzTargets.Get(target).Run(File.ReadAllBytes(Path.Combine(s_root, input)));
        }

        [Fact]
        public void EveryTargetHasSeeds()
        {
            foreach (FuzzTarget target in FuzzTargets.All)
            {
                Assert.NotEmpty(Directory.GetFiles(Path.Combine(s_root, "seeds", target.Name)));
            }
        }
    }
}
