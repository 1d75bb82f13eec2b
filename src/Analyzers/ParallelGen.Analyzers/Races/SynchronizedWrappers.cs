using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ParallelGen.Analyzers.Races;

/// <summary>
/// Variables that hold a <c>Synchronized</c> wrapper (<c>ArrayList.Synchronized</c>, <c>Hashtable.Synchronized</c>,
/// <c>Queue.Synchronized</c>, <c>Stack.Synchronized</c>, <c>SortedList.Synchronized</c>): every call locks, so changing
/// them from several threads is safe although their static type is the plain collection.
/// </summary>
internal static class SynchronizedWrappers
{
    public static bool Holds(ISymbol? variable, KnownTypes known)
    {
        if (variable is not (ILocalSymbol or IFieldSymbol))
        {
            return false;
        }

        foreach (var reference in variable.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Synchronized" } } }
                && known.IsMutableCollection(variable is ILocalSymbol local ? local.Type : ((IFieldSymbol)variable).Type))
            {
                return true;
            }
        }

        return false;
    }
}
