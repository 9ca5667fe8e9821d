using System.Globalization;
using System.Linq;
using System.Text;
using Xunit;

namespace TrackerPS.Core.Tests
{
    public sealed class UriEscapingTests
    {
        [Fact]
        public void EveryByteIsUnreservedOrPercentEncodedInUpperCase()
        {
            byte[] all = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
            string expected = string.Concat(all.Select(b =>
                char.IsAsciiLetterOrDigit((char)b) || "-._~".IndexOf((char)b) >= 0 ? ((char)b).ToString() : "%" + b.ToString("X2", CultureInfo.InvariantCulture)));

            Assert.Equal(expected, UriEscaping.Escape(all));
            Assert.Equal("x=" + expected, UriEscaping.EscapeTo(new StringBuilder("x="), all).ToString());
        }

        [Fact]
        public void KeepsTheGivenCharactersLiteral()
        {
            Assert.Equal("a:b%2Fc", UriEscaping.Escape(Encoding.ASCII.GetBytes("a:b/c"), keepLiteral: ":"));
        }
    }
}
