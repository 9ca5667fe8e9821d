using System;
using TrackerPS.Core.Bencode;
using TrackerPS.Fuzz;
using Xunit;

namespace TrackerPS.Core.Tests.Fuzz
{
    /// <summary>The contract check itself: only the documented type, exactly, is swallowed.</summary>
    public sealed class FuzzTargetContractTests
    {
        [Fact]
        public void DocumentedErrorIsSwallowed()
        {
            new ThrowingTarget(new FormatException("bad")).Run(new byte[0]);
        }

        [Fact]
        public void SubclassOfTheDocumentedErrorIsAFinding()
        {
            Assert.Throws<UriFormatException>(() => new ThrowingTarget(new UriFormatException("bad")).Run(new byte[0]));
        }

        [Fact]
        public void DocumentedErrorWrappingAParseErrorIsSwallowed()
        {
            new ThrowingTarget(new FormatException("bad", new BencodeException(3, "bad", null))).Run(new byte[0]);
        }

        [Fact]
        public void DocumentedErrorWrappingAnotherErrorIsAFinding()
        {
            var e = Assert.Throws<FormatException>(() => new ThrowingTarget(new FormatException("contained", new IndexOutOfRangeException())).Run(new byte[0]));
            Assert.IsType<IndexOutOfRangeException>(e.InnerException);
        }

        [Fact]
        public void OtherErrorIsAFinding()
        {
            Assert.Throws<IndexOutOfRangeException>(() => new ThrowingTarget(new IndexOutOfRangeException()).Run(new byte[0]));
        }

        [Fact]
        public void UnknownTargetNamesTheTargets()
        {
            var e = Assert.Throws<ArgumentException>(() => FuzzTargets.Get("nope"));
            Assert.Contains("metainfo, bencode, http, udp, magnet", e.Message);
        }

        private sealed class ThrowingTarget : FuzzTarget
        {
            private readonly Exception _exception;

            public ThrowingTarget(Exception exception)
            {
                _exception = exception;
            }

            public override string Name => "throwing";

            public override string Contract => "FormatException";

            public override void Run(byte[] input) => Attempt<FormatException>(() => throw _exception);
        }
    }
}
