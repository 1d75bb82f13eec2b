using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using ParallelGen.Generator.Helpers;
using ParallelGen.Generator.Models;
using ParallelGen.Shared;

namespace ParallelGen.Generator.Emit;

/// <summary>The text every wrapper of one method shares, built once per method.</summary>
internal static partial class SourceEmitter
{
    /// <summary>The pieces of text every wrapper of one method shares, each built once.</summary>
    private sealed class WrapperText
    {
        public WrapperText(MethodModel method, string indentation)
        {
            IsStatic = method.IsStatic;
            Prefix = method.Prefix;
            Constraints = method.Constraints;
            ObsoleteAttribute = method.ObsoleteAttribute;
            Modifiers = method.IsStatic ? method.Accessibility + " static " : method.Accessibility + " ";
            Items = Unique(method, "items");
            Options = Unique(method, "options");
            Token = Unique(method, "cancellationToken");
            Executor = Unique(method, "executor");
            Self = Unique(method, "__self");
            TypeParameterList = method.TypeParameters.Count == 0 ? string.Empty : "<" + string.Join(", ", method.TypeParameters) + ">";
            Item = ItemType(method);
            HasResult = method.HasResult;
            Result = method.ResultType ?? NoResult;
            See = "<see cref=\"" + method.Cref + "\"/>";
            Method = "new global::ParallelGen.Infrastructure.ParallelMethod(" + Parsing.Literals.String(method.DocumentationId) + ", "
                + method.MaxDegreeOfParallelism.ToString(CultureInfo.InvariantCulture) + ", "
                + method.ChunkSize.ToString(CultureInfo.InvariantCulture)
                + (method.IsStatic ? ")" : ", " + Self + ")"); // the instance travels to worker processes as the Target
            Body = WorkBody(method, Item, Result, TypeParameterList, Self);
            TypeParameterDocs = TypeParameterDocumentation(method, See, indentation);
            if (method.Parameters.Count > 0)
            {
                MapParameters = "<" + Item + "> " + Items + ", global::ParallelGen.MapOptions? " + Options + " = null, global::System.Threading.CancellationToken " + Token + " = default";
                MapArguments = "(" + Method + ", " + Items + ", " + Body + ", " + Options + ", " + Token + ");";
                MapDocs = TypeParameterDocs
                    + indentation + "/// <param name=\"" + Items + "\">The arguments of each call.</param>\n"
                    + indentation + "/// <param name=\"" + Options + "\">Overrides the attribute's settings and the default executor, or <see langword=\"null\"/>.</param>\n"
                    + indentation + "/// <param name=\"" + Token + "\">Cancels the calls not yet finished" + (method.PassesCancellationToken ? " and is passed to each call" : string.Empty) + ".</param>\n";
            }
            else
            {
                MapParameters = MapArguments = MapDocs = string.Empty;
            }
        }

        public bool IsStatic { get; }

        public string Prefix { get; }

        public EquatableArray<string> Constraints { get; }

        public string? ObsoleteAttribute { get; }

        /// <summary>Accessibility, <c>static</c> where it applies, and a trailing space.</summary>
        public string Modifiers { get; }

        public string Items { get; }

        public string Options { get; }

        public string Token { get; }

        public string Executor { get; }

        /// <summary>The local that holds a copy of <c>this</c> for an instance method's work body.</summary>
        public string Self { get; }

        public string TypeParameterList { get; }

        /// <summary>The item type: the parameter's type, or a tuple of the parameters.</summary>
        public string Item { get; }

        public string Result { get; }

        /// <summary>A <c>see</c> element naming the method.</summary>
        public string See { get; }

        /// <summary>The <c>ParallelMethod</c> expression.</summary>
        public string Method { get; }

        /// <summary>The <c>WorkBody</c> expression that calls the method with the item's parts.</summary>
        public string Body { get; }

        /// <summary>Whole <c>typeparam</c> lines, indented.</summary>
        public string TypeParameterDocs { get; }

        /// <summary>The map wrappers' parameter list after the source type: <c>&lt;Item&gt; items, options, token</c>.</summary>
        public string MapParameters { get; }

        /// <summary>The map wrappers' argument list, from the opening parenthesis to the semicolon.</summary>
        public string MapArguments { get; }

        /// <summary>The map wrappers' <c>typeparam</c> and <c>param</c> lines, indented.</summary>
        public string MapDocs { get; }

        /// <summary>Whether the method returns a value to the caller (else <see cref="Result"/> is <c>NoResult</c>).</summary>
        public bool HasResult { get; }

        public string ResultArrayTask => TaskType + "<" + Result + "[]>";

        public string CompletedStream => AsyncEnumerable + "<global::ParallelGen.Completed<" + Item + (HasResult ? ", " + Result + ">>" : ">>");

        private static string WorkBody(MethodModel method, string item, string result, string typeParameterList, string self)
        {
            var arguments = new string[method.Parameters.Count + (method.PassesCancellationToken ? 1 : 0)];
            for (var i = 0; i < method.Parameters.Count; i++)
            {
                arguments[i] = method.Parameters.Count == 1
                    ? "__item"
                    : "__item." + (method.Parameters[i].TupleElementName ?? "Item" + (i + 1).ToString(CultureInfo.InvariantCulture));
            }

            if (method.PassesCancellationToken)
            {
                arguments[arguments.Length - 1] = "__ct";
            }

            var call = (method.IsStatic ? method.ContainingType : self) + "." + method.Name + typeParameterList + "(" + string.Join(", ", arguments) + ")";
            var lambda = method.IsStatic ? "static " : string.Empty;
            var factory = "global::ParallelGen.Infrastructure.WorkBody<" + item + ", " + result + ">";
            // A method without a token also gets its loop over a run of items (ChunkBody): a direct call the JIT can
            // inline, for cheap items, instead of a delegate call per item. Optimized from its first call: it runs a
            // slice of a few hundred items per call, too few for on-stack replacement to lift it out of tier 0. Attributes
            // on lambdas need C# 10; an older language version gets the same loop, tiered as usual.
            var optimized = method.AllowsLambdaAttributes
                ? "[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)] "
                : string.Empty;
            var loop = method.PassesCancellationToken ? string.Empty
                : ", " + optimized + lambda + "(global::System.ReadOnlySpan<" + item + "> __items, global::System.Span<" + result + "> __results, ref int __done) => { for (; __done < __items.Length; __done++) { var __item = __items[__done]; "
                  + (method.ReturnKind == ReturnKind.Value ? "__results[__done] = " + call : call) + "; } }";
            return method.ReturnKind switch
            {
                ReturnKind.Value => factory + ".Sync(" + lambda + "(__item, __ct) => " + call + loop + ")",
                ReturnKind.Void => factory + ".Sync(" + lambda + "(__item, __ct) => { " + call + "; return default; }" + loop + ")",
                ReturnKind.ValueTaskOfT => factory + ".Async(" + lambda + "(__item, __ct) => " + call + ")",
                ReturnKind.TaskOfT => factory + ".Async(" + lambda + "(__item, __ct) => new global::System.Threading.Tasks.ValueTask<" + result + ">(" + call + "))",
                _ => factory + ".Async(" + lambda + "async (__item, __ct) => { await " + call + ".ConfigureAwait(false); return default; })",
            };
        }

        private static string TypeParameterDocumentation(MethodModel method, string see, string indentation)
        {
            if (method.TypeParameters.Count == 0)
            {
                return string.Empty;
            }

            var lines = new System.Text.StringBuilder();
            foreach (var typeParameter in method.TypeParameters)
            {
                lines.Append(indentation).Append("/// <typeparam name=\"").Append(typeParameter.TrimStart('@')).Append("\">The type argument of ").Append(see).Append(".</typeparam>\n");
            }

            return lines.ToString();
        }

        /// <summary><paramref name="name"/>, with underscores in front while a parameter or type parameter has it.</summary>
        private static string Unique(MethodModel method, string name)
        {
            var candidate = name;
            while (IsTaken(method, candidate))
            {
                candidate = "_" + candidate;
            }

            return candidate;
        }

        private static bool IsTaken(MethodModel method, string name)
        {
            foreach (var parameter in method.Parameters)
            {
                if (Named(parameter.Name, name))
                {
                    return true;
                }
            }

            foreach (var typeParameter in method.TypeParameters)
            {
                if (Named(typeParameter, name))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool Named(string identifier, string name) =>
            identifier.Length == name.Length + 1 && identifier[0] == '@'
                ? string.CompareOrdinal(identifier, 1, name, 0, name.Length) == 0
                : identifier == name;
    }
}
