using System.Buffers;
using System.IO.MemoryMappedFiles;

namespace Okr.Cli;

/// <summary>
/// A large document file mapped into memory, read-only. Reading a 400 MB file into an array made the kernel zero
/// and then copy 100,000 fresh pages; mapped, the pages already in the file cache are used as they are.
/// </summary>
internal sealed unsafe class MappedFile : MemoryManager<byte>
{
    /// <summary>Smaller files are read into an array: mapping them would save next to nothing.</summary>
    public const long MinBytes = 1 << 20;

    private readonly MemoryMappedFile _file;
    private readonly MemoryMappedViewAccessor _view;
    private readonly byte* _start;
    private readonly int _length;

    /// <summary>Maps the whole of <paramref name="stream"/> (at least <see cref="MinBytes"/>, at most <see cref="int.MaxValue"/> bytes).</summary>
    public MappedFile(FileStream stream)
    {
        _length = checked((int)stream.Length);
        _file = MemoryMappedFile.CreateFromFile(stream, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: true);
        try
        {
            _view = _file.CreateViewAccessor(0, _length, MemoryMappedFileAccess.Read);
            byte* pointer = null;
            _view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
            _start = pointer + _view.PointerOffset;
        }
        catch
        {
            _view?.Dispose();
            _file.Dispose();
            throw;
        }
    }

    public override Span<byte> GetSpan() => new(_start, _length);

    // The view never moves: pinning is a no-op.
    public override MemoryHandle Pin(int elementIndex = 0) => new(_start + elementIndex);

    public override void Unpin()
    {
    }

    protected override void Dispose(bool disposing)
    {
        _view.SafeMemoryMappedViewHandle.ReleasePointer();
        _view.Dispose();
        _file.Dispose();
    }
}
