using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ParallelGen.Analyzers;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace ParallelGen.CodeFixes.Races;

/// <summary>
/// PG0100: a captured sum in <c>Parallel.For</c>/<c>Parallel.ForEach</c> (<c>sum += f(i)</c>) moves to the
/// <c>localInit</c>/<c>localFinally</c> overload: each worker adds into its own accumulator, and the accumulators are
/// combined once per worker — with <c>Interlocked.Add</c> for <c>int</c>/<c>long</c>, under a lock otherwise.
/// Offered when every use of the variable inside the loop body is such an addition.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseLocalAccumulatorCodeFix)), Shared]
public sealed class UseLocalAccumulatorCodeFix : CodeFixProvider
{
    /// <summary>The equivalence key of the action.</summary>
    public const string Key = "ParallelGen.UseLocalInitLocalFinally";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.CapturedVariableWritten);

    /// <inheritdoc />
    public override FixAllProvider? GetFixAllProvider() => null;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var ct = context.CancellationToken;
        var root = await context.Document.GetSyntaxRootAsync(ct).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(ct).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        var node = root.FindNode(context.Span, getInnermostNodeForTie: true);
        var write = node.AncestorsAndSelf().TakeWhile(n => n is not StatementSyntax).OfType<ExpressionSyntax>().FirstOrDefault(IsAccumulation);
        if (write is null || Plan(write, model, ct) is not { } plan)
        {
            return;
        }

        context.RegisterCodeFix(
            CodeAction.Create("Accumulate per worker (localInit/localFinally)", _ => Task.FromResult(Apply(context.Document, root, plan)), Key),
            context.Diagnostics);
    }

    private static bool IsAccumulation(ExpressionSyntax e) =>
        e.IsKind(SyntaxKind.AddAssignmentExpression) || e.IsKind(SyntaxKind.SubtractAssignmentExpression)
        || e.IsKind(SyntaxKind.PostIncrementExpression) || e.IsKind(SyntaxKind.PreIncrementExpression);

    private static ExpressionSyntax Target(ExpressionSyntax write) => write switch
    {
        AssignmentExpressionSyntax a => a.Left,
        PostfixUnaryExpressionSyntax p => p.Operand,
        PrefixUnaryExpressionSyntax p => p.Operand,
        _ => write,
    };

    private static Plan? Plan(ExpressionSyntax write, SemanticModel model, CancellationToken ct)
    {
        var symbol = model.GetSymbolInfo(Target(write), ct).Symbol;
        var type = symbol switch
        {
            ILocalSymbol { RefKind: RefKind.None, IsConst: false } l => l.Type,
            IParameterSymbol { RefKind: RefKind.None } p => p.Type,
            _ => null,
        };
        var zero = type?.SpecialType switch
        {
            SpecialType.System_Int32 => "0",
            SpecialType.System_Int64 => "0L",
            SpecialType.System_UInt32 => "0u",
            SpecialType.System_UInt64 => "0ul",
            SpecialType.System_Single => "0f",
            SpecialType.System_Double => "0.0",
            SpecialType.System_Decimal => "0m",
            _ => null,
        };
        var lambda = write.Ancestors().OfType<AnonymousFunctionExpressionSyntax>().FirstOrDefault();
        if (symbol is null || zero is null || lambda is not LambdaExpressionSyntax { AsyncKeyword.RawKind: 0 } body
            || lambda.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax arguments } bodyArgument
            || arguments.Arguments.Last() != bodyArgument
            || arguments.Parent is not InvocationExpressionSyntax invocation
            || model.GetSymbolInfo(invocation, ct).Symbol is not IMethodSymbol { Name: "For" or "ForEach" } method
            || method.ContainingType.ToDisplayString() != "System.Threading.Tasks.Parallel"
            || method.Parameters.Last().Type is not INamedTypeSymbol { Name: "Action", TypeArguments.Length: 1 }
            || symbol.Locations.Any(l => lambda.Span.Contains(l.SourceSpan)))
        {
            return null;
        }

        // Every use inside the body must be an accumulation statement of the variable.
        var writes = new List<ExpressionSyntax>();
        foreach (var name in lambda.DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            if (name.Identifier.ValueText != symbol.Name || !SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name, ct).Symbol, symbol))
            {
                continue;
            }

            if (name.Parent is not ExpressionSyntax accumulation || !IsAccumulation(accumulation) || Target(accumulation) != name
                || (accumulation.Parent is not ExpressionStatementSyntax && accumulation != body.ExpressionBody)
                || accumulation.Ancestors().OfType<AnonymousFunctionExpressionSyntax>().First() != lambda)
            {
                return null;
            }

            writes.Add(accumulation);
        }

        var local = FreeName(lambda, "local" + char.ToUpperInvariant(symbol.Name[0]) + symbol.Name.Substring(1));
        var statement = invocation.Ancestors().OfType<StatementSyntax>().FirstOrDefault();
        var interlocked = type!.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_UInt32 or SpecialType.System_UInt64;
        if (!interlocked && statement?.Parent is not BlockSyntax)
        {
            return null;
        }

        var endReachable = body.Block is { Statements.Count: > 0 } block
            && model.AnalyzeControlFlow(block.Statements.First(), block.Statements.Last()) is { Succeeded: true } flow
                ? flow.EndPointIsReachable
                : true;
        return new Plan(symbol.Name, zero, local, FreeName(lambda, symbol.Name + "Lock"), interlocked, endReachable, body, invocation, statement, writes);
    }

    private static string FreeName(SyntaxNode scope, string name)
    {
        var used = new HashSet<string>(scope.DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken)).Select(t => t.ValueText));
        var candidate = name;
        for (var i = 2; used.Contains(candidate); i++)
        {
            candidate = name + i;
        }

        return candidate;
    }

    private static Document Apply(Document document, SyntaxNode root, Plan plan)
    {
        var lambda = plan.Lambda;

        // The body: accumulate into the worker's local and hand it back.
        CSharpSyntaxNode newBody;
        if (lambda.ExpressionBody is { } expression)
        {
            newBody = ParseExpression(Combined(plan.Local, expression)).WithTriviaFrom(expression);
        }
        else
        {
            var block = lambda.Block!;
            var returns = block.DescendantNodes(n => n is not AnonymousFunctionExpressionSyntax and not LocalFunctionStatementSyntax)
                .OfType<ReturnStatementSyntax>()
                .Where(r => r.Expression is null);
            var rewritten = block.ReplaceNodes(
                plan.Writes.Cast<SyntaxNode>().Concat(returns),
                (original, _) => original is ReturnStatementSyntax ret
                    ? ParseStatement($"return {plan.Local};").WithTriviaFrom(ret)
                    : ParseExpression(Combined(plan.Local, (ExpressionSyntax)original, assign: true)).WithTriviaFrom(original));
            if (plan.EndReachable)
            {
                var last = rewritten.Statements.LastOrDefault();
                var indentation = last is null
                    ? TriviaList(Whitespace("    "))
                    : TriviaList(last.GetLeadingTrivia().Where(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).Reverse().Take(1));
                rewritten = rewritten.AddStatements(ParseStatement($"return {plan.Local};").WithLeadingTrivia(indentation).WithTrailingTrivia(LineFeed));
            }

            newBody = rewritten;
        }

        var first = lambda switch
        {
            SimpleLambdaExpressionSyntax simple => simple.Parameter,
            ParenthesizedLambdaExpressionSyntax l => l.ParameterList.Parameters[0],
            _ => throw new System.InvalidOperationException("A lambda has parameters."),
        };
        var parameterList = first.Type is null
            ? ParameterList(SeparatedList(
                new[] { Parameter(first.Identifier.WithoutTrivia()), Parameter(Identifier("_")), Parameter(Identifier(plan.Local)) },
                new[] { Comma(), Comma() }))
            : ParseParameterList($"({first.WithoutTrivia()}, System.Threading.Tasks.ParallelLoopState _, {plan.TypeOfLocal} {plan.Local})");
        var newLambda = ParenthesizedLambdaExpression(parameterList.WithTrailingTrivia(Space), newBody)
            .WithArrowToken(lambda.ArrowToken)
            .WithTriviaFrom(lambda);

        var finallyText = plan.Interlocked
            ? $"{plan.Local} => Interlocked.Add(ref {plan.Variable}, {plan.Local})"
            : $"{plan.Local} => {{ lock ({plan.LockName}) {{ {plan.Variable} += {plan.Local}; }} }}";
        var arguments = plan.Invocation.ArgumentList.Arguments;
        var nodes = arguments.Take(arguments.Count - 1)
            .Append(Argument(ParseExpression($"() => {plan.Zero}")))
            .Append(arguments.Last().WithExpression(newLambda))
            .Append(Argument(ParseExpression(finallyText)));
        var separators = arguments.GetSeparators().Concat(new[] { Comma(), Comma() });
        var newInvocation = plan.Invocation.WithArgumentList(plan.Invocation.ArgumentList.WithArguments(SeparatedList(nodes, separators)));

        SyntaxNode newRoot;
        if (plan.Interlocked)
        {
            newRoot = Usings.Ensure(root.ReplaceNode(plan.Invocation, newInvocation), "System.Threading");
        }
        else
        {
            var statement = plan.Statement!;
            var gate = ParseStatement($"object {plan.LockName} = new object();")
                .WithLeadingTrivia(statement.GetLeadingTrivia())
                .WithTrailingTrivia(LineFeed);
            var newStatement = statement.ReplaceNode(plan.Invocation, newInvocation);
            var block = (BlockSyntax)statement.Parent!;
            var index = block.Statements.IndexOf(statement);
            var newBlock = block.WithStatements(block.Statements.RemoveAt(index).InsertRange(index, new[] { gate, newStatement }));
            newRoot = root.ReplaceNode(block, newBlock);
        }

        return document.WithSyntaxRoot(newRoot);
    }

    private static SyntaxToken Comma() => Token(SyntaxKind.CommaToken).WithTrailingTrivia(Space);

    /// <summary><c>local + (e)</c> for the value of the accumulation, or <c>local += e</c> when assigning.</summary>
    private static string Combined(string local, ExpressionSyntax accumulation, bool assign = false)
    {
        var (op, operand) = accumulation switch
        {
            AssignmentExpressionSyntax a => (a.IsKind(SyntaxKind.SubtractAssignmentExpression) ? "-" : "+", a.Right.WithoutTrivia().ToString()),
            _ => ("+", "1"),
        };
        if (assign)
        {
            return $"{local} {op}= {operand}";
        }

        var simple = accumulation is AssignmentExpressionSyntax { Right: IdentifierNameSyntax or LiteralExpressionSyntax or InvocationExpressionSyntax or MemberAccessExpressionSyntax or ElementAccessExpressionSyntax }
            || accumulation is not AssignmentExpressionSyntax;
        return simple ? $"{local} {op} {operand}" : $"{local} {op} ({operand})";
    }
}

/// <summary>What <see cref="UseLocalAccumulatorCodeFix"/> rewrites.</summary>
internal sealed class Plan(string variable, string zero, string local, string lockName, bool interlocked, bool endReachable, LambdaExpressionSyntax lambda, InvocationExpressionSyntax invocation, StatementSyntax? statement, List<ExpressionSyntax> writes)
{
    public string Variable { get; } = variable;

    public string Zero { get; } = zero;

    public string Local { get; } = local;

    public string LockName { get; } = lockName;

    public bool Interlocked { get; } = interlocked;

    public bool EndReachable { get; } = endReachable;

    public LambdaExpressionSyntax Lambda { get; } = lambda;

    public InvocationExpressionSyntax Invocation { get; } = invocation;

    public StatementSyntax? Statement { get; } = statement;

    public List<ExpressionSyntax> Writes { get; } = writes;

    /// <summary>The local's type for an explicitly typed lambda: the type of the zero literal.</summary>
    public string TypeOfLocal => Zero switch
        {
            "0" => "int",
            "0L" => "long",
            "0u" => "uint",
            "0ul" => "ulong",
            "0f" => "float",
            "0.0" => "double",
            _ => "decimal",
        };
}
