using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace ParallelGen.Shared.Wrapping;

/// <summary>
/// THE rule for which <c>[Parallelizable]</c> methods get wrappers, linked as source into the generator and the
/// analyzers (as dotnet/runtime's LibraryImportGenerator shares its check with its analyzer): the generator wraps a
/// method exactly when <see cref="Check"/> finds no problem, and the usage analyzer reports every problem it finds.
/// Severities play no part, so lowering a rule in <c>.editorconfig</c> never yields a wrapper the rule rejects.
/// </summary>
internal static class Wrappability
{
    /// <summary>
    /// Whether <paramref name="method"/>, which carries <paramref name="attribute"/>, gets wrappers. Problems are added
    /// to <paramref name="problems"/>; when it is <see langword="null"/> the check stops at the first one.
    /// </summary>
    public static bool Check(IMethodSymbol method, AttributeData attribute, List<WrapProblem>? problems, CancellationToken cancellationToken) =>
        Check(method, attribute, problems, checkSiblings: true, cancellationToken);

    private static bool Check(IMethodSymbol method, AttributeData attribute, List<WrapProblem>? problems, bool checkSiblings, CancellationToken cancellationToken)
    {
        var sink = new Sink(problems);
        if (method.MethodKind != MethodKind.Ordinary)
        {
            sink.Add(new WrapProblem(WrapRule.NotAMethod, WrapSite.Attribute, -1, MethodKinds.Describe(method.MethodKind), Display(method)));
            return false;
        }

        if (SignatureShapes.HasErrors(method))
        {
            sink.Add(new WrapProblem(WrapRule.AlreadyAnError, WrapSite.MethodName, -1));
            return false;
        }

        var methodName = Display(method);
        if (ContainingTypes.Problem(method, cancellationToken) is { } typeProblem && !sink.Add(typeProblem))
        {
            return false;
        }

        for (var i = 0; i < method.Parameters.Length; i++)
        {
            if (SignatureShapes.ParameterProblem(method.Parameters[i]) is { } problem
                && !sink.Add(new WrapProblem(WrapRule.UnsupportedParameter, WrapSite.Parameter, i, method.Parameters[i].Name, methodName, problem)))
            {
                return false;
            }
        }

        if (method.IsVararg && !sink.Add(new WrapProblem(WrapRule.UnsupportedParameter, WrapSite.MethodName, -1, "__arglist", methodName, "a variable argument list")))
        {
            return false;
        }

        if (SignatureShapes.ReturnProblem(method) is { } returnProblem
            && !sink.Add(new WrapProblem(WrapRule.UnsupportedReturn, WrapSite.ReturnType, -1, methodName, returnProblem.What, returnProblem.Advice)))
        {
            return false;
        }

        var nameArgument = ParallelizableAttributes.NameArgument(attribute);
        if (nameArgument is not null && WrapperNames.NameProblem(nameArgument) is { } nameProblem)
        {
            // Without a usable prefix there are no wrapper names to check further.
            sink.Add(new WrapProblem(WrapRule.InvalidName, WrapSite.NameArgument, -1, nameArgument, methodName, nameProblem));
            return false;
        }

        var prefix = WrapperPrefix.Of(method, nameArgument);
        if (WrapperNames.Clash(method.ContainingType, prefix) is { } clash
            && !sink.Add(new WrapProblem(WrapRule.WrapperNameClash, WrapSite.NameArgument, -1, clash.Wrapper, methodName, clash.What)))
        {
            return false;
        }

        if (checkSiblings && sink.Ok)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (CollidingSibling(method, prefix, cancellationToken) is { } collision)
            {
                sink.Add(new WrapProblem(WrapRule.WrappersCollide, WrapSite.MethodName, -1, methodName, Display(collision.Other), collision.Wrapper));
            }
        }

        return sink.Ok;
    }

    /// <summary>Another wrappable <c>[Parallelizable]</c> method of the type whose wrappers share a signature with this one's.</summary>
    private static (IMethodSymbol Other, string Wrapper)? CollidingSibling(IMethodSymbol method, string prefix, CancellationToken cancellationToken)
    {
        List<string>? mine = null;
        foreach (var member in method.ContainingType.GetMembers())
        {
            if (member is not IMethodSymbol other
                || SymbolEqualityComparer.Default.Equals(other, method)
                || ParallelizableAttributes.Find(other) is not { } otherAttribute)
            {
                continue;
            }

            var otherName = ParallelizableAttributes.NameArgument(otherAttribute);
            if ((otherName is not null && WrapperNames.NameProblem(otherName) is not null)
                || WrapperPrefix.Of(other, otherName) != prefix
                || !Check(other, otherAttribute, problems: null, checkSiblings: false, cancellationToken))
            {
                continue;
            }

            mine ??= WrapperSignatures.Of(method, prefix);
            var theirs = WrapperSignatures.Of(other, prefix);
            foreach (var signature in mine)
            {
                if (theirs.Contains(signature))
                {
                    return (other, WrapperSignatures.NameOf(signature));
                }
            }
        }

        return null;
    }

    /// <summary>How diagnostics name a symbol.</summary>
    public static string Display(ISymbol symbol) => symbol.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat);

    /// <summary>Collects problems, or stops at the first when there is no list.</summary>
    private sealed class Sink(List<WrapProblem>? problems)
    {
        public bool Ok { get; private set; } = true;

        /// <summary>Records <paramref name="problem"/>; returns whether the check should go on.</summary>
        public bool Add(WrapProblem problem)
        {
            Ok = false;
            problems?.Add(problem);
            return problems is not null;
        }
    }
}
