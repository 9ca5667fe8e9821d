using TrackerPS.Core.Metainfo;
using Xunit;

namespace TrackerPS.Core.Tests.Metainfo
{
    public sealed class MetainfoLabelTests
    {
        [Fact]
        public void WholeName_IsKeptAsIs()
        {
            MetainfoLabel label = "info.piece length";

            Assert.Equal("info.piece length", label.ToString());
        }

        [Fact]
        public void FileLabels_JoinIndexKeyAndItem()
        {
            MetainfoLabel file = ((MetainfoLabel)"info.files").Index(12);

            Assert.Equal("info.files[12]", file.ToString());
            Assert.Equal("info.files[12].length", file.Key("length").ToString());
            Assert.Equal("info.files[12].path[2]", file.Key("path").Index(2).ToString());
            Assert.Equal("info.attr", ((MetainfoLabel)"info").Key("attr").ToString());
        }

        [Fact]
        public void NamesLongerThanTheParts_FallBackToOneString()
        {
            MetainfoLabel label = ((MetainfoLabel)"a").Index(1).Key("b").Index(2).Key("c").Index(3).Index(4);

            Assert.Equal("a[1].b[2].c[3][4]", label.ToString());
        }
    }
}
