using System.Collections.Generic;
using ParallelGen.Tests.Shared;

namespace ParallelGen.Generator.Tests;

/// <summary>
/// For each wrappable shape: a <c>Probe.RunAsync()</c> that calls the generated wrappers as a user would, and the
/// text it must return. Compiled together with the shape source and the generator's output.
/// </summary>
internal static class ShapeProbes
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;
        using ParallelGen;

        """;

    public static IReadOnlyDictionary<string, (string Probe, string Expected)> All { get; } = new Dictionary<string, (string, string)>
    {
        [nameof(ShapeSources.StaticOneParameter)] = (Usings + """
            using Demo;

            internal static class Probe
            {
                public static async Task<string> RunAsync()
                {
                    var map = Numbers.SquareMap(new[] { 1, 2, 3 });
                    var mapAsync = await Numbers.SquareMapAsync(new List<int> { 4, 5 });
                    var stream = await Numbers.SquareMapAsync(Stream(3));
                    var completed = new List<int>();
                    await foreach (var item in Numbers.SquareAsCompleted(new[] { 6, 7 }))
                    {
                        completed.Add(item.Result);
                    }

                    completed.Sort();
                    var submitted = await Numbers.SquareSubmit(8);
                    return string.Join(",", map) + "|" + string.Join(",", mapAsync) + "|" + string.Join(",", stream) + "|" + string.Join(",", completed) + "|" + submitted;
                }

                private static async IAsyncEnumerable<int> Stream(int count)
                {
                    for (var i = 1; i <= count; i++)
                    {
                        await Task.Yield();
                        yield return i;
                    }
                }
            }
            """, "1,4,9|16,25|1,4,9|36,49|64"),

        [nameof(ShapeSources.StaticManyParameters)] = (Usings + """
            using Demo.Many;

            internal static class Probe
            {
                public static async Task<string> RunAsync()
                {
                    var items = new[] { (name: "a", count: 1, weight: 0.5), (name: "b", count: 2, weight: 1.5) };
                    var map = Labels.DescribeMap(items);
                    var mapAsync = await Labels.DescribeMapAsync(items, new MapOptions { MaxDegreeOfParallelism = 1 });
                    var completed = new List<string>();
                    await foreach (var item in Labels.DescribeAsCompleted(items))
                    {
                        completed.Add(item.Input.name + "=" + item.Result);
                    }

                    completed.Sort(StringComparer.Ordinal);
                    var submitted = await Labels.DescribeSubmit("c", 3, weight: 2.25);
                    return string.Join(",", map) + "|" + string.Join(",", mapAsync) + "|" + string.Join(",", completed) + "|" + submitted;
                }
            }
            """, "a:1:0.5,b:2:1.5|a:1:0.5,b:2:1.5|a=a:1:0.5,b=b:2:1.5|c:3:2.25"),

        [nameof(ShapeSources.InstanceMethod)] = (Usings + """
            using Demo.Instances;

            internal static class Probe
            {
                public static async Task<string> RunAsync()
                {
                    var scaler = new Scaler(10);
                    var map = scaler.ScaleMap(new[] { 1, 2 });
                    var mapAsync = await scaler.ScaleMapAsync(new[] { 3 });
                    var completed = 0;
                    await foreach (var item in scaler.ScaleAsCompleted(new[] { 4 }))
                    {
                        completed = item.Result;
                    }

                    var submitted = await scaler.ScaleSubmit(5);
                    return string.Join(",", map) + "|" + string.Join(",", mapAsync) + "|" + completed + "|" + submitted;
                }
            }
            """, "10,20|30|40|50"),

        [nameof(ShapeSources.ZeroParameters)] = (Usings + """
            using Demo.Zero;

            internal static class Probe
            {
                public static async Task<string> RunAsync()
                {
                    using var source = new CancellationTokenSource();
                    var answer = await Constants.AnswerSubmit();
                    var cancellable = await Constants.ProbeSubmit(cancellationToken: source.Token);
                    return answer + "|" + cancellable;
                }
            }
            """, "42|True"),

        [nameof(ShapeSources.DefaultsAndParams)] = (Usings + """
            using Demo.Defaults;

            internal static class Probe
            {
                public static async Task<string> RunAsync()
                {
                    var expanded = await Text.JoinSubmit("+", "a", "b", "c");
                    var named = await Text.JoinSubmit(parts: new[] { "x", "y" }, separator: "/", executor: null);
                    var none = await Text.JoinSubmit();
                    var map = Text.JoinMap(new[] { (separator: ".", parts: new[] { "p", "q" }) });
                    var defaults = await Text.PadSubmit("ab");
                    var kwargs = await Text.PadSubmit("ab", upper: true, align: Align.Left, suffix: "s", maybe: 7, cancellationToken: CancellationToken.None);
                    return expanded + "|" + named + "|" + none + "|" + map[0] + "|" + defaults + "|" + kwargs;
                }
            }
            """, "a+b+c|x/y||p.q|....ab|False|1.5|0.25|2.5|10000000000|null|null|6|0|ab....|True|1.5|0.25|2.5|10000000000|s|7|6|0"),

        [nameof(ShapeSources.TrailingCancellationToken)] = (Usings + """
            using Demo.Tokens;

            internal static class Probe
            {
                public static async Task<string> RunAsync()
                {
                    var map = await Slow.SquareMapAsync(new[] { 1, 2, 3 });
                    var combined = Slow.CombineMap(new[] { (left: "a", right: "b") });
                    var submitted = await Slow.CombineSubmit("c", "d");
                    string cancelled;
                    try
                    {
                        await Slow.SquareMapAsync(new[] { 1 }, cancellationToken: new CancellationToken(canceled: true));
                        cancelled = "ran";
                    }
                    catch (OperationCanceledException)
                    {
                        cancelled = "cancelled";
                    }

                    return string.Join(",", map) + "|" + combined[0] + "|" + submitted + "|" + cancelled;
                }
            }
            """, "1,4,9|ab|cd|cancelled"),

        [nameof(ShapeSources.ReturnKinds)] = (Usings + """
            using Demo.Returns;

            internal static class Probe
            {
                public static async Task<string> RunAsync()
                {
                    Work.RecordMap(new[] { 1, 2 });
                    await Work.RecordAsyncMapAsync(new[] { 3 });
                    await Work.RecordValueMapAsync(new[] { 4 });
                    var succeeded = 0;
                    await foreach (var item in Work.RecordAsyncAsCompleted(new[] { 5, 6 }))
                    {
                        succeeded += item.Succeeded ? 1 : 0;
                    }

                    await Work.RecordSubmit(7);
                    await Work.RecordValueSubmit(8);
                    var doubled = await Work.DoubleMapAsync(new[] { 1, 2 });
                    var tripled = Work.TripleMap(new[] { 1, 2 });
                    var doubleOne = await Work.DoubleSubmit(10);
                    var tripleOne = await Work.TripleSubmit(10);
                    var seen = Work.Seen.OrderBy(static v => v);
                    return string.Join(",", seen) + "|" + succeeded + "|" + string.Join(",", doubled) + "|" + string.Join(",", tripled) + "|" + doubleOne + "|" + tripleOne;
                }
            }
            """, "1,2,3,4,5,6,7,8|2|2,4|3,6|20|30"),

        [nameof(ShapeSources.GenericMethods)] = (Usings + """
            using System.Text;
            using Demo.Generics;

            internal static class Probe
            {
                public static async Task<string> RunAsync()
                {
                    var echo = Generic.EchoMap(new[] { "x", "y" });
                    var described = Generic.DescribeMap(new[] { (key: "k", value: 1) });
                    var made = await Generic.MakeSubmit<StringBuilder>(1);
                    var bits = Generic.BitsMap(new[] { 3 });
                    var shown = await Generic.ShowSubmit(12);
                    var maybe = Generic.MaybeMap(new string?[] { null, "m" });
                    return string.Join(",", echo) + "|" + described[0] + "|" + made.GetType().Name + "|" + bits[0] + "|" + shown + "|" + string.Join(",", maybe.Select(static m => m ?? "null"));
                }
            }
            """, "x,y|k=1|StringBuilder|3|12|null,m"),

        [nameof(ShapeSources.GenericContainingType)] = (Usings + """
            using Demo.Boxes;

            internal static class Probe
            {
                public static async Task<string> RunAsync()
                {
                    var box = new Box<string>("b");
                    var wrapped = box.WrapMap(new[] { "1", "2" });
                    var left = await Box<int>.LeftSubmit(1, 2);
                    return string.Join(",", wrapped) + "|" + left;
                }
            }
            """, "b:1,b:2|1"),

        [nameof(ShapeSources.NestedTypes)] = (Usings + """
            using Demo.Nested;

            internal static class Probe
            {
                public static async Task<string> RunAsync()
                {
                    var tags = Outer.Middle<string>.Inner.TagMap(new[] { (value: "v", depth: 3) });
                    var one = await Outer.Middle<int>.Inner.TagSubmit(7, 1);
                    return tags[0] + "|" + one;
                }
            }
            """, "v@3|7@1"),

        [nameof(ShapeSources.StructContainingTypes)] = (Usings + """
            using Demo.Structs;

            internal static class Probe
            {
                public static async Task<string> RunAsync()
                {
                    var counter = new Counter { Step = 5 };
                    var advanced = counter.AdvanceMap(new[] { 1, 2 });
                    var scale = new Scale(3);
                    var applied = await scale.ApplySubmit(4);
                    return string.Join(",", advanced) + "|" + applied;
                }
            }
            """, "6,7|12"),

        [nameof(ShapeSources.RecordContainingTypes)] = (Usings + """
            using Demo.Records;

            internal static class Probe
            {
                public static async Task<string> RunAsync()
                {
                    var greetings = new Person("Ada").GreetMap(new[] { "Hi", "Hello" });
                    var dot = await new Point(1, 2).DotMapAsync(new[] { (x: 3, y: 4) });
                    return string.Join(",", greetings) + "|" + dot[0];
                }
            }
            """, "Hi, Ada,Hello, Ada|11"),

        [nameof(ShapeSources.BlockNamespace)] = (Usings + """
            using Demo.Blocks;

            internal static class Probe
            {
                public static async Task<string> RunAsync() =>
                    string.Join(",", await Strings.LengthMapAsync(new[] { "a", "bcd" }));
            }
            """, "1,3"),

        [nameof(ShapeSources.GlobalNamespace)] = (Usings + """
            internal static class Probe
            {
                public static async Task<string> RunAsync() =>
                    (await new GlobalShapes().TwiceSubmit(21)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            """, "42"),

        [nameof(ShapeSources.Accessibility)] = (Usings + """
            using Demo.Access;

            internal static class Probe
            {
                public static async Task<string> RunAsync()
                {
                    var visible = Visibility.PublicMap(new[] { 0 })[0] + Visibility.InternalMap(new[] { 0 })[0] + Visibility.ProtectedInternalMap(new[] { 0 })[0];
                    return visible + "|" + Visibility.CallHidden() + "|" + await Visibility.InternalSubmit(1);
                }
            }
            """, "4|11|2"),

        [nameof(ShapeSources.RenamedPrefix)] = (Usings + """
            using Demo.Renamed;

            internal static class Probe
            {
                public static async Task<string> RunAsync()
                {
                    var thumbs = Images.ThumbsMap(new[] { (path: "a.png", width: 64) });
                    var one = await Images.ThumbsSubmit("b.png", 32);
                    return thumbs[0] + "|" + one;
                }
            }
            """, "a.png@64|b.png@32"),

        [nameof(ShapeSources.Overloads)] = (Usings + """
            using Demo.Overloads;

            internal static class Probe
            {
                public static async Task<string> RunAsync()
                {
                    var squares = Geometry.AreaMap(new[] { 2 });
                    var rectangles = Geometry.AreaMap(new[] { (width: 2, height: 3) });
                    var circles = Geometry.AreaMap(new[] { 1.0 });
                    var one = await Geometry.AreaSubmit(4, 5);
                    return squares[0] + "|" + rectangles[0] + "|" + circles[0].ToString(System.Globalization.CultureInfo.InvariantCulture) + "|" + one;
                }
            }
            """, "4|6|3|20"),

        [nameof(ShapeSources.AwkwardNames)] = (Usings + """
            using Demo.Names;

            internal static class Probe
            {
                public static async Task<string> RunAsync()
                {
                    var odd = Awkward.OddMap(new[] { (1, "r", 3, 4, 5) });
                    var submitted = await Awkward.OddSubmit(@class: 6, Rest: "s", Item1: 7, items: 8, executor: 9, _executor: null);
                    var echo = Awkward.EchoMap(new[] { 10 }, _cancellationToken: CancellationToken.None);
                    return odd[0] + "|" + submitted + "|" + echo[0];
                }
            }
            """, "1r345|6s789|10"),

        [nameof(ShapeSources.ObsoleteMethod)] = (Usings + """
            using Demo.Legacy;

            internal static class Probe
            {
                public static async Task<string> RunAsync()
                {
            #pragma warning disable CS0618 // The probe calls an obsolete API on purpose.
                    var map = Old.ComputeMap(new[] { 1 });
                    var one = await Old.ComputeSubmit(5);
            #pragma warning restore CS0618
                    return map[0] + "|" + one;
                }
            }
            """, "0|4"),
    };
}
