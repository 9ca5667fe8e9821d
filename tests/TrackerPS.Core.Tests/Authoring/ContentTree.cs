using System;
using System.IO;
using System.Text;

namespace TrackerPS.Core.Tests.Authoring
{
    /// <summary>A temporary folder of deterministic files for the creation and verification tests; deleted on dispose.</summary>
    internal sealed class ContentTree : IDisposable
    {
        public ContentTree()
        {
            Folder = Path.Combine(Path.GetTempPath(), "trackerps-content-" + Guid.NewGuid().ToString("N"));
            Root = Path.Combine(Folder, "tricky");
            Directory.CreateDirectory(Root);
        }

        public string Folder { get; }

        public string Root { get; }

        /// <summary>The tricky tree: b/ beside b-c, case-only differences, an empty file between unaligned ones, a file of exactly one 16 KiB piece, files under 16 KiB, a multi-piece file, a non-ASCII name.</summary>
        public static ContentTree Tricky()
        {
            var tree = new ContentTree();
            tree.Add("b/x.bin", 20000);
            tree.Add("b-c", 3000);
            tree.Add("B/y", 100);
            tree.Add("Case.txt", 5);
            tree.Add("case.txt", 7);
            tree.Add("e1.bin", 5000);
            tree.Add("e2-empty", 0);
            tree.Add("e3.bin", 7000);
            tree.Add("exact.bin", 16384);
            tree.Add("multi.bin", 70000);
            tree.Add("\u00e4/\u65e5\u672c.txt", 300);
            return tree;
        }

        public string Add(string relative, int length)
        {
            string path = Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var bytes = new byte[length];
            new Random(length + Encoding.UTF8.GetByteCount(relative)).NextBytes(bytes);
            File.WriteAllBytes(path, bytes);
            return path;
        }

        /// <summary>A symbolic link at <paramref name="relative"/> holding <paramref name="target"/> as it is.</summary>
        public string Link(string relative, string target)
        {
            string path = Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.CreateSymbolicLink(path, target);
            return path;
        }

        /// <summary>Plants a fault: flips the bits of <paramref name="mask"/> in the byte at <paramref name="offset"/> of a file.</summary>
        public void FlipBits(string relative, int offset, byte mask)
        {
            string path = Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));
            byte[] bytes = File.ReadAllBytes(path);
            bytes[offset] ^= mask;
            File.WriteAllBytes(path, bytes);
        }

        /// <summary>Lets the owner execute the file (mode 0755).</summary>
        public void MakeExecutable(string relative)
        {
            if (OperatingSystem.IsWindows())
            {
                throw new PlatformNotSupportedException("Windows files have no Unix mode.");
            }

            File.SetUnixFileMode(Path.Combine(Root, relative), (UnixFileMode)Convert.ToInt32("755", 8));
        }

        public void Dispose() => Directory.Delete(Folder, recursive: true);
    }
}
