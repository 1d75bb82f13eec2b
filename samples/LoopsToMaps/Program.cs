using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LoopsToMaps;

// Loops as they are written before anyone thinks of parallelism. `dotnet format analyzers --diagnostics PG0200 PG0201
// --severity info` rewrites the safe ones into generated Map calls; the program prints the same lines either way.
var words = new[] { "parallel", "map", "loop", "order", "item", "result", "speed", "safe" };
var sizes = Enumerable.Range(1, 12).ToArray();

// PG0201: Text.Score is a pure method of this project, not yet [Parallelizable].
var scores = new List<int>();
foreach (var word in words)
{
    scores.Add(Text.Score(word));
}

Console.WriteLine("scores: " + string.Join(" ", scores));

// PG0200: Primes.CountBelow is [Parallelizable]; an array filled by index.
var primeCounts = new int[sizes.Length];
for (var i = 0; i < sizes.Length; i++)
{
    primeCounts[i] = Primes.CountBelow(sizes[i] * 1000);
}

Console.WriteLine("primes: " + string.Join(" ", primeCounts));

// PG0201: a floating-point sum keeps the order of its additions.
var area = 0.25;
foreach (var size in sizes)
{
    area += Geometry.Ellipse(size, 0.5);
}

Console.WriteLine("area: " + area.ToString("R", CultureInfo.InvariantCulture));

// PG0200: an integer sum of a [Parallelizable] method with two parameters (items become value tuples).
var total = 0L;
foreach (var size in sizes)
{
    total += Primes.SumBelow(size * 100, 3);
}

Console.WriteLine("sum: " + total);

// PG0201: a keyed store; the later key still wins.
var shouted = new Dictionary<char, string>();
foreach (var word in words)
{
    shouted[word[0]] = Text.Shout(word);
}

Console.WriteLine("shouted: " + string.Join(" ", shouted.Select(p => p.Key + "=" + p.Value)));

// PG0201: an awaited Task<T> method; its wrapper drops the Async suffix (FetchMapAsync).
var fetched = new List<string>();
foreach (var word in words)
{
    fetched.Add(await Remote.FetchAsync(word));
}

Console.WriteLine("fetched: " + string.Join(" ", fetched));

// Stays sequential: the body prints, so the order of the lines is the program's behaviour.
foreach (var word in words.Take(2))
{
    Console.WriteLine("in order: " + Text.Score(word));
}

// Stays sequential: the method counts its calls in a static field (shared state).
var audited = new List<int>();
foreach (var size in sizes)
{
    audited.Add(Audit.Check(size));
}

Console.WriteLine("audited: " + audited.Count + " calls: " + Audit.Calls);

// Stays sequential: each item depends on the previous one.
var running = 1L;
foreach (var size in sizes)
{
    running += Primes.SumBelow((int)(running % 1000) + size, 1);
}

Console.WriteLine("running: " + running);
