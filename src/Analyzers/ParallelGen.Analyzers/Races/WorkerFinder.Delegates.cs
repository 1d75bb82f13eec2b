using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ParallelGen.Analyzers.Races;

/// <summary>Which delegates a launcher runs: lambdas, method groups and delegate locals among its arguments, and the loop index each receives.</summary>
internal static partial class WorkerFinder
{
    /// <summary>The delegates that <paramref name="launcher"/> runs in parallel.</summary>
    public static IEnumerable<WorkerDelegate> Delegates(IOperation launcher, string name)
    {
        var arguments = launcher switch
        {
            IInvocationOperation invocation => invocation.Arguments,
            IObjectCreationOperation creation => creation.Arguments,
            _ => default,
        };

        if (arguments.IsDefaultOrEmpty)
        {
            yield break;
        }

        foreach (var argument in arguments)
        {
            foreach (var target in DelegateTargets(argument.Value))
            {
                yield return new WorkerDelegate(target, name, LoopIndex(launcher, argument, target, name));
            }
        }
    }

    /// <summary>The lambda a delegate local of the same function is declared with; null when none (or it is assigned again).</summary>
    private static IAnonymousFunctionOperation? InitialLambda(ILocalReferenceOperation local)
    {
        var root = (IOperation)local;
        while (root.Parent is { } parent)
        {
            root = parent;
        }

        IAnonymousFunctionOperation? lambda = null;
        foreach (var op in root.Descendants())
        {
            if (op is IVariableDeclaratorOperation declarator && SymbolEqualityComparer.Default.Equals(declarator.Symbol, local.Local))
            {
                var value = declarator.GetVariableInitializer()?.Value;
                while (value is IDelegateCreationOperation or IConversionOperation)
                {
                    value = value is IDelegateCreationOperation creation ? creation.Target : ((IConversionOperation)value).Operand;
                }

                lambda = value as IAnonymousFunctionOperation;
            }
            else if (op is ISimpleAssignmentOperation { Target: ILocalReferenceOperation assigned } && SymbolEqualityComparer.Default.Equals(assigned.Local, local.Local))
            {
                return null;
            }
        }

        return lambda;
    }

    /// <summary>The lambdas and method groups an argument value hands over.</summary>
    public static IEnumerable<IOperation> DelegateTargets(IOperation value)
    {
        switch (value)
        {
            case IConversionOperation conversion:
                foreach (var target in DelegateTargets(conversion.Operand))
                {
                    yield return target;
                }

                break;
            case IDelegateCreationOperation creation:
                foreach (var target in DelegateTargets(creation.Target))
                {
                    yield return target;
                }

                break;
            case IAnonymousFunctionOperation or IMethodReferenceOperation:
                yield return value;
                break;
            case ILocalReferenceOperation { Local.Type.TypeKind: TypeKind.Delegate } local when InitialLambda(local) is { } lambda:
                yield return lambda; // Func<int, int> twice = x => ...; xs.AsParallel().Select(twice)
                break;
            case IArrayCreationOperation { Initializer: { } initializer }:
                foreach (var element in initializer.ElementValues)
                {
                    foreach (var target in DelegateTargets(element))
                    {
                        yield return target;
                    }
                }

                break;
        }
    }

    private static IParameterSymbol? LoopIndex(IOperation launcher, IArgumentOperation argument, IOperation target, string launcherName)
    {
        if (launcher is not IInvocationOperation)
        {
            return null;
        }

        // A method group (Parallel.For(0, n, ProcessRow)): the index is the method's own parameter.
        var parameters = target switch
        {
            IAnonymousFunctionOperation function => function.Symbol.Parameters,
            IMethodReferenceOperation reference => reference.Method.Parameters,
            _ => ImmutableArray<IParameterSymbol>.Empty,
        };
        if (argument.Parameter?.Name != "body" && argument.Parameter?.Name != "selector" && argument.Parameter?.Name != "predicate")
        {
            return null;
        }

        if (launcherName == "Parallel.For" && parameters.Length >= 1)
        {
            return parameters[0];
        }

        if (launcherName == "Parallel.ForEach" && parameters.Length == 3 && parameters[2].Type.SpecialType == SpecialType.System_Int64)
        {
            return parameters[2];
        }

        if (launcherName is "PLINQ Select" or "PLINQ Where" && parameters.Length == 2 && parameters[1].Type.SpecialType == SpecialType.System_Int32)
        {
            return parameters[1];
        }

        return null;
    }
}
