using System;
using System.Text;

namespace ParallelGen.Generator.Helpers;

/// <summary>
/// Writes C# source line by line with four-space indentation; <see cref="Block"/> opens a brace scope that its
/// disposal closes. Lines end with '\n' whatever the platform, so output is the same everywhere.
/// </summary>
internal sealed class IndentedWriter
{
    private const string IndentUnit = "    ";
    private readonly StringBuilder _builder;
    private int _depth;

    /// <summary>Creates a writer whose buffer starts at <paramref name="capacity"/> characters.</summary>
    public IndentedWriter(int capacity = 1024) => _builder = new StringBuilder(capacity);

    /// <summary>Writes one line at the current indentation (an empty line carries no indentation).</summary>
    public IndentedWriter Line(string text = "")
    {
        if (text.Length > 0)
        {
            for (var i = 0; i < _depth; i++)
            {
                _builder.Append(IndentUnit);
            }

            _builder.Append(text);
        }

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
        _depth++;
        return new Scope(this);
    }

    public override string ToString() => _builder.ToString();

    /// <summary>Closes a <see cref="Block"/>.</summary>
    public readonly struct Scope : IDisposable
    {
        private readonly IndentedWriter _writer;

        public Scope(IndentedWriter writer) => _writer = writer;

        public void Dispose()
        {
            _writer._depth--;
            _writer.Line("}");
        }
    }
}
