using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using ParallelGen.Shared;

namespace ParallelGen.Analyzers.Usage;

/// <summary>
/// The usage rules of <c>[Parallelizable]</c>: the declaring types are partial (PG0001), parameters (PG0002) and the
/// return (PG0003) are shapes a work item can carry, the generated wrapper names are free (PG0004), and the attribute is
/// on an ordinary method (PG0005). The generator skips the shapes these rules report.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UsageAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.ContainingTypeNotPartial,
        DiagnosticDescriptors.UnsupportedParameter,
        DiagnosticDescriptors.UnsupportedReturn,
        DiagnosticDescriptors.WrapperNameClash,
        DiagnosticDescriptors.NotAMethod);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var attribute = start.Compilation.GetTypeByMetadataName(ParallelizableNames.AttributeMetadataName);
            if (attribute is null)
            {
                return;
            }

            var asyncEnumerable = start.Compilation.GetTypeByMetadataName("System.Collections.Generic.IAsyncEnumerable`1");
            start.RegisterSymbolAction(c => AnalyzeMethod(c, attribute, asyncEnumerable), SymbolKind.Method);
            start.RegisterSyntaxNodeAction(
                c => AnalyzeFunctionWithoutSymbolAction(c, attribute),
                SyntaxKind.LocalFunctionStatement,
                SyntaxKind.ParenthesizedLambdaExpression);
        });
    }

    private static void AnalyzeMethod(SymbolAnalysisContext context, INamedTypeSymbol attributeType, INamedTypeSymbol? asyncEnumerable)
    {
        var method = (IMethodSymbol)context.Symbol;
        var attribute = FindAttribute(method, attributeType);
        if (attribute is null)
        {
            return;
        }

        var ct = context.CancellationToken;
        if (!IsOrdinary(method, out var kind))
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.NotAMethod, AttributeLocation(attribute, ct), $"{kind} '{method.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat)}'"));
            return;
        }

        var methodName = method.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat);
        var declaration = method.DeclaringSyntaxReferences.Select(r => r.GetSyntax(ct)).OfType<MethodDeclarationSyntax>().FirstOrDefault();
        var nameLocation = declaration?.Identifier.GetLocation() ?? method.Locations.FirstOrDefault() ?? Location.None;

        var notPartial = NonPartialTypes(method.ContainingType, ct);
        if (notPartial.Count > 0)
        {
            var names = string.Join(" and ", notPartial.Select(t => "'" + t.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat) + "'"));
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ContainingTypeNotPartial, nameLocation, names, methodName));
        }

        foreach (var parameter in method.Parameters)
        {
            var problem = ParameterProblem(parameter);
            if (problem is not null)
            {
                var syntax = parameter.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(ct);
                var location = syntax?.GetLocation() ?? parameter.Locations.FirstOrDefault() ?? nameLocation;
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.UnsupportedParameter, location, parameter.Name, methodName, problem));
            }
        }

        var returnProblem = ReturnProblem(method, asyncEnumerable);
        if (returnProblem is not null)
        {
            var location = declaration?.ReturnType.GetLocation() ?? nameLocation;
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.UnsupportedReturn, location, methodName, returnProblem.Value.What, returnProblem.Value.Advice));
        }

        ReportNameClashes(context, method, attribute, methodName, nameLocation);
    }

    private static void AnalyzeFunctionWithoutSymbolAction(SyntaxNodeAnalysisContext context, INamedTypeSymbol attributeType)
    {
        // Local functions and lambdas get no symbol action; only look at them when they carry attributes at all.
        var (lists, kind) = context.Node switch
        {
            LocalFunctionStatementSyntax local => (local.AttributeLists, "the local function"),
            ParenthesizedLambdaExpressionSyntax lambda => (lambda.AttributeLists, "a lambda"),
            _ => (default(SyntaxList<AttributeListSyntax>), string.Empty),
        };
        if (lists.Count == 0)
        {
            return;
        }

        var symbol = context.Node is LocalFunctionStatementSyntax
            ? context.SemanticModel.GetDeclaredSymbol(context.Node, context.CancellationToken) as IMethodSymbol
            : context.SemanticModel.GetSymbolInfo(context.Node, context.CancellationToken).Symbol as IMethodSymbol;
        var attribute = symbol is null ? null : FindAttribute(symbol, attributeType);
        if (attribute is null)
        {
            return;
        }

        var what = context.Node is LocalFunctionStatementSyntax ? $"{kind} '{symbol!.Name}'" : kind;
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.NotAMethod, AttributeLocation(attribute, context.CancellationToken), what));
    }

    private static AttributeData? FindAttribute(IMethodSymbol method, INamedTypeSymbol attributeType)
    {
        foreach (var a in method.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(a.AttributeClass, attributeType))
            {
                return a;
            }
        }

        return null;
    }

    private static Location AttributeLocation(AttributeData attribute, CancellationToken ct) =>
        attribute.ApplicationSyntaxReference?.GetSyntax(ct).GetLocation() ?? Location.None;

    private static bool IsOrdinary(IMethodSymbol method, out string kind)
    {
        kind = method.MethodKind switch
        {
            MethodKind.Ordinary => string.Empty,
            MethodKind.PropertyGet or MethodKind.PropertySet => "the property accessor",
            MethodKind.EventAdd or MethodKind.EventRemove or MethodKind.EventRaise => "the event accessor",
            MethodKind.UserDefinedOperator => "the operator",
            MethodKind.Conversion => "the conversion operator",
            MethodKind.Destructor => "the finalizer",
            MethodKind.Constructor or MethodKind.StaticConstructor => "the constructor",
            MethodKind.ExplicitInterfaceImplementation => "the explicit interface implementation",
            MethodKind.LocalFunction => "the local function",
            MethodKind.AnonymousFunction => "a lambda",
            _ => "the special method",
        };
        return method.MethodKind == MethodKind.Ordinary;
    }

    private static List<INamedTypeSymbol> NonPartialTypes(INamedTypeSymbol? type, CancellationToken ct)
    {
        var result = new List<INamedTypeSymbol>();
        for (var t = type; t is not null; t = t.ContainingType)
        {
            if (!IsPartial(t, ct))
            {
                result.Add(t);
            }
        }

        result.Reverse();
        return result;
    }

    private static bool IsPartial(INamedTypeSymbol type, CancellationToken ct)
    {
        var references = type.DeclaringSyntaxReferences;
        if (references.Length != 1)
        {
            // Several declarations compile only when they are partial; none means metadata, which we cannot change.
            return true;
        }

        return references[0].GetSyntax(ct) is not TypeDeclarationSyntax declaration
            || declaration.Modifiers.Any(SyntaxKind.PartialKeyword);
    }

    private static string? ParameterProblem(IParameterSymbol parameter)
    {
        switch (parameter.RefKind)
        {
            case RefKind.Ref:
                return "passed by 'ref'";
            case RefKind.Out:
                return "an 'out' parameter";
            case RefKind.In:
                return "passed by 'in'";
            case RefKind.None:
                break;
            default:
                return "passed by reference";
        }

        return TypeProblem(parameter.Type);
    }

    private static string? TypeProblem(ITypeSymbol type) => type switch
    {
        IPointerTypeSymbol => "a pointer",
        IFunctionPointerTypeSymbol => "a function pointer",
        { IsRefLikeType: true } => $"the ref struct '{type.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat)}'",
        _ => null,
    };

    private static (string What, string Advice)? ReturnProblem(IMethodSymbol method, INamedTypeSymbol? asyncEnumerable)
    {
        if (method.ReturnsByRef || method.ReturnsByRefReadonly)
        {
            return ("by reference", "return the value");
        }

        if (method.IsAsync && method.ReturnsVoid)
        {
            return ("void from an async method", "return Task");
        }

        var typeProblem = TypeProblem(method.ReturnType);
        if (typeProblem is not null)
        {
            return (typeProblem, "return an array or another ordinary type");
        }

        if (asyncEnumerable is not null && SymbolEqualityComparer.Default.Equals(method.ReturnType.OriginalDefinition, asyncEnumerable))
        {
            return ("an IAsyncEnumerable<T>, a stream rather than one result", "return Task<T[]> or a list");
        }

        return null;
    }

    private static void ReportNameClashes(SymbolAnalysisContext context, IMethodSymbol method, AttributeData attribute, string methodName, Location nameLocation)
    {
        string? nameArgument = null;
        var location = nameLocation;
        foreach (var named in attribute.NamedArguments)
        {
            if (named.Key == ParallelizableNames.NameArgument && named.Value.Value is string name && name.Length > 0)
            {
                nameArgument = name;
                location = NameArgumentLocation(attribute, context.CancellationToken) ?? nameLocation;
            }
        }

        var prefix = WrapperPrefix.Of(method, nameArgument);

        var type = method.ContainingType;
        foreach (var suffix in ParallelizableNames.WrapperSuffixes)
        {
            var wrapper = prefix + suffix;
            foreach (var member in type.GetMembers(wrapper))
            {
                if (member.IsImplicitlyDeclared || IsGeneratedByParallelGen(member))
                {
                    continue;
                }

                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.WrapperNameClash,
                    location,
                    wrapper,
                    methodName,
                    member.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat),
                    type.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat)));
                break;
            }
        }
    }

    private static Location? NameArgumentLocation(AttributeData attribute, CancellationToken ct)
    {
        if (attribute.ApplicationSyntaxReference?.GetSyntax(ct) is not AttributeSyntax { ArgumentList: { } arguments })
        {
            return null;
        }

        return arguments.Arguments
            .FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == ParallelizableNames.NameArgument)
            ?.GetLocation();
    }

    private static bool IsGeneratedByParallelGen(ISymbol member)
    {
        // The generator's own wrappers are members of the same partial type once it has run; they live in generated
        // trees (under the generator's folder) or carry [GeneratedCode("ParallelGen...")], and never count as clashes.
        foreach (var a in member.GetAttributes())
        {
            if (a.AttributeClass?.Name == "GeneratedCodeAttribute"
                && a.ConstructorArguments.Length > 0
                && a.ConstructorArguments[0].Value is string tool
                && tool.StartsWith("ParallelGen", System.StringComparison.Ordinal))
            {
                return true;
            }
        }

        var references = member.DeclaringSyntaxReferences;
        return references.Length > 0
            && references.All(r => r.SyntaxTree.FilePath.IndexOf("ParallelGen.Generator", System.StringComparison.Ordinal) >= 0);
    }
}
