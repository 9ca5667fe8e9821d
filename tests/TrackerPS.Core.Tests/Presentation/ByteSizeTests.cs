using System;
using System.Globalization;
using Xunit;

namespace TrackerPS.Core.Tests.Presentation
{
    public sealed class ByteSizeTests
    {
        [Theory]
        [InlineData(0L, "0 B")]
        [InlineData(600L, "600 B")]
        [InlineData(1023L, "1023 B")]
        [InlineData(1024L, "1.0 KiB")]
        [InlineData(40606L, "39.7 KiB")]
        [InlineData(1048575L, "1.0 MiB")]
        [InlineData(1288490189L, "1.2 GiB")]
        [InlineData(long.MaxValue, "8.0 EiB")]
        public void Format_UsesBinaryUnitsWithOneDecimal(long bytes, string expected)
        {
            Assert.Equal(expected, ByteSize.Format(bytes, CultureInfo.InvariantCulture));
        }

        [Fact]
        public void Format_UsesTheCultureDecimalSeparator()
        {
            Assert.Equal("1,5 KiB", ByteSize.Format(1536, CultureInfo.GetCultureInfo("de-DE")));
        }

        [Fact]
        public void Format_RejectsANegativeSize()
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => ByteSize.Format(-1));
        }
    }
}
