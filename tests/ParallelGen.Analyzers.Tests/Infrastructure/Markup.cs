using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace ParallelGen.Analyzers.Tests.Infrastructure;

/// <summary>A diagnostic a test expects: its id and the span of source it covers.</summary>
public readonly record struct ExpectedDiagnostic(string Id, TextSpan Span);

/// <summary>
/// Reads test markup: <c>{|PG0101:text|}</c> expects diagnostic PG0101 exactly on <c>text</c>;
/// <c>[|text|]</c> expects the test's default id there. Markers may nest. The markers are removed from the source.
/// </summary>
public static class Markup
{
    /// <summary>Splits <paramref name="markup"/> into the plain source and the diagnostics it marks.</summary>
    public static (string Source, IReadOnlyList<ExpectedDiagnostic> Expected) Parse(string markup, string? defaultId = null)
    {
        var source = new StringBuilder(markup.Length);
        var expected = new List<ExpectedDiagnostic>();
        var open = new Stack<(string Id, int Start)>();
        var i = 0;
        while (i < markup.Length)
        {
            if (At(markup, i, "{|"))
            {
                var colon = markup.IndexOf(':', i + 2);
                if (colon < 0)
                {
                    throw new FormatException($"Markup '{{|' at {i} has no ':' after its id.");
                }

                open.Push((markup.Substring(i + 2, colon - i - 2), source.Length));
                i = colon + 1;
            }
            else if (At(markup, i, "[|"))
            {
                open.Push((defaultId ?? throw new FormatException("Markup '[|' needs a default id."), source.Length));
                i += 2;
            }
            else if (At(markup, i, "|}") || At(markup, i, "|]"))
            {
                if (open.Count == 0)
                {
                    throw new FormatException($"Markup closes at {i} without an opening marker.");
                }

                var (id, start) = open.Pop();
                expected.Add(new ExpectedDiagnostic(id, TextSpan.FromBounds(start, source.Length)));
                i += 2;
            }
            else
            {
                source.Append(markup[i]);
                i++;
            }
        }

        if (open.Count != 0)
        {
            throw new FormatException($"Markup for {open.Peek().Id} is never closed.");
        }

        expected.Sort((a, b) => a.Span.Start != b.Span.Start ? a.Span.Start.CompareTo(b.Span.Start) : string.CompareOrdinal(a.Id, b.Id));
        return (source.ToString(), expected);
    }

    private static bool At(string text, int index, string token) =>
        string.CompareOrdinal(text, index, token, 0, token.Length) == 0;
}
