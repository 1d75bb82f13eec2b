using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using ParallelGen.Shared;
using ParallelGen.Shared.Wrapping;

namespace ParallelGen.Analyzers.Usage;

/// <summary>
/// The usage rules of <c>[Parallelizable]</c> (PG0001-PG0005, PG0010-PG0012). What they report is what the shared rule
/// <see cref="Wrappability"/> finds, the same function the generator calls: a method gets wrappers exactly when no
/// usage rule reports it. Local functions and lambdas, which get no symbol action, are reported here from syntax.
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
        DiagnosticDescriptors.NotAMethod,
        DiagnosticDescriptors.InvalidWrapperName,
        DiagnosticDescriptors.WrappersCollide,
        DiagnosticDescriptors.UnsupportedContainingType);

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

            start.RegisterSymbolAction(AnalyzeMethod, SymbolKind.Method);
            start.RegisterSyntaxNodeAction(
                c => AnalyzeFunctionWithoutSymbolAction(c, attribute),
                SyntaxKind.LocalFunctionStatement,
                SyntaxKind.ParenthesizedLambdaExpression);
        });
    }

    private static void AnalyzeMethod(SymbolAnalysisContext context)
    {
        var method = (IMethodSymbol)context.Symbol;
        if (ParallelizableAttributes.Find(method) is not { } attribute)
        {
            return;
        }

        var problems = new List<WrapProblem>();
        Wrappability.Check(method, attribute, problems, context.CancellationToken);
        foreach (var problem in problems)
        {
            if (Descriptor(problem.Rule) is { } descriptor)
            {
                context.ReportDiagnostic(Diagnostic.Create(descriptor, Locate(method, attribute, problem, context.CancellationToken), problem.Arguments));
            }
        }
    }

    /// <summary>The rule's descriptor; none for a signature the compiler already reports.</summary>
    private static DiagnosticDescriptor? Descriptor(WrapRule rule) => rule switch
    {
        WrapRule.ContainingTypeNotPartial => DiagnosticDescriptors.ContainingTypeNotPartial,
        WrapRule.UnsupportedParameter => DiagnosticDescriptors.UnsupportedParameter,
        WrapRule.UnsupportedReturn => DiagnosticDescriptors.UnsupportedReturn,
        WrapRule.WrapperNameClash => DiagnosticDescriptors.WrapperNameClash,
        WrapRule.NotAMethod => DiagnosticDescriptors.NotAMethod,
        WrapRule.InvalidName => DiagnosticDescriptors.InvalidWrapperName,
        WrapRule.WrappersCollide => DiagnosticDescriptors.WrappersCollide,
        WrapRule.UnsupportedContainingType => DiagnosticDescriptors.UnsupportedContainingType,
        _ => null,
    };

    private static Location Locate(IMethodSymbol method, AttributeData attribute, WrapProblem problem, CancellationToken ct)
    {
        var declaration = method.DeclaringSyntaxReferences.Select(r => r.GetSyntax(ct)).OfType<MethodDeclarationSyntax>().FirstOrDefault();
        var nameLocation = declaration?.Identifier.GetLocation() ?? method.Locations.FirstOrDefault() ?? Location.None;
        switch (problem.Site)
        {
            case WrapSite.Attribute:
                return AttributeLocation(attribute, ct);
            case WrapSite.NameArgument:
                return NameArgumentLocation(attribute, ct) ?? nameLocation;
            case WrapSite.Parameter:
                var parameter = method.Parameters[problem.ParameterIndex];
                return parameter.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(ct).GetLocation() ?? parameter.Locations.FirstOrDefault() ?? nameLocation;
            case WrapSite.ReturnType:
                return declaration?.ReturnType.GetLocation() ?? nameLocation;
            default:
                return nameLocation;
        }
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

        var name = context.Node is LocalFunctionStatementSyntax ? symbol!.Name : "(...) => ...";
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.NotAMethod, AttributeLocation(attribute, context.CancellationToken), kind, name));
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
}
