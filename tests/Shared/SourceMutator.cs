using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace ParallelGen.Tests.Shared;

/// <summary>One mutated source: a readable name (source, mutation, position) and the text.</summary>
/// <param name="Name">Identifies the variant so a failure can be reproduced.</param>
/// <param name="Source">The mutated C# text.</param>
public sealed record MutatedSource(string Name, string Source);

/// <summary>
/// Turns valid sources into broken or unusual ones, deterministically (same input, same variants, in the same order,
/// on every machine): tokens deleted, files cut short, the attribute moved onto fields, properties, types, parameters
/// and local functions, usings removed, types made unresolvable, and seeded combinations of those. Plain strings in,
/// strings out, so any test project can use it to prove a Roslyn component never throws on code being typed.
/// </summary>
public static class SourceMutator
{
    private static readonly Regex s_tokenPattern = new(
        """@?[A-Za-z_][A-Za-z0-9_]*|\d[\d_.]*[A-Za-z]*|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'|\S""",
        RegexOptions.CultureInvariant);

    private static readonly Regex s_attributePattern = new(@"\[Parallelizable[^\]]*\]", RegexOptions.CultureInvariant);

    private static readonly Regex s_usingPattern = new(@"^\s*using [^;=]+;\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant);

    private static readonly string[] s_typeKeywords = { "int", "string", "double", "long", "bool", "Task", "ValueTask", "CancellationToken", "T" };

    /// <summary>Every variant of every source, in a fixed order.</summary>
    public static IEnumerable<MutatedSource> Variants(IEnumerable<KeyValuePair<string, string>> sources)
    {
        foreach (var (name, source) in sources)
        {
            foreach (var variant in Variants(name, source))
            {
                yield return variant;
            }
        }
    }

    /// <summary>The variants of one source, in a fixed order (about a hundred for a typical shape source).</summary>
    public static IEnumerable<MutatedSource> Variants(string name, string source)
    {
        var tokens = s_tokenPattern.Matches(source).Cast<Match>().ToArray();

        // Each token deleted on its own (at most 48 evenly spread positions).
        foreach (var index in Spread(tokens.Length, 48))
        {
            yield return new(Label(name, "delete-token", index), Remove(source, tokens[index]));
        }

        // The file cut short at evenly spread positions.
        foreach (var cut in Spread(source.Length, 24))
        {
            yield return new(Label(name, "truncate", cut), source.Substring(0, cut));
        }

        // Every using directive removed, one at a time and all together.
        var usings = s_usingPattern.Matches(source).Cast<Match>().ToArray();
        for (var i = 0; i < usings.Length; i++)
        {
            yield return new(Label(name, "remove-using", i), Remove(source, usings[i]));
        }

        if (usings.Length > 1)
        {
            yield return new(Label(name, "remove-usings", usings.Length), s_usingPattern.Replace(source, string.Empty));
        }

        // Type names replaced by ones that do not resolve.
        var typeTokens = tokens.Where(static t => Array.IndexOf(s_typeKeywords, t.Value) >= 0).ToArray();
        foreach (var index in Spread(typeTokens.Length, 8))
        {
            var token = typeTokens[index];
            yield return new(Label(name, "unresolvable-type", index), source.Substring(0, token.Index) + "Missing" + token.Value + "Type" + source.Substring(token.Index + token.Length));
        }

        // The attribute moved (or copied) onto other targets.
        foreach (var variant in AttributeMoves(name, source))
        {
            yield return variant;
        }

        // Seeded combinations: two or three token deletions and a cut.
        var random = new SplitMix(Hash(name));
        for (var i = 0; i < 12 && tokens.Length > 3; i++)
        {
            var text = source;
            var deletions = 2 + random.Next(2);
            for (var d = 0; d < deletions; d++)
            {
                var current = s_tokenPattern.Matches(text).Cast<Match>().ToArray();
                if (current.Length == 0)
                {
                    break;
                }

                text = Remove(text, current[random.Next(current.Length)]);
            }

            if (random.Next(2) == 0 && text.Length > 0)
            {
                text = text.Substring(0, random.Next(text.Length));
            }

            yield return new(Label(name, "combined", i), text);
        }
    }

    private static IEnumerable<MutatedSource> AttributeMoves(string name, string source)
    {
        var attribute = s_attributePattern.Match(source);
        if (!attribute.Success)
        {
            yield break;
        }

        var without = Remove(source, attribute);
        var typeStart = Regex.Match(without, @"^\s*(public |internal |private |protected )?(static |sealed |readonly |unsafe )*partial (class|struct|record)", RegexOptions.Multiline | RegexOptions.CultureInvariant);
        var body = without.IndexOf('{', typeStart.Success ? typeStart.Index : 0);
        var member = body >= 0 ? body + 1 : without.Length;
        var at = attribute.Value;

        yield return new(Label(name, "attribute-on-field", 0), Insert(without, member, "\n    " + at + " private static int _moved;\n"));
        yield return new(Label(name, "attribute-on-property", 0), Insert(without, member, "\n    " + at + " public static int Moved { get; set; }\n"));
        yield return new(Label(name, "attribute-on-local-function", 0), Insert(without, member, "\n    private static int Host()\n    {\n        " + at + "\n        static int Local(int value) => value;\n        return Local(1);\n    }\n"));
        yield return new(Label(name, "attribute-on-lambda", 0), Insert(without, member, "\n    private static readonly System.Func<int, int> Lambda = " + at + " (int value) => value;\n"));
        if (typeStart.Success)
        {
            yield return new(Label(name, "attribute-on-type", 0), Insert(without, typeStart.Index, "\n" + at));
        }

        var parameterList = Regex.Match(source.Substring(attribute.Index), @"\(\s*(?=[A-Za-z])", RegexOptions.CultureInvariant);
        if (parameterList.Success)
        {
            yield return new(Label(name, "attribute-on-parameter", 0), Insert(source, attribute.Index + parameterList.Index + parameterList.Length, at + " "));
        }

        yield return new(Label(name, "attribute-doubled", 0), Insert(source, attribute.Index, at + "\n    "));
        yield return new(Label(name, "attribute-empty-name", 0), source.Replace(at, "[Parallelizable(Name = \"\")]", StringComparison.Ordinal));
        yield return new(Label(name, "attribute-null-name", 0), source.Replace(at, "[Parallelizable(Name = null, MaxDegreeOfParallelism = \"x\", ChunkSize = -1)]", StringComparison.Ordinal));
        yield return new(Label(name, "attribute-unknown-argument", 0), source.Replace(at, "[Parallelizable(42, Missing = 1)]", StringComparison.Ordinal));
    }

    private static IEnumerable<int> Spread(int length, int count)
    {
        if (length <= 0)
        {
            yield break;
        }

        var taken = Math.Min(length, count);
        var previous = -1;
        for (var i = 0; i < taken; i++)
        {
            var index = (int)((long)i * length / taken);
            if (index != previous)
            {
                previous = index;
                yield return index;
            }
        }
    }

    private static string Remove(string source, Match match) => source.Substring(0, match.Index) + source.Substring(match.Index + match.Length);

    private static string Insert(string source, int index, string text) => source.Substring(0, index) + text + source.Substring(index);

    private static string Label(string name, string mutation, int position) =>
        name + "/" + mutation + "/" + position.ToString(CultureInfo.InvariantCulture);

    private static ulong Hash(string text)
    {
        // FNV-1a: stable across runs and platforms, unlike string.GetHashCode.
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return hash;
    }

    /// <summary>A tiny seeded generator whose sequence does not depend on the runtime version.</summary>
    private sealed class SplitMix
    {
        private ulong _state;

        public SplitMix(ulong seed) => _state = seed;

        public int Next(int bound)
        {
            _state += 0x9E3779B97F4A7C15UL;
            var z = _state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            return (int)(z % (ulong)bound);
        }
    }
}
