using System;
using System.Text;

namespace ParallelGen.Generator.Helpers;

/// <summary>
/// Writes C# source with four-space indentation; <see cref="Block"/> opens a brace scope that its disposal closes.
/// A line is either written whole (<see cref="Line"/>) or piece by piece (<see cref="Indent"/>, <see cref="Write"/>,
/// <see cref="EndLine"/>), so callers never concatenate a line just to write it. Lines end with '\n' whatever the
/// platform, so output is the same everywhere.
/// </summary>
internal sealed class IndentedWriter
{
    private const string IndentUnit = "    ";

    /// <summary>Buffers above this many characters (512 KB) are not kept for the next file: the compiler server is long-lived.</summary>
    private const int MaxRetainedCapacity = 256 * 1024;

    /// <summary>
    /// One buffer per thread, reused file after file: a build writes hundreds of files, and allocating a buffer for
    /// each (besides the file's string) would double what the generator allocates.
    /// </summary>
    [ThreadStatic]
    private static StringBuilder? s_cachedBuilder;

    private readonly StringBuilder _builder;
    private int _depth;
    private string _indentation = string.Empty;

    /// <summary>Creates a writer whose buffer holds at least <paramref name="capacity"/> characters.</summary>
    public IndentedWriter(int capacity = 1024)
    {
        var cached = s_cachedBuilder;
        s_cachedBuilder = null;
        if (cached is not null && cached.Capacity >= capacity)
        {
            _builder = cached.Clear();
        }
        else
        {
            _builder = new StringBuilder(capacity);
        }
    }

    /// <summary>The indentation of the current depth, for text prepared once and written several times.</summary>
    public string Indentation => _indentation;

    /// <summary>Writes one line at the current indentation (an empty line carries no indentation).</summary>
    public IndentedWriter Line(string text = "")
    {
        if (text.Length > 0)
        {
            _builder.Append(_indentation).Append(text);
        }

        _builder.Append('\n');
        return this;
    }

    /// <summary>Starts a line: writes the current indentation.</summary>
    public IndentedWriter Indent()
    {
        _builder.Append(_indentation);
        return this;
    }

    /// <summary>Writes text as is: part of a line, or whole lines prepared with <see cref="Indentation"/>.</summary>
    public IndentedWriter Write(string text)
    {
        _builder.Append(text);
        return this;
    }

    /// <summary>Ends the current line.</summary>
    public IndentedWriter EndLine()
    {
        _builder.Append('\n');
        return this;
    }

    /// <summary>Writes <paramref name="header"/> (if any), an opening brace, and indents until the scope is disposed.</summary>
    public Scope Block(string? header = null)
    {
        if (header is not null)
        {
            Line(header);
        }

        Line("{");
        SetDepth(_depth + 1);
        return new Scope(this);
    }

    public override string ToString() => _builder.ToString();

    /// <summary>Returns the text and hands the buffer back for the next writer on this thread; the writer is done.</summary>
    public string ToStringAndRelease()
    {
        var text = _builder.ToString();
        if (_builder.Capacity <= MaxRetainedCapacity)
        {
            s_cachedBuilder = _builder;
        }

        return text;
    }

    private void SetDepth(int depth)
    {
        _depth = depth;
        _indentation = depth switch
        {
            0 => string.Empty,
            1 => IndentUnit,
            2 => IndentUnit + IndentUnit,
            3 => IndentUnit + IndentUnit + IndentUnit,
            _ => new StringBuilder(depth * IndentUnit.Length).Insert(0, IndentUnit, depth).ToString(),
        };
    }

    /// <summary>Closes a <see cref="Block"/>.</summary>
    public readonly struct Scope : IDisposable
    {
        private readonly IndentedWriter _writer;

        public Scope(IndentedWriter writer) => _writer = writer;

        public void Dispose()
        {
            _writer.SetDepth(_writer._depth - 1);
            _writer.Line("}");
        }
    }
}
